import { describe, expect, it } from 'vitest';
import { twilioSettingsFromEnv, twilioStatusCallbackUrl } from '../../../src/channel/twilio/config.js';
import { twilioTransportFrom } from '../../../src/channel/twilio/transport.js';
import { ConfigError } from '../../../src/config/errors.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const base = {
  TWILIO_ACCOUNT_SID: SID,
  TWILIO_AUTH_TOKEN: 'secret-token',
  TWILIO_WHATSAPP_FROM: '+14155238886',
};

function problems(env: Record<string, string>): string[] {
  try {
    twilioSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('twilioSettingsFromEnv', () => {
  it('is off when nothing is set (empty strings count as unset)', () => {
    expect(twilioSettingsFromEnv({})).toBeUndefined();
    expect(
      twilioSettingsFromEnv({ TWILIO_ACCOUNT_SID: '', PUBLIC_BASE_URL: 'https://x.example' }),
    ).toBeUndefined();
  });

  it('reads a full configuration with defaults and a normalised sender', () => {
    expect(twilioSettingsFromEnv({ ...base, PUBLIC_BASE_URL: 'https://baton.example.com/' })).toEqual({
      accountSid: SID,
      authToken: 'secret-token',
      from: 'whatsapp:+14155238886',
      apiBaseUrl: 'https://api.twilio.com',
      publicBaseUrl: 'https://baton.example.com',
      timeoutMs: 10_000,
    });
  });

  it('names each missing variable when half-configured, never the values', () => {
    const found = problems({
      TWILIO_AUTH_TOKEN: 'secret-token',
      TWILIO_MENU_CONTENT_SID: `HX${'a'.repeat(32)}`,
    });
    expect(found.join('\n')).toContain('TWILIO_ACCOUNT_SID: required');
    expect(found.join('\n')).toContain('TWILIO_WHATSAPP_FROM: required');
    expect(found.join('\n')).not.toContain('secret-token');
  });

  it('rejects malformed values by variable name', () => {
    expect(problems({ ...base, TWILIO_ACCOUNT_SID: 'nope' })[0]).toMatch(/^TWILIO_ACCOUNT_SID:/);
    expect(problems({ ...base, TWILIO_WHATSAPP_FROM: 'whatsapp:abc' })[0]).toMatch(/^TWILIO_WHATSAPP_FROM:/);
    expect(problems({ ...base, TWILIO_MENU_CONTENT_SID: 'menu' })[0]).toMatch(/^TWILIO_MENU_CONTENT_SID:/);
    expect(problems({ ...base, TWILIO_API_BASE_URL: 'not a url' })[0]).toMatch(/^TWILIO_API_BASE_URL:/);
  });

  it('derives the status callback URL from PUBLIC_BASE_URL and passes it to the transport', () => {
    const settings = twilioSettingsFromEnv({ ...base, PUBLIC_BASE_URL: 'https://baton.example.com' });
    expect(settings && twilioStatusCallbackUrl(settings)).toBe('https://baton.example.com/webhooks/twilio');
    expect(settings && twilioTransportFrom(settings).name).toBe('twilio');
    const local = twilioSettingsFromEnv(base);
    expect(local && twilioStatusCallbackUrl(local)).toBeUndefined();
  });
});
