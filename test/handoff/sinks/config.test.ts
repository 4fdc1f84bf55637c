import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config.js';
import { enabledSinks, sinkSettingsFromEnv } from '../../../src/handoff/sinks/config.js';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX';

function problems(env: Record<string, string>): string[] {
  try {
    sinkSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('sinkSettingsFromEnv', () => {
  it('enables nothing by default', () => {
    const settings = sinkSettingsFromEnv({});
    expect(enabledSinks(settings)).toEqual([]);
    expect(settings.timeoutMs).toBe(10_000);
  });

  it('enables each sink its variables configure, in a stable order', () => {
    const settings = sinkSettingsFromEnv({
      TEAMS_WEBHOOK_URL:
        'https://prod.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t',
      SLACK_WEBHOOK_URL: SLACK,
      HANDOFF_WEBHOOK_URL: 'https://n8n.acme.example/webhook/baton',
      HANDOFF_WEBHOOK_SECRET: 'a-long-enough-secret',
      ZENDESK_BASE_URL: 'acme',
      ZENDESK_EMAIL: 'bot@acme.example',
      ZENDESK_API_TOKEN: 'tok',
      PUBLIC_BASE_URL: 'https://baton.acme.example',
      SINK_TIMEOUT_MS: '5000',
    });
    expect(enabledSinks(settings)).toEqual(['slack', 'webhook', 'zendesk', 'teams']);
    expect(settings.zendesk).toEqual({
      baseUrl: 'https://acme.zendesk.com',
      email: 'bot@acme.example',
      apiToken: 'tok',
      requesterDomain: 'whatsapp.invalid',
    });
    expect(settings.timeoutMs).toBe(5000);
  });

  it('refuses half a sink instead of silently leaving it off', () => {
    expect(problems({ HANDOFF_WEBHOOK_URL: 'https://n8n.acme.example/hook' })).toEqual([
      'HANDOFF_WEBHOOK_SECRET: required when HANDOFF_WEBHOOK_URL is set',
    ]);
    expect(problems({ ZENDESK_BASE_URL: 'acme', ZENDESK_EMAIL: 'bot@acme.example' })).toEqual([
      'ZENDESK_API_TOKEN: required when ZENDESK_BASE_URL, ZENDESK_EMAIL is set',
    ]);
  });

  it('refuses plain http outside loopback and a short webhook secret, without echoing values', () => {
    const found = problems({
      SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T000/B000/SECRETPATH',
      HANDOFF_WEBHOOK_URL: 'https://n8n.acme.example/hook',
      HANDOFF_WEBHOOK_SECRET: 'short',
    });
    expect(found.map((p) => p.split(':')[0])).toEqual(['SLACK_WEBHOOK_URL', 'HANDOFF_WEBHOOK_SECRET']);
    expect(found.join('\n')).not.toContain('SECRETPATH');
    expect(found.join('\n')).not.toContain('short');
  });

  it('allows plain http on loopback, for local receivers and tests', () => {
    const settings = sinkSettingsFromEnv({ TEAMS_WEBHOOK_URL: 'http://127.0.0.1:9999/teams' });
    expect(settings.teams?.webhookUrl).toBe('http://127.0.0.1:9999/teams');
  });
});
