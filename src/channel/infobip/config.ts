/**
 * Infobip WhatsApp settings from the environment. All variables are optional; Infobip is on when
 * all four are set. Half a configuration is an error, never a silent "off" — in particular an
 * Infobip without a webhook secret would accept anyone's "customer messages".
 */
import { z } from 'zod';
import { ConfigError } from '../../config/errors.js';
import { infobipBaseUrl } from './transport.js';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** The environment variables Infobip reads; `src/config/config.ts` can merge this shape. */
export const infobipEnvSchema = z.object({
  INFOBIP_BASE_URL: optionalString,
  INFOBIP_API_KEY: optionalString,
  INFOBIP_SENDER: optionalString,
  INFOBIP_WEBHOOK_SECRET: optionalString,
});
export type InfobipEnv = z.infer<typeof infobipEnvSchema>;

export const infobipSettingsSchema = z.object({
  /** `https://xxxxx.api.infobip.com`: Infobip's console shows the host without a scheme. */
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  /** The business WhatsApp number as digits (no `+`). */
  sender: z.string().regex(/^\d{6,20}$/, 'a phone number in international format, e.g. 441134960000'),
  // A short secret is guessable from the outside: this one alone stands between the internet and
  // "a customer wrote to us".
  webhookSecret: z.string().min(16, 'at least 16 characters'),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type InfobipSettings = z.infer<typeof infobipSettingsSchema>;
export type InfobipSettingsInput = z.input<typeof infobipSettingsSchema>;

const NAMES = ['INFOBIP_BASE_URL', 'INFOBIP_API_KEY', 'INFOBIP_SENDER', 'INFOBIP_WEBHOOK_SECRET'] as const;

const envNames: Record<string, string> = {
  baseUrl: 'INFOBIP_BASE_URL',
  apiKey: 'INFOBIP_API_KEY',
  sender: 'INFOBIP_SENDER',
  webhookSecret: 'INFOBIP_WEBHOOK_SECRET',
};

/**
 * Reads Infobip settings from an environment record: `undefined` when Infobip is not configured,
 * settings when it is, a `ConfigError` naming each variable (never its value) when half of it is.
 */
export function infobipSettingsFromEnv(
  source: Record<string, string | undefined>,
): InfobipSettings | undefined {
  const env = infobipEnvSchema.safeParse(source);
  if (!env.success) {
    throw new ConfigError(env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = env.data;
  const set = NAMES.filter((name) => e[name] !== undefined);
  if (set.length === 0) return undefined;
  const missing = NAMES.filter((name) => e[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${name}: required when ${set.join(', ')} is set`));
  }

  const input: InfobipSettingsInput = {
    baseUrl: infobipBaseUrl(e.INFOBIP_BASE_URL ?? ''),
    apiKey: e.INFOBIP_API_KEY ?? '',
    sender: (e.INFOBIP_SENDER ?? '').replace(/^\+/, '').replace(/[\s-]/g, ''),
    webhookSecret: e.INFOBIP_WEBHOOK_SECRET ?? '',
  };
  const settings = infobipSettingsSchema.safeParse(input);
  if (!settings.success) {
    throw new ConfigError(
      settings.error.issues.map((i) => `${envNames[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`),
    );
  }
  return settings.data;
}
