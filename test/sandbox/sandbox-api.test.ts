import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

describe('sandbox API', () => {
  it('feeds a text through the signed webhook path and lists the conversation in order', async () => {
    harness = await createHarness({ env: { WHATSAPP_APP_SECRET: 'sandbox-signs-with-this' } });
    await harness.post({ waId: '966500000601', name: 'Sara', text: 'hello' });
    const list = await harness.messages('966500000601');
    expect(list.map((m) => m.direction)).toEqual(['in', 'out']);
    expect(list[0]).toMatchObject({ type: 'text', text: 'hello', status: 'done' });
    expect(list[1]?.buttons?.map((b) => b.id)).toEqual(['menu_order', 'menu_faq', 'menu_agent']);
    expect(list[1]?.text).toMatch(/1.*2.*3/s);
    expect(Date.parse(list[0]?.at ?? '')).not.toBeNaN();
  });

  it('answers in Arabic to an Arabic greeting', async () => {
    harness = await createHarness();
    await harness.post({ waId: '966500000602', text: 'السلام عليكم' });
    const [, reply] = await harness.messages('966500000602');
    expect(reply?.text).toMatch(/[\u0600-\u06FF]/);
    expect(reply?.buttons?.map((b) => b.title)).toEqual(['حالة الطلب', 'الأسئلة الشائعة', 'التحدث مع موظف']);
  });

  it('keeps answering in Arabic after an Arabic customer taps a button', async () => {
    harness = await createHarness();
    await harness.post({ waId: '966500000605', text: 'مرحبا' });
    await harness.post({ waId: '966500000605', button: 'menu_order' });
    expect((await harness.replies('966500000605')).at(-1)).toMatch(/رقم الطلب/);
  });

  it('takes button replies and media messages', async () => {
    harness = await createHarness();
    await harness.post({ waId: '966500000603', button: 'menu_order' });
    await harness.post({ waId: '966500000603', type: 'image', caption: 'see this' });
    const list = await harness.messages('966500000603');
    expect(list.filter((m) => m.direction === 'in').map((m) => m.type)).toEqual(['interactive', 'image']);
    expect(list.filter((m) => m.direction === 'out')).toHaveLength(2);
  });

  it('rejects a bad request with a message naming the field', async () => {
    harness = await createHarness();
    const response = await harness.app.request('/api/sandbox/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ waId: 'abc', text: 'hi' }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/waId/);
    const garbled = await harness.app.request('/api/sandbox/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{bad',
    });
    expect(garbled.status).toBe(400);
    expect(((await garbled.json()) as { message: string }).message).toBe('the body is not valid JSON');
  });

  it('answers only its own machine: no other site, no rebound DNS name, no form post', async () => {
    harness = await createHarness();
    const send = (headers: Record<string, string>, url = 'http://localhost:8787/api/sandbox/messages') =>
      harness.app.request(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ waId: '966500000606', text: 'hello' }),
      });
    // a cross-site form posts text/plain, which needs no preflight
    const form = await send({ 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(form.status).toBe(403);
    expect((await send({ 'content-type': 'text/plain' })).status).toBe(415);
    const otherSite = await send({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    // an Origin that is no URL is refused as well, not a 500
    expect((await send({ 'content-type': 'application/json', origin: 'not a url' })).status).toBe(403);
    // a page whose name was rebound to 127.0.0.1 still sends its own name as Host
    const rebound = await harness.app.request(
      'http://rebind.evil.example:8787/api/sandbox/messages?waId=966500000601',
    );
    expect(rebound.status).toBe(403);
    expect(JSON.stringify(await rebound.json())).toMatch(/answers on localhost/);
    expect(await harness.messages('966500000606')).toEqual([]);
    // its own page, by name or by address
    expect((await send({ 'content-type': 'application/json', origin: 'http://localhost:8787' })).status).toBe(
      202,
    );
    const byAddress = await send(
      { 'content-type': 'application/json; charset=utf-8' },
      'http://192.168.1.20:8787/api/sandbox/messages',
    );
    expect(byAddress.status).toBe(202);
  });

  it('refuses a body over 64 KiB before reading it, as every API route does', async () => {
    harness = await createHarness();
    const huge = JSON.stringify({ waId: '966500000607', text: 'x'.repeat(70_000) });
    const sandbox = await harness.app.request('/api/sandbox/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(sandbox.status).toBe(413);
    // signing in reads its body before any token is checked
    const signIn = await harness.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-inbox': '1' },
      body: JSON.stringify({ token: 'a'.repeat(70_000) }),
    });
    expect(signIn.status).toBe(413);
    // without a declared length too (chunked): counted while it is read
    const chunked = await harness.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-inbox': '1' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`{"token":"${'a'.repeat(70_000)}"}`));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('does not exist in production', async () => {
    harness = await createHarness({
      env: {
        NODE_ENV: 'production',
        WHATSAPP_APP_SECRET: 'a',
        WHATSAPP_VERIFY_TOKEN: 'b',
        WHATSAPP_ACCESS_TOKEN: 'c',
        WHATSAPP_PHONE_NUMBER_ID: '1',
      },
      start: false,
    });
    const response = await harness.app.request('/api/sandbox/messages?waId=966500000604');
    expect(response.status).toBe(404);
  });
});

describe('GET /health', () => {
  it('reports the database and the version', async () => {
    harness = await createHarness();
    const response = await harness.app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: 'test', database: 'ok', sending: 'ok' });
  });

  it('is a 503 that tells an unmigrated database from an unreachable one', async () => {
    harness = await createHarness();
    await harness.db.run(sql`DROP TABLE channel_refusals`);
    const unmigrated = await harness.app.request('/health');
    expect(unmigrated.status).toBe(503);
    expect(await unmigrated.json()).toEqual({ ok: false, version: 'test', database: 'error' });
    harness.close();
    const unreachable = await harness.app.request('/health');
    expect(unreachable.status).toBe(503);
    expect(await unreachable.json()).toMatchObject({ ok: false, database: 'unreachable' });
  });
});
