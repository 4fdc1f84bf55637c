import { z } from 'zod';
import { type InfobipSettings, infobipSettingsFromEnv } from '../channel/infobip/config.js';
import { type TwilioSettings, twilioSettingsFromEnv } from '../channel/twilio/config.js';
import { promptBundle } from '../generated/prompts.js';
import { type SinkSettings, sinkSettingsFromEnv } from '../handoff/sinks/config.js';
import { PromptConfigError, selectPrompts } from '../llm/openai/prompts.js';
import { type MediaEnv, mediaEnvSchema } from '../media/config.js';
import { parseBusinessHours, parseClosedDates } from '../policy/business-hours.js';
import { ConfigError } from './errors.js';

export { ConfigError };

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));
/** The demo shop's name and address: fine to try Baton, a mistake in production (warnings.ts). */
export const DEMO_BUSINESS = 'Volta Electronics';
export const DEMO_EMAIL = 'support@volta.example';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `sun-thu 09:00-13:00 16:00-22:00, sat 10:00-14:00`: groups of a day or days and their times. */
const HOURS_GROUP = String.raw`[a-z]+(?:-[a-z]+)?(?:\s+\d{2}:\d{2}-\d{2}:\d{2})+`;
const BUSINESS_HOURS_SHAPE = new RegExp(String.raw`^\s*${HOURS_GROUP}(?:\s*,\s*${HOURS_GROUP})*\s*$`);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every environment variable Baton reads; the README's configuration table mirrors this. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** The address the Node server listens on; see `listenHost`. */
  HOST: optionalString,
  DATABASE_URL: z
    .string()
    .regex(
      /^(?:file:|libsql:|https?:|wss?:|:memory:$)/,
      'a libSQL URL: file:…, :memory:, libsql://…, http(s)://… or ws(s)://…',
    )
    // the credential would be logged with the URL in every connection error
    .refine(
      (url) => !/^[a-z]+:\/\/[^/@]*@/i.test(url),
      'no user or password in the URL: put the token in DATABASE_AUTH_TOKEN',
    )
    .default('file:./data/baton.db'),
  DATABASE_AUTH_TOKEN: optionalString,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  PUBLIC_BASE_URL: z.url().optional(),
  /** When set, GET /metrics needs `Authorization: Bearer <token>` (a scraper's credential). */
  METRICS_TOKEN: optionalString,

  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: optionalString.refine(
    (id) => id === undefined || /^\d+$/.test(id),
    "Meta's id of the number (digits only, from WhatsApp → API Setup), not the phone number itself",
  ),
  WHATSAPP_API_BASE_URL: z.url().default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'a Graph API version like v26.0')
    .default('v26.0'),
  WHATSAPP_SEND_TIMEOUT_MS: positiveInt(10_000),
  /** Approved templates agents may send outside the 24-hour window, as JSON. */
  WHATSAPP_TEMPLATES: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON: [{"name","language","parameters"}]' });
        return z.NEVER;
      }
    })
    .pipe(
      z.array(
        z.strictObject({
          name: z.string().min(1),
          language: z.string().min(2),
          parameters: z.number().int().min(0).default(0),
        }),
      ),
    ),
  /** Free text is refused this many minutes before the window closes, so it is not lost in flight. */
  WHATSAPP_WINDOW_MARGIN_MINUTES: z.coerce.number().int().min(0).default(10),

  OPENAI_API_KEY: optionalString,
  LLM_BASE_URL: z.url().optional(),
  /** Wins over the `model` in the prompt files' front matter when set. */
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: positiveInt(8_000),
  /** Active prompt versions: `v1`, or per job `classifier=v2,responder=v1`. */
  /** Checked against the bundled prompts whichever engine runs: a typo stops the start. */
  LLM_PROMPTS: optionalString.superRefine((spec, ctx) => {
    if (spec === undefined) return;
    try {
      selectPrompts(promptBundle, spec);
    } catch (error) {
      if (!(error instanceof PromptConfigError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  }),
  LLM_STREAM: flag,
  AZURE_OPENAI_ENDPOINT: z.url().optional(),
  AZURE_OPENAI_API_KEY: optionalString,
  AZURE_OPENAI_DEPLOYMENT: optionalString,
  AZURE_OPENAI_API_VERSION: optionalString,

  SANDBOX_ENABLED: flag,
  WEBHOOK_BODY_LIMIT_BYTES: positiveInt(1_048_576),
  /** How long the worker waits after a message so a burst is handled in timestamp order. */
  CONVERSATION_SETTLE_MS: z.coerce.number().int().min(0).default(300),
  WORKER_CONCURRENCY: positiveInt(16),
  OUTBOX_MAX_ATTEMPTS: positiveInt(8),
  OUTBOX_BASE_DELAY_MS: positiveInt(1_000),
  OUTBOX_POLL_MS: positiveInt(1_000),
  /** How long a claimed send is reserved before another worker may take it (a crash mid-send). */
  OUTBOX_LEASE_MS: positiveInt(60_000),
  /** Customer messages one conversation may have answered per minute; 0 turns the limit off. */
  CUSTOMER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),

  FRUSTRATION_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  FAILED_ATTEMPTS_THRESHOLD: positiveInt(3),
  KNOWLEDGE_MIN_SCORE: z.coerce.number().min(0).default(10),
  /** Share of a question's search terms, weighted by how few pages use each, the best section must match. */
  KNOWLEDGE_MIN_COVERAGE: z.coerce.number().min(0).max(1).default(0.5),
  BUSINESS_HOURS: z
    .string()
    // the shape only, and nothing more said when it is wrong: the parser names a wrong day or time
    .regex(BUSINESS_HOURS_SHAPE, {
      message: 'like "sun-thu 09:00-18:00" or "sun-thu 09:00-13:00 16:00-22:00, sat 10:00-14:00"',
      abort: true,
    })
    .superRefine((spec, ctx) => {
      try {
        parseBusinessHours(spec, 'UTC');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^BUSINESS_HOURS: /, '') });
      }
    })
    .default('sun-thu 09:00-18:00'),
  BUSINESS_TIMEZONE: z
    .string()
    .min(1)
    .default('Asia/Riyadh')
    .refine(isTimeZone, 'an IANA time zone like Asia/Riyadh or Asia/Dubai'),
  /** Holidays on working days: `2026-03-19..2026-03-22,2026-09-23`, local dates. */
  BUSINESS_CLOSED_DATES: z
    .string()
    .default('')
    .superRefine((spec, ctx) => {
      try {
        parseClosedDates(spec);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  BUSINESS_NAME: z.string().min(1).default(DEMO_BUSINESS),
  SUPPORT_EMAIL: z.email().default(DEMO_EMAIL),
  HANDOFF_SLA_MINUTES: positiveInt(30),
  /** An agent-mode conversation with no message from either side this long goes back to the bot. */
  HANDOFF_IDLE_HOURS: z.coerce.number().positive().default(24),
  HANDOFF_TIMER_INTERVAL_MS: positiveInt(60_000),
  /** Days a conversation no one writes in is kept before it is erased; 0 keeps it for ever. */
  RETENTION_DAYS: z.coerce.number().int().min(0).default(0),

  ORDERS_API_URL: z.url().optional(),
  ORDERS_API_TOKEN: optionalString,
});

export type Env = z.infer<typeof envSchema>;

/** The media variables live beside their code (src/media/config.ts) and join the one schema. */
const fullEnvSchema = envSchema.extend(mediaEnvSchema.shape);

export interface Config extends Env, MediaEnv {
  production: boolean;
  sandboxEnabled: boolean;
  /**
   * Where the Node server listens: HOST, else only this machine while the sandbox is on (its API
   * reads and sends any conversation without a credential), else every interface (undefined).
   */
  listenHost: string | undefined;
  /** Meta, Twilio or Infobip is configured: replies reach real phones. */
  realChannel: boolean;
  /**
   * The demo orders (src/orders/demo-orders.ts) are seeded: only outside production and without
   * the shop's order API, so real customers never see orders that are not theirs.
   */
  demoOrders: boolean;
  /**
   * Meta's webhook: signature-checked with the app secret; unsigned only outside production, for
   * local tests; absent in production without Meta (Twilio or Infobip only), not an open door.
   */
  metaWebhook: 'signed' | 'unsigned' | 'off';
  /** `whatsapp` when credentials are set, otherwise the `sandbox` transport. */
  transport: 'whatsapp' | 'sandbox';
  /** Where customers reach Baton, for the start log: the real channels, and the sandbox if on. */
  channels: ('whatsapp' | 'twilio' | 'infobip' | 'sandbox')[];
  llmProvider: 'openai' | 'offline';
  /** Handoff sinks beyond the inbox (Slack, signed webhook, Zendesk, Teams); all optional. */
  sinks: SinkSettings;
  /** WhatsApp through Twilio or Infobip, beside (or instead of) Meta's Cloud API. */
  twilio?: TwilioSettings;
  infobip?: InfobipSettings;
}

const productionSecrets = [
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
] as const;

/**
 * A variable set to nothing (`FRUSTRATION_THRESHOLD=` in a .env or compose file) is unset: a
 * blank number would read as 0 and hand every customer off, a blank name refuse to start.
 */
function withoutBlanks(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value?.trim() !== ''));
}

/**
 * Reads configuration once from an environment record (process.env on Node, the bindings on
 * Workers). `deployed` marks a Workers deploy, which counts as production.
 */
export function loadConfig(
  given: Record<string, string | undefined>,
  options: { deployed?: boolean } = {},
): Config {
  const source = withoutBlanks(given);
  const parsed = fullEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          // zod says "expected number, received NaN" of PORT=abc: the value was no number
          `${issue.path.join('.') || 'env'}: ${issue.code === 'invalid_type' && issue.expected === 'number' ? 'a number' : issue.message}`,
      ),
    );
  }
  const env = parsed.data;
  const sinks = sinkSettingsFromEnv(source);
  const twilio = twilioSettingsFromEnv(source);
  const infobip = infobipSettingsFromEnv(source);
  const production = env.NODE_ENV === 'production' || options.deployed === true;
  // The sandbox API reads and sends any conversation without a credential: a demo, never a door
  // on a real deployment.
  if (production && env.SANDBOX_ENABLED === true) {
    throw new ConfigError([
      'SANDBOX_ENABLED: not allowed in production (its API reads and sends any conversation without a credential)',
    ]);
  }
  const metaConfigured = productionSecrets.some((name) => env[name] !== undefined);
  // Production needs a real channel: Meta's four secrets, or a provider (then Meta may be absent).
  if (production && (metaConfigured || (twilio === undefined && infobip === undefined))) {
    const missing = productionSecrets.filter((name) => env[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError([
        ...missing.map((name) => `${name}: required in production (no silent sandbox)`),
        ...(metaConfigured
          ? []
          : ['or, instead of Meta, configure Twilio (TWILIO_*) or Infobip (INFOBIP_*)']),
      ]);
    }
  }
  // Half of Meta's sending pair is a typo, not a choice: it must not fall back to the sandbox quietly.
  const sendingPair = ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID'] as const;
  const halfPair = sendingPair.filter((name) => env[name] === undefined);
  if (halfPair.length === 1) {
    throw new ConfigError(
      halfPair.map((name) => `${name}: required with ${sendingPair.find((other) => other !== name)}`),
    );
  }
  const hasWhatsApp = halfPair.length === 0;
  // With a real channel the sandbox API would message real numbers and show their transcripts to
  // anyone: it is on by default only when nothing leaves the machine.
  const realChannel = hasWhatsApp || twilio !== undefined || infobip !== undefined;
  // half an Azure setting would fail at start with the client's stack trace, or on every call
  if (env.AZURE_OPENAI_ENDPOINT !== undefined) {
    const azure: string[] = [];
    if (env.AZURE_OPENAI_DEPLOYMENT === undefined)
      azure.push('AZURE_OPENAI_DEPLOYMENT: required with AZURE_OPENAI_ENDPOINT');
    if (env.AZURE_OPENAI_API_KEY === undefined && env.OPENAI_API_KEY === undefined) {
      azure.push('AZURE_OPENAI_API_KEY: required with AZURE_OPENAI_ENDPOINT (or OPENAI_API_KEY)');
    }
    if (azure.length > 0) throw new ConfigError(azure);
  }
  const metaWebhook =
    env.WHATSAPP_APP_SECRET !== undefined ? 'signed' : production ? ('off' as const) : 'unsigned';
  const sandboxEnabled = !production && (env.SANDBOX_ENABLED ?? !realChannel);
  return {
    ...env,
    production,
    sandboxEnabled,
    listenHost: env.HOST ?? (sandboxEnabled ? '127.0.0.1' : undefined),
    realChannel,
    channels: [
      ...(hasWhatsApp ? (['whatsapp'] as const) : []),
      ...(twilio ? (['twilio'] as const) : []),
      ...(infobip ? (['infobip'] as const) : []),
      ...(sandboxEnabled ? (['sandbox'] as const) : []),
    ],
    // never into a database a real channel's customers write to, whatever NODE_ENV says
    demoOrders: !production && !realChannel && env.ORDERS_API_URL === undefined,
    metaWebhook,
    transport: hasWhatsApp ? 'whatsapp' : 'sandbox',
    llmProvider:
      env.OPENAI_API_KEY !== undefined ||
      env.LLM_BASE_URL !== undefined ||
      env.AZURE_OPENAI_ENDPOINT !== undefined
        ? 'openai'
        : 'offline',
    sinks,
    ...(twilio ? { twilio } : {}),
    ...(infobip ? { infobip } : {}),
  };
}
