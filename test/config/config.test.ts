import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { startupWarnings } from '../../src/config/warnings.js';
import { loadKnowledgeFromDirectory } from '../../src/knowledge/load-fs.js';
import { bundledKnowledge } from '../../src/worker/knowledge.js';

describe('configuration', () => {
  it('runs with no variables at all: embedded database, sandbox, offline engine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8787);
    expect(config.DATABASE_URL).toBe('file:./data/baton.db');
    expect(config.transport).toBe('sandbox');
    expect(config.llmProvider).toBe('offline');
    expect(config.sandboxEnabled).toBe(true);
    expect(config.channels).toEqual(['sandbox']);
    expect(config.production).toBe(false);
  });

  it('reads a variable set to nothing as unset, so a blank line in a .env file keeps the default', () => {
    const blank = [
      'FRUSTRATION_THRESHOLD',
      'PORT',
      'LOG_LEVEL',
      'NODE_ENV',
      'BUSINESS_HOURS',
      'BUSINESS_TIMEZONE',
      'BUSINESS_NAME',
      'WORKER_CONCURRENCY',
      'WHATSAPP_TEMPLATES',
      'KNOWLEDGE_MIN_SCORE',
    ];
    const config = loadConfig(Object.fromEntries(blank.map((name) => [name, ' '])));
    const defaults = loadConfig({}) as unknown as Record<string, unknown>;
    for (const name of blank)
      expect([name, (config as unknown as Record<string, unknown>)[name]]).toEqual([name, defaults[name]]);
    expect(config.FRUSTRATION_THRESHOLD).toBe(0.7);
  });

  it('warns about settings that start but defeat themselves', () => {
    expect(startupWarnings(loadConfig({ OUTBOX_LEASE_MS: '1000' }))).toContainEqual(
      expect.stringMatching(/^OUTBOX_LEASE_MS \(1000\) is not above WHATSAPP_SEND_TIMEOUT_MS \(10000\)/),
    );
    const twilio = {
      NODE_ENV: 'production',
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
      METRICS_TOKEN: 'short',
      ORDERS_API_URL: 'http://orders.internal/api',
    };
    expect(startupWarnings(loadConfig(twilio))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^METRICS_TOKEN is shorter than 16 characters/),
        expect.stringMatching(/^ORDERS_API_URL is plain http/),
        expect.stringMatching(/^PUBLIC_BASE_URL is not set: Twilio signs/),
      ]),
    );
    expect(startupWarnings(loadConfig({}))).toEqual([
      expect.stringMatching(/^WHATSAPP_APP_SECRET is not set/),
    ]);
  });

  it('warns when the sandbox is turned off and no real channel replaces it, naming what to set', () => {
    const off = loadConfig({ SANDBOX_ENABLED: 'false' });
    expect(off.channels).toEqual([]);
    expect(startupWarnings(off)).toContainEqual(
      'SANDBOX_ENABLED is false and no real channel is configured: no customer can talk to the bot (set WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID, or TWILIO_*, or INFOBIP_*)',
    );
    const twilio = {
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    };
    const noSandbox = /^SANDBOX_ENABLED is false/;
    expect(startupWarnings(loadConfig({ ...twilio, SANDBOX_ENABLED: 'false' }))).not.toContainEqual(
      expect.stringMatching(noSandbox),
    );
    expect(startupWarnings(loadConfig({}))).not.toContainEqual(expect.stringMatching(noSandbox));
  });

  it('listens only on this machine while the sandbox is on, unless HOST says otherwise', () => {
    expect(loadConfig({}).listenHost).toBe('127.0.0.1');
    const meta = {
      WHATSAPP_APP_SECRET: 'a',
      WHATSAPP_VERIFY_TOKEN: 'b',
      WHATSAPP_ACCESS_TOKEN: 'c',
      WHATSAPP_PHONE_NUMBER_ID: '123',
    };
    expect(loadConfig(meta).listenHost).toBeUndefined();
    expect(loadConfig({ ...meta, HOST: '10.0.0.5' }).listenHost).toBe('10.0.0.5');
    const open = loadConfig({ HOST: '0.0.0.0' });
    expect(open.listenHost).toBe('0.0.0.0');
    expect(startupWarnings(open)).toContainEqual(
      expect.stringMatching(/^HOST is 0\.0\.0\.0 with the sandbox on/),
    );
  });

  it('says how production may go without Meta when no channel is configured', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /WHATSAPP_APP_SECRET: required in production[\s\S]*or, instead of Meta, configure Twilio \(TWILIO_\*\) or Infobip/,
    );
  });

  it('stops the start on a time zone or prompt version that does not exist, naming the variable', () => {
    expect(() => loadConfig({ BUSINESS_TIMEZONE: 'Mars/Base' })).toThrow(
      /- BUSINESS_TIMEZONE: an IANA time zone like Asia\/Riyadh/,
    );
    expect(loadConfig({ BUSINESS_TIMEZONE: 'Asia/Dubai' }).BUSINESS_TIMEZONE).toBe('Asia/Dubai');
    // with the offline engine too: the typo would surface only once a model is configured
    expect(() => loadConfig({ LLM_PROMPTS: 'v9' })).toThrow(
      /- LLM_PROMPTS: no prompt classifier\/v9; available: /,
    );
    expect(() => loadConfig({ LLM_PROMPTS: 'banana' })).toThrow(/- LLM_PROMPTS: /);
    expect(loadConfig({ LLM_PROMPTS: 'v1' }).LLM_PROMPTS).toBe('v1');
  });

  it('names the channels customers reach it on, for the start log: Twilio only is not "sandbox"', () => {
    const twilio = {
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
      PUBLIC_BASE_URL: 'https://baton.example',
    };
    expect(loadConfig({ NODE_ENV: 'production', ...twilio }).channels).toEqual(['twilio']);
    expect(loadConfig({ ...twilio, SANDBOX_ENABLED: 'true' }).channels).toEqual(['twilio', 'sandbox']);
  });

  it('reads business hours in several groups, with split shifts and hours past midnight', () => {
    for (const spec of ['sun-thu 09:00-13:00 16:00-22:00, sat 10:00-14:00', 'thu-fri 16:00-02:00'])
      expect(loadConfig({ BUSINESS_HOURS: spec }).BUSINESS_HOURS).toBe(spec);
    const refusal = (spec: string) => {
      try {
        loadConfig({ BUSINESS_HOURS: spec });
      } catch (error) {
        return (error as Error).message.split('\n').filter((line) => line.includes('BUSINESS_HOURS'));
      }
      throw new Error(`${spec} was accepted`);
    };
    expect(refusal('sun-thu 09:00-13:00 16:00-22:00, thu 21:00-23:00')).toEqual([
      '  - BUSINESS_HOURS: thu 16:00-22:00 overlaps thu 21:00-23:00',
    ]);
    expect(refusal('sun-thu 09:00-18:00,')).toEqual([
      '  - BUSINESS_HOURS: like "sun-thu 09:00-18:00" or "sun-thu 09:00-13:00 16:00-22:00, sat 10:00-14:00"',
    ]);
    expect(refusal('sun-thr 09:00-18:00')).toEqual([
      '  - BUSINESS_HOURS: unknown day "thr" in "sun-thr 09:00-18:00" (sun, mon, tue, wed, thu, fri, sat)',
    ]);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: a number$/m);
    expect(() => loadConfig({ WHATSAPP_API_BASE_URL: 'not a url' })).toThrow(/WHATSAPP_API_BASE_URL/);
    expect(() => loadConfig({ BUSINESS_HOURS: 'weekdays' })).toThrow(/BUSINESS_HOURS/);
    // hours that would keep the team closed for ever
    expect(() => loadConfig({ BUSINESS_HOURS: 'sun-thu 25:00-99:99' })).toThrow(
      /BUSINESS_HOURS: "sun-thu 25:00-99:99" has a time that does not exist/,
    );
    expect(() => loadConfig({ BUSINESS_HOURS: 'sun-thu 22:00-22:00' })).toThrow(
      /BUSINESS_HOURS: 22:00-22:00 in "sun-thu 22:00-22:00" opens and closes at the same time/,
    );
    expect(loadConfig({ BUSINESS_HOURS: 'sun-sat 00:00-24:00' }).BUSINESS_HOURS).toBe('sun-sat 00:00-24:00');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/baton' })).toThrow(/DATABASE_URL: a libSQL URL/);
    expect(() => loadConfig({ WHATSAPP_ACCESS_TOKEN: 't' })).toThrow(
      /WHATSAPP_PHONE_NUMBER_ID: required with WHATSAPP_ACCESS_TOKEN/,
    );
  });

  it('refuses production without WhatsApp secrets instead of falling back to the sandbox', () => {
    try {
      loadConfig({ NODE_ENV: 'production', WHATSAPP_APP_SECRET: 's' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/WHATSAPP_VERIFY_TOKEN/);
      expect(message).toMatch(/WHATSAPP_ACCESS_TOKEN/);
      expect(message).toMatch(/WHATSAPP_PHONE_NUMBER_ID/);
      expect(message).not.toMatch(/WHATSAPP_APP_SECRET:/);
    }
  });

  it('treats a Workers deploy as production', () => {
    expect(() => loadConfig({}, { deployed: true })).toThrow(ConfigError);
  });

  it('uses WhatsApp and an LLM when their credentials are set, and disables the sandbox in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      WHATSAPP_APP_SECRET: 'a',
      WHATSAPP_VERIFY_TOKEN: 'b',
      WHATSAPP_ACCESS_TOKEN: 'c',
      WHATSAPP_PHONE_NUMBER_ID: '123',
      LLM_BASE_URL: 'http://localhost:11434/v1',
    });
    expect(config.transport).toBe('whatsapp');
    expect(config.channels).toEqual(['whatsapp']);
    expect(config.llmProvider).toBe('openai');
    expect(config.sandboxEnabled).toBe(false);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: '' }).llmProvider).toBe('offline');
  });

  it('keeps the sandbox API off once a real channel is configured, unless asked for', () => {
    const meta = { WHATSAPP_ACCESS_TOKEN: 'c', WHATSAPP_PHONE_NUMBER_ID: '123' };
    const twilio = {
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    };
    expect(loadConfig(meta)).toMatchObject({ sandboxEnabled: false, realChannel: true });
    expect(loadConfig(twilio)).toMatchObject({ sandboxEnabled: false, realChannel: true });
    expect(loadConfig({ ...meta, SANDBOX_ENABLED: 'true' }).sandboxEnabled).toBe(true);
  });

  it("serves Meta's webhook signed with the app secret, unsigned only outside production, else not at all", () => {
    expect(loadConfig({}).metaWebhook).toBe('unsigned');
    expect(loadConfig({ WHATSAPP_APP_SECRET: 's' }).metaWebhook).toBe('signed');
    const twilioOnlyEnv = {
      NODE_ENV: 'production',
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    };
    const twilioOnly = loadConfig(twilioOnlyEnv);
    expect(twilioOnly.metaWebhook).toBe('off');
    expect(twilioOnly.sandboxEnabled).toBe(false);
  });

  it('refuses the sandbox API in production, where it would read and send any conversation', () => {
    const production = {
      NODE_ENV: 'production',
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    };
    expect(() => loadConfig({ ...production, SANDBOX_ENABLED: 'true' })).toThrow(
      /SANDBOX_ENABLED: not allowed in production/,
    );
    expect(() => loadConfig({ ...production, SANDBOX_ENABLED: 'true' }, { deployed: true })).toThrow(
      /SANDBOX_ENABLED: not allowed in production/,
    );
    expect(loadConfig({ ...production, SANDBOX_ENABLED: 'false' }).sandboxEnabled).toBe(false);
  });

  it('seeds the demo orders only outside production, and warns about demo settings in production', () => {
    expect(loadConfig({}).demoOrders).toBe(true);
    expect(loadConfig({ ORDERS_API_URL: 'https://shop.example/api' }).demoOrders).toBe(false);
    const meta = {
      NODE_ENV: 'production',
      WHATSAPP_APP_SECRET: '0123456789abcdef0123456789abcdef',
      WHATSAPP_VERIFY_TOKEN: 'b',
      WHATSAPP_ACCESS_TOKEN: 'c',
      WHATSAPP_PHONE_NUMBER_ID: '123',
    };
    const live = loadConfig(meta);
    expect(live.demoOrders).toBe(false);
    expect(startupWarnings(live)).toEqual([
      expect.stringMatching(/^METRICS_TOKEN is not set/),
      expect.stringMatching(/^ORDERS_API_URL is not set/),
      expect.stringMatching(/^BUSINESS_NAME is the demo shop's/),
      expect.stringMatching(/^SUPPORT_EMAIL is the demo address/),
    ]);
    const own = loadConfig({
      ...meta,
      ORDERS_API_URL: 'https://shop.example/api',
      BUSINESS_NAME: 'Nour Home',
      SUPPORT_EMAIL: 'help@nour.example',
      METRICS_TOKEN: 'scraper-credential-0123456789',
    });
    expect(startupWarnings(own)).toEqual([]);
    // the demo shop's help pages answer customers in its name: said at start
    const demoPage = {
      id: 'shipping',
      title: 'Shipping',
      keywords: [],
      language: 'en' as const,
      sections: [{ heading: 'Costs', text: 'Free on volta.example over 300 SAR.', keywords: [] }],
    };
    expect(startupWarnings(own, [demoPage, { ...demoPage, language: 'ar' }])).toEqual([
      expect.stringMatching(/^knowledge\/ holds the demo shop's pages \(2 name volta\.example\)/),
    ]);
    // a real channel in development: its customers' database gets no demo orders, and the start
    // says the production checks are skipped
    const { NODE_ENV: _, ...developmentMeta } = meta;
    const forgotten = loadConfig(developmentMeta);
    expect(forgotten.demoOrders).toBe(false);
    expect(startupWarnings(forgotten)).toContainEqual(
      expect.stringMatching(/^a real channel without NODE_ENV=production/),
    );
  });

  it('warns, one line each, about a knowledge page in one language only, naming the file and the language missing', () => {
    const page = (id: string, language: 'en' | 'ar') => ({
      id,
      title: id,
      keywords: [],
      language,
      sections: [{ heading: 'Section', text: 'Text.', keywords: [] }],
    });
    const knowledge = [
      page('returns', 'en'),
      page('gift-cards', 'en'),
      page('returns', 'ar'),
      page('hours', 'ar'),
    ];
    expect(
      startupWarnings(loadConfig({}), knowledge).filter((line) => line.startsWith('knowledge/')),
    ).toEqual([
      'knowledge/en/gift-cards.md has no Arabic page (knowledge/ar/gift-cards.md): customers writing Arabic never get it',
      'knowledge/ar/hours.md has no English page (knowledge/en/hours.md): customers writing English never get it',
    ]);
  });

  it('finds every shipped knowledge page in both languages, on Node and in the Workers bundle', async () => {
    const config = loadConfig({});
    for (const knowledge of [
      await loadKnowledgeFromDirectory(resolve(import.meta.dirname, '../../knowledge')),
      bundledKnowledge(),
    ]) {
      expect(knowledge.length).toBeGreaterThan(0);
      expect(startupWarnings(config, knowledge)).toEqual(startupWarnings(config));
    }
  });

  it("warns in production about an app secret unlike Meta's (32 lowercase hex), never saying it", () => {
    const meta = {
      NODE_ENV: 'production',
      WHATSAPP_VERIFY_TOKEN: 'b',
      WHATSAPP_ACCESS_TOKEN: 'c',
      WHATSAPP_PHONE_NUMBER_ID: '123',
    };
    const pasteErrors = [
      '0123456789abcdef0123456789abcde', // one character short
      '0123456789ABCDEF0123456789ABCDEF', // another key to the HMAC than Meta's
      'EAAGm0PX4ZCpsBAKpasted-token-instead',
    ];
    for (const secret of pasteErrors) {
      const warnings = startupWarnings(loadConfig({ ...meta, WHATSAPP_APP_SECRET: secret }));
      expect(warnings).toContainEqual(
        expect.stringMatching(/^WHATSAPP_APP_SECRET does not look like a Meta app secret \(32 lowercase hex/),
      );
      expect(warnings.join('\n')).not.toContain(secret);
    }
    const secretWarning = /^WHATSAPP_APP_SECRET does not look/;
    for (const secret of ['0123456789abcdef0123456789abcdef', '0123456789abcdef'.repeat(4)]) {
      expect(startupWarnings(loadConfig({ ...meta, WHATSAPP_APP_SECRET: secret }))).not.toContainEqual(
        expect.stringMatching(secretWarning),
      );
    }
    // outside production a test secret is fine
    expect(startupWarnings(loadConfig({ WHATSAPP_APP_SECRET: 's' }))).not.toContainEqual(
      expect.stringMatching(secretWarning),
    );
  });

  it('names a mistyped sink URL or id without a stack trace, and never echoes the value', () => {
    const secret = 'hooks.slack.com/services/T000/B000/XXXXSECRETXXXX';
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    const slack = refused({ SLACK_WEBHOOK_URL: secret });
    expect(slack).toMatch(/SLACK_WEBHOOK_URL: must be an https:\/\/ URL/);
    expect(slack).not.toContain('SECRET');
    expect(refused({ TEAMS_WEBHOOK_URL: 'notaurl' })).toMatch(/TEAMS_WEBHOOK_URL/);
    // "acme.zendesk.com", as one would type it, is the https URL
    const zendesk = { ZENDESK_EMAIL: 'ops@acme.example', ZENDESK_API_TOKEN: 'token' };
    expect(loadConfig({ ...zendesk, ZENDESK_BASE_URL: 'acme.zendesk.com' }).sinks.zendesk?.baseUrl).toBe(
      'https://acme.zendesk.com',
    );
    // the phone number where Meta's id of it goes would drop every webhook as another number's
    expect(refused({ WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: '+966 50 123 4567' })).toMatch(
      /WHATSAPP_PHONE_NUMBER_ID: Meta's id of the number/,
    );
    // half an Azure setting is said at start, naming what is missing, not by the client's stack trace
    expect(refused({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' })).toMatch(
      /AZURE_OPENAI_DEPLOYMENT: required with AZURE_OPENAI_ENDPOINT[\s\S]*AZURE_OPENAI_API_KEY: required/,
    );
    const database = refused({ DATABASE_URL: 'https://user:SUPERSECRET@db.example' });
    expect(database).toMatch(/DATABASE_URL: no user or password in the URL/);
    expect(database).not.toContain('SUPERSECRET');
  });
});
