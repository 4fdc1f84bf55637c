import { z } from 'zod';
import { ConfigError } from '../../config/errors.js';

export const sinkKinds = ['slack', 'webhook', 'zendesk', 'teams'] as const;
export type SinkKind = (typeof sinkKinds)[number];

/** The outbox `kind` of a sink's delivery rows. */
export const sinkOutboxKind = (kind: SinkKind) => `sink:${kind}` as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Sinks carry customer data, and some URLs are themselves the credential (Slack, Teams), so
 * they must be HTTPS. Plain HTTP is allowed on loopback only, for local receivers and tests.
 */
const secureUrl = z.string().refine((value) => {
  // a value that is no URL at all gets the same message: zod's own would not say https
  const url = URL.canParse(value) ? new URL(value) : undefined;
  return (
    url !== undefined &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
  );
}, 'must be an https:// URL (http:// only on localhost)');

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i, 'a domain name');

export const sinkSettingsSchema = z.object({
  /** Makes the packet's inbox link absolute; without it Slack and Teams show no button. */
  publicBaseUrl: z.url().optional(),
  /** Per request, including reading the response. */
  timeoutMs: z.number().int().positive().default(10_000),
  slack: z.object({ webhookUrl: secureUrl }).optional(),
  webhook: z
    .object({
      url: secureUrl,
      // A short secret is guessable offline from one captured delivery; receivers deserve better.
      secret: z.string().min(16, 'at least 16 characters'),
    })
    .optional(),
  zendesk: z
    .object({
      /** `https://acme.zendesk.com`, or a host-mapped or test URL. */
      baseUrl: secureUrl,
      email: z.email(),
      apiToken: z.string().min(1),
      /**
       * Zendesk needs an email to create a new requester; WhatsApp gives none, so Baton makes one
       * up under this domain. The `.invalid` TLD (RFC 2606) never delivers, so Zendesk's
       * "request received" mail cannot reach a stranger.
       */
      requesterDomain: hostname.default('whatsapp.invalid'),
    })
    .optional(),
  teams: z.object({ webhookUrl: secureUrl }).optional(),
});
export type SinkSettings = z.infer<typeof sinkSettingsSchema>;
export type SinkSettingsInput = z.input<typeof sinkSettingsSchema>;

/** Sinks that will receive a handoff, in a stable order. */
export function enabledSinks(settings: SinkSettings): SinkKind[] {
  return sinkKinds.filter((kind) => settings[kind] !== undefined);
}

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** The environment variables the sinks read; `src/config/config.ts` can merge this shape. */
export const sinkEnvSchema = z.object({
  PUBLIC_BASE_URL: optionalString,
  SINK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SLACK_WEBHOOK_URL: optionalString,
  HANDOFF_WEBHOOK_URL: optionalString,
  HANDOFF_WEBHOOK_SECRET: optionalString,
  ZENDESK_BASE_URL: optionalString,
  ZENDESK_EMAIL: optionalString,
  ZENDESK_API_TOKEN: optionalString,
  ZENDESK_REQUESTER_DOMAIN: optionalString,
  TEAMS_WEBHOOK_URL: optionalString,
});

/** `acme` is shorthand for `https://acme.zendesk.com`, and `acme.zendesk.com` for the same. */
function zendeskBaseUrl(value: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/i.test(value)) return `https://${value}.zendesk.com`;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  return url.replace(/\/+$/, '');
}

/** The names that belong together; half a sink is a mistake, never a silent "off". */
const groups: { sink: SinkKind; names: (keyof z.infer<typeof sinkEnvSchema>)[] }[] = [
  { sink: 'webhook', names: ['HANDOFF_WEBHOOK_URL', 'HANDOFF_WEBHOOK_SECRET'] },
  { sink: 'zendesk', names: ['ZENDESK_BASE_URL', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'] },
];

/**
 * Reads sink settings from an environment record. Fails closed: a webhook without a secret or
 * a Zendesk without a token stops start-up instead of quietly not delivering.
 */
export function sinkSettingsFromEnv(source: Record<string, string | undefined>): SinkSettings {
  const env = sinkEnvSchema.safeParse(source);
  if (!env.success) {
    throw new ConfigError(env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = env.data;
  const problems: string[] = [];
  for (const { names } of groups) {
    const set = names.filter((name) => e[name] !== undefined);
    if (set.length > 0 && set.length < names.length) {
      const missing = names.filter((name) => e[name] === undefined);
      problems.push(...missing.map((name) => `${name}: required when ${set.join(', ')} is set`));
    }
  }
  if (e.ZENDESK_REQUESTER_DOMAIN !== undefined && e.ZENDESK_BASE_URL === undefined) {
    problems.push('ZENDESK_REQUESTER_DOMAIN: set without ZENDESK_BASE_URL');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const input: SinkSettingsInput = {
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL } : {}),
    timeoutMs: e.SINK_TIMEOUT_MS,
    ...(e.SLACK_WEBHOOK_URL ? { slack: { webhookUrl: e.SLACK_WEBHOOK_URL } } : {}),
    ...(e.HANDOFF_WEBHOOK_URL && e.HANDOFF_WEBHOOK_SECRET
      ? { webhook: { url: e.HANDOFF_WEBHOOK_URL, secret: e.HANDOFF_WEBHOOK_SECRET } }
      : {}),
    ...(e.ZENDESK_BASE_URL && e.ZENDESK_EMAIL && e.ZENDESK_API_TOKEN
      ? {
          zendesk: {
            baseUrl: zendeskBaseUrl(e.ZENDESK_BASE_URL),
            email: e.ZENDESK_EMAIL,
            apiToken: e.ZENDESK_API_TOKEN,
            ...(e.ZENDESK_REQUESTER_DOMAIN ? { requesterDomain: e.ZENDESK_REQUESTER_DOMAIN } : {}),
          },
        }
      : {}),
    ...(e.TEAMS_WEBHOOK_URL ? { teams: { webhookUrl: e.TEAMS_WEBHOOK_URL } } : {}),
  };
  const settings = sinkSettingsSchema.safeParse(input);
  if (!settings.success) {
    // Name the environment variable, and never echo the value: it may be a secret URL.
    throw new ConfigError(settings.error.issues.map((i) => `${envNameOf(i.path)}: ${i.message}`));
  }
  return settings.data;
}

const envNames: Record<string, string> = {
  publicBaseUrl: 'PUBLIC_BASE_URL',
  'slack.webhookUrl': 'SLACK_WEBHOOK_URL',
  'webhook.url': 'HANDOFF_WEBHOOK_URL',
  'webhook.secret': 'HANDOFF_WEBHOOK_SECRET',
  'zendesk.baseUrl': 'ZENDESK_BASE_URL',
  'zendesk.email': 'ZENDESK_EMAIL',
  'zendesk.apiToken': 'ZENDESK_API_TOKEN',
  'zendesk.requesterDomain': 'ZENDESK_REQUESTER_DOMAIN',
  'teams.webhookUrl': 'TEAMS_WEBHOOK_URL',
};

function envNameOf(path: PropertyKey[]): string {
  const key = path.map(String).join('.');
  return envNames[key] ?? key;
}
