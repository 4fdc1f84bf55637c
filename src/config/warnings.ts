import type { KnowledgeDocument } from '../knowledge/document.js';
import { languageLabels, languageSchema } from '../llm/classification.js';
import { type Config, DEMO_BUSINESS, DEMO_EMAIL } from './config.js';

/** The demo shop's site, which its help pages name throughout. */
const DEMO_SITE = 'volta.example';
/** Meta's app secrets are 32 lowercase hex characters; a longer one passes, should Meta lengthen them. */
const META_APP_SECRET = /^[0-9a-f]{32,}$/;

/**
 * Settings that start but are probably a mistake: said once at start on Node and per isolate on
 * Workers, never fatal (a staging deploy may mean them).
 */
const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * One line per page missing in a language: the bot answers a customer from the pages in their own
 * language only, so a page in English alone is never an answer to anyone writing Arabic.
 */
function unpairedPages(knowledge: readonly KnowledgeDocument[]): string[] {
  const present = new Set(knowledge.map((page) => `${page.language}/${page.id}`));
  return knowledge.flatMap((page) =>
    languageSchema.options
      .filter((language) => !present.has(`${language}/${page.id}`))
      .map(
        (language) =>
          `knowledge/${page.language}/${page.id}.md has no ${languageLabels[language]} page (knowledge/${language}/${page.id}.md): customers writing ${languageLabels[language]} never get it`,
      ),
  );
}

export function startupWarnings(config: Config, knowledge: readonly KnowledgeDocument[] = []): string[] {
  const warnings: string[] = [];
  if (config.metaWebhook === 'unsigned') {
    warnings.push('WHATSAPP_APP_SECRET is not set: webhook signatures are not checked (development only)');
  }
  if (config.AZURE_OPENAI_ENDPOINT !== undefined && config.LLM_BASE_URL !== undefined) {
    warnings.push('AZURE_OPENAI_ENDPOINT and LLM_BASE_URL are both set: Azure is used, LLM_BASE_URL is not');
  }
  if (config.LLM_MODEL !== undefined && config.llmProvider === 'offline') {
    warnings.push(
      'LLM_MODEL is set but no model is reachable (no OPENAI_API_KEY, LLM_BASE_URL or AZURE_OPENAI_ENDPOINT): the offline engine answers',
    );
  }
  // Only SANDBOX_ENABLED=false outside production gets here (production without a real channel
  // does not start). A warning, not a refusal: the inbox still serves the handoffs already stored.
  if (!config.sandboxEnabled && !config.realChannel) {
    warnings.push(
      'SANDBOX_ENABLED is false and no real channel is configured: no customer can talk to the bot (set WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID, or TWILIO_*, or INFOBIP_*)',
    );
  }
  if (config.sandboxEnabled && config.realChannel) {
    warnings.push(
      'SANDBOX_ENABLED with a real channel: anyone reaching /api/sandbox can message real numbers',
    );
  }
  // a send still in flight when its lease runs out is sent again by another worker
  if (config.OUTBOX_LEASE_MS <= config.WHATSAPP_SEND_TIMEOUT_MS) {
    warnings.push(
      `OUTBOX_LEASE_MS (${config.OUTBOX_LEASE_MS}) is not above WHATSAPP_SEND_TIMEOUT_MS (${config.WHATSAPP_SEND_TIMEOUT_MS}): a slow send may go out twice`,
    );
  }
  if (config.sandboxEnabled && config.listenHost !== undefined && !LOOPBACK.has(config.listenHost)) {
    warnings.push(
      `HOST is ${config.listenHost} with the sandbox on: anyone on that network can read and send any conversation through /api/sandbox`,
    );
  }
  if (!config.production && config.realChannel) {
    warnings.push(
      'a real channel without NODE_ENV=production: /metrics is open and the production checks (demo shop name, order API, metrics token) are skipped',
    );
  }
  warnings.push(...unpairedPages(knowledge));
  if (!config.production) return warnings;
  // A secret shorter or not hex is probably a paste error, and then every delivery is refused with
  // 401 while nothing else looks wrong. A warning, not a refusal, in case Meta changes the format;
  // the value is never said.
  if (config.WHATSAPP_APP_SECRET !== undefined && !META_APP_SECRET.test(config.WHATSAPP_APP_SECRET)) {
    warnings.push(
      'WHATSAPP_APP_SECRET does not look like a Meta app secret (32 lowercase hex characters, App settings → Basic): if it was pasted wrong, every Meta webhook is refused with 401',
    );
  }
  if (config.METRICS_TOKEN === undefined) {
    warnings.push(
      'METRICS_TOKEN is not set: anyone reaching /metrics reads handoff volumes and failure counts',
    );
  } else if (config.METRICS_TOKEN.length < 16) {
    warnings.push('METRICS_TOKEN is shorter than 16 characters: easy to guess');
  }
  if (config.ORDERS_API_URL?.startsWith('http:')) {
    warnings.push(
      "ORDERS_API_URL is plain http: its bearer token and customers' orders cross the network unencrypted",
    );
  }
  if (config.twilio !== undefined && config.PUBLIC_BASE_URL === undefined) {
    warnings.push(
      'PUBLIC_BASE_URL is not set: Twilio signs the public URL it called, so behind a proxy that ends TLS every Twilio webhook would be refused',
    );
  }
  if (config.ORDERS_API_URL === undefined) {
    warnings.push(
      'ORDERS_API_URL is not set: orders come only from the orders table (demo orders are not seeded in production)',
    );
  }
  if (config.BUSINESS_NAME === DEMO_BUSINESS) {
    warnings.push(`BUSINESS_NAME is the demo shop's (${DEMO_BUSINESS}): customers are greeted in its name`);
  }
  if (config.SUPPORT_EMAIL === DEMO_EMAIL) {
    warnings.push(`SUPPORT_EMAIL is the demo address (${DEMO_EMAIL}): customers are told to write to it`);
  }
  const demoPages = knowledge.filter((page) =>
    page.sections.some((section) => section.text.includes(DEMO_SITE)),
  );
  if (demoPages.length > 0) {
    warnings.push(
      `knowledge/ holds the demo shop's pages (${demoPages.length} name ${DEMO_SITE}): customers are answered with its prices and policies`,
    );
  }
  return warnings;
}
