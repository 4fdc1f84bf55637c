/**
 * Twilio WhatsApp settings from the environment. All variables are optional; Twilio is on when the
 * three required ones are set, and a half-configured Twilio is an error, never a silent "off".
 */
import { z } from 'zod';
import { ConfigError } from '../../config/errors.js';
import { CONTENT_SID_RE } from './render.js';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** The environment variables Twilio reads; `src/config/config.ts` can merge this shape. */
export const twilioEnvSchema = z.object({
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_WHATSAPP_FROM: optionalString,
  TWILIO_API_BASE_URL: optionalString,
  TWILIO_MENU_CONTENT_SID: optionalString,
  PUBLIC_BASE_URL: optionalString,
});
export type TwilioEnv = z.infer<typeof twilioEnvSchema>;

/** The route Twilio posts to; the status callback URL is built from it. */
export const TWILIO_WEBHOOK_PATH = '/webhooks/twilio';

export const twilioSettingsSchema = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'an Account SID: AC and 32 hex digits'),
  authToken: z.string().min(1),
  /** Normalised to `whatsapp:+<digits>`. */
  from: z.string().regex(/^whatsapp:\+\d{6,20}$/, 'a WhatsApp sender: whatsapp:+14155238886'),
  apiBaseUrl: z.url().default('https://api.twilio.com'),
  menuContentSid: z.string().regex(CONTENT_SID_RE, 'a Content SID: HX and 32 hex digits').optional(),
  /** Twilio signs the URL it called; behind a proxy that is this base plus the route's path. */
  publicBaseUrl: z.url().optional(),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type TwilioSettings = z.infer<typeof twilioSettingsSchema>;
export type TwilioSettingsInput = z.input<typeof twilioSettingsSchema>;

const REQUIRED = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_WHATSAPP_FROM'] as const;
const OPTIONAL = ['TWILIO_API_BASE_URL', 'TWILIO_MENU_CONTENT_SID'] as const;

const envNames: Record<string, string> = {
  accountSid: 'TWILIO_ACCOUNT_SID',
  authToken: 'TWILIO_AUTH_TOKEN',
  from: 'TWILIO_WHATSAPP_FROM',
  apiBaseUrl: 'TWILIO_API_BASE_URL',
  menuContentSid: 'TWILIO_MENU_CONTENT_SID',
  publicBaseUrl: 'PUBLIC_BASE_URL',
};

/** `+14155238886`, `14155238886` or `whatsapp:+14155238886` → `whatsapp:+14155238886`. */
function normaliseFrom(value: string): string {
  const bare = value.replace(/^whatsapp:/i, '').replace(/[\s-]/g, '');
  return `whatsapp:${bare.startsWith('+') ? bare : `+${bare}`}`;
}

/**
 * Reads Twilio settings from an environment record: `undefined` when Twilio is not configured,
 * settings when it is, a `ConfigError` naming each variable (never its value) when half of it is.
 */
export function twilioSettingsFromEnv(
  source: Record<string, string | undefined>,
): TwilioSettings | undefined {
  const env = twilioEnvSchema.safeParse(source);
  if (!env.success) {
    throw new ConfigError(env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = env.data;
  const set = [...REQUIRED, ...OPTIONAL].filter((name) => e[name] !== undefined);
  if (set.length === 0) return undefined;
  const missing = REQUIRED.filter((name) => e[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${name}: required when ${set.join(', ')} is set`));
  }

  const publicBaseUrl = e.PUBLIC_BASE_URL?.replace(/\/+$/, '');
  const input: TwilioSettingsInput = {
    accountSid: e.TWILIO_ACCOUNT_SID ?? '',
    authToken: e.TWILIO_AUTH_TOKEN ?? '',
    from: normaliseFrom(e.TWILIO_WHATSAPP_FROM ?? ''),
    ...(e.TWILIO_API_BASE_URL ? { apiBaseUrl: e.TWILIO_API_BASE_URL.replace(/\/+$/, '') } : {}),
    ...(e.TWILIO_MENU_CONTENT_SID ? { menuContentSid: e.TWILIO_MENU_CONTENT_SID } : {}),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
  };
  const settings = twilioSettingsSchema.safeParse(input);
  if (!settings.success) {
    throw new ConfigError(
      settings.error.issues.map((i) => `${envNames[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`),
    );
  }
  return settings.data;
}

/** Where Twilio should post status callbacks for what we send; only known with a public URL. */
export function twilioStatusCallbackUrl(settings: TwilioSettings): string | undefined {
  return settings.publicBaseUrl ? `${settings.publicBaseUrl}${TWILIO_WEBHOOK_PATH}` : undefined;
}
