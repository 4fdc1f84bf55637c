import { describe, expect, it } from 'vitest';
import { infobipSettingsFromEnv } from '../../../src/channel/infobip/config.js';
import { infobipTransportFrom } from '../../../src/channel/infobip/transport.js';
import { ConfigError } from '../../../src/config/errors.js';

const full = {
  INFOBIP_BASE_URL: 'xyz123.api.infobip.com',
  INFOBIP_API_KEY: 'api-key-secret',
  INFOBIP_SENDER: '+44 1134 960000',
  INFOBIP_WEBHOOK_SECRET: 'infobip-webhook-secret-0123456789',
};

function problems(env: Record<string, string>): string[] {
  try {
    infobipSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('infobipSettingsFromEnv', () => {
  it('is off when nothing is set (empty strings count as unset)', () => {
    expect(infobipSettingsFromEnv({})).toBeUndefined();
    expect(infobipSettingsFromEnv({ INFOBIP_API_KEY: ' ' })).toBeUndefined();
  });

  it('reads a full configuration, adding https:// and normalising the sender', () => {
    const settings = infobipSettingsFromEnv(full);
    expect(settings).toEqual({
      baseUrl: 'https://xyz123.api.infobip.com',
      apiKey: 'api-key-secret',
      sender: '441134960000',
      webhookSecret: 'infobip-webhook-secret-0123456789',
      timeoutMs: 10_000,
    });
    expect(settings && infobipTransportFrom(settings).name).toBe('infobip');
  });

  it('names each missing variable when half-configured — a webhook without a secret is refused', () => {
    const { INFOBIP_WEBHOOK_SECRET: _omitted, ...withoutSecret } = full;
    const found = problems(withoutSecret);
    expect(found).toEqual([
      'INFOBIP_WEBHOOK_SECRET: required when INFOBIP_BASE_URL, INFOBIP_API_KEY, INFOBIP_SENDER is set',
    ]);
  });

  it('rejects a short secret and a malformed sender by name, never echoing values', () => {
    const found = problems({ ...full, INFOBIP_WEBHOOK_SECRET: 'short', INFOBIP_SENDER: 'Volta' });
    expect(found.some((p) => p.startsWith('INFOBIP_WEBHOOK_SECRET:'))).toBe(true);
    expect(found.some((p) => p.startsWith('INFOBIP_SENDER:'))).toBe(true);
    expect(found.join('\n')).not.toContain('short');
  });
});
