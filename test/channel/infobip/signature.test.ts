import { describe, expect, it } from 'vitest';
import {
  basicPassword,
  INFOBIP_SECRET_HEADER,
  verifyInfobipSecret,
} from '../../../src/channel/infobip/signature.js';

const SECRET = 'infobip-webhook-secret-0123456789';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe('verifyInfobipSecret', () => {
  it('accepts Basic auth whose password is the secret, whatever the user', async () => {
    expect(await verifyInfobipSecret(new Headers({ authorization: basic('infobip', SECRET) }), SECRET)).toBe(
      true,
    );
    expect(await verifyInfobipSecret({ Authorization: basic('', SECRET) }, SECRET)).toBe(true);
  });

  it('accepts the X-Webhook-Secret header', async () => {
    expect(await verifyInfobipSecret(new Headers({ [INFOBIP_SECRET_HEADER]: SECRET }), SECRET)).toBe(true);
    expect(await verifyInfobipSecret({ 'X-Webhook-Secret': SECRET }, SECRET)).toBe(true);
  });

  it('rejects a wrong password, a prefix, a missing header and a malformed credential', async () => {
    const check = (headers: Record<string, string>) => verifyInfobipSecret(new Headers(headers), SECRET);
    expect(await check({ authorization: basic('infobip', 'wrong') })).toBe(false);
    expect(await check({ authorization: basic('infobip', SECRET.slice(0, -1)) })).toBe(false);
    expect(await check({ authorization: basic(SECRET, 'x') })).toBe(false);
    expect(await check({ [INFOBIP_SECRET_HEADER]: `${SECRET}x` })).toBe(false);
    expect(await check({ [INFOBIP_SECRET_HEADER]: '' })).toBe(false);
    expect(await check({})).toBe(false);
    expect(await check({ authorization: 'Basic !!!not-base64' })).toBe(false);
    expect(await check({ authorization: `Bearer ${SECRET}` })).toBe(false);
    expect(await check({ authorization: `App ${SECRET}` })).toBe(false);
  });

  it('fails closed with an empty secret', async () => {
    expect(await verifyInfobipSecret(new Headers({ [INFOBIP_SECRET_HEADER]: '' }), '')).toBe(false);
    expect(await verifyInfobipSecret(new Headers({ authorization: basic('u', '') }), '')).toBe(false);
  });

  it('decodes UTF-8 passwords', () => {
    expect(basicPassword(basic('user', 'كلمة-سر:with:colons'))).toBe('كلمة-سر:with:colons');
    expect(basicPassword(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBeUndefined();
  });
});
