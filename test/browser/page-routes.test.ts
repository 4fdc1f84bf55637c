import { afterEach, describe, expect, it } from 'vitest';
import { addAgent } from '../../src/inbox/agents.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const production = {
  NODE_ENV: 'production',
  WHATSAPP_APP_SECRET: 'a',
  WHATSAPP_VERIFY_TOKEN: 'b',
  WHATSAPP_ACCESS_TOKEN: 'c',
  WHATSAPP_PHONE_NUMBER_ID: '1',
};

async function signedInCookie(name: string): Promise<string> {
  const { token } = await addAgent(harness.db, { name, queues: ['*'], now: Date.now() });
  const response = await harness.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-baton-inbox': '1' },
    body: JSON.stringify({ token }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function expectLockedDown(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the inbox page', () => {
  it('shows the sign-in form without a session, under a strict CSP', async () => {
    harness = await createHarness({ env: { BUSINESS_NAME: 'Volta <b>&</b> Co' }, start: false });
    const response = await harness.app.request('/inbox');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expectLockedDown(response);
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('id="login-form"');
    expect(html).toContain('Volta &lt;b&gt;&amp;&lt;/b&gt; Co');
    expect(html).not.toContain('<b>&</b>');
    expect(html).not.toMatch(/<script>|\son\w+=/);
  });

  it('shows the inbox to a signed-in agent, with their name escaped', async () => {
    harness = await createHarness({ start: false });
    const cookie = await signedInCookie('<script>alert(1)</script> Layla');
    for (const path of ['/inbox', '/inbox/handoffs/ho_123']) {
      const response = await harness.app.request(path, { headers: { cookie } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('id="queue-list"');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Layla');
      expect(html).not.toContain('<script>alert(1)');
    }
  });

  it('serves its script and stylesheet, the script valid and free of innerHTML', async () => {
    harness = await createHarness({ start: false });
    const script = await harness.app.request('/inbox/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectLockedDown(script);
    const source = await script.text();
    expect(() => new Function(source)).not.toThrow();
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const css = await harness.app.request('/inbox/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('exists in production too', async () => {
    harness = await createHarness({ env: production, start: false });
    expect((await harness.app.request('/inbox')).status).toBe(200);
  });
});

describe('the simulator page', () => {
  it('renders in English by default with the demo customer, under a strict CSP', async () => {
    harness = await createHarness({ start: false });
    const response = await harness.app.request('/sandbox');
    expect(response.status).toBe(200);
    expectLockedDown(response);
    const html = await response.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('value="966500000001"');
    expect(html).toContain('placeholder="Type a message"');
    expect(html).toContain('href="/inbox"');
  });

  it('opens right to left in Arabic and escapes a name from the link', async () => {
    harness = await createHarness({ start: false });
    const name = encodeURIComponent('"><script>alert(1)</script>');
    const response = await harness.app.request(`/sandbox?lang=ar&waId=966500000009&name=${name}`);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('placeholder="اكتب رسالة"');
    expect(html).toContain('value="966500000009"');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('falls back to the defaults for a bad phone number or language', async () => {
    harness = await createHarness({ start: false });
    const html = await (await harness.app.request('/sandbox?lang=fr&waId=abc')).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('value="966500000001"');
  });

  it('serves a valid script', async () => {
    harness = await createHarness({ start: false });
    const source = await (await harness.app.request('/sandbox/app.js')).text();
    expect(() => new Function(source)).not.toThrow();
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('does not exist in production', async () => {
    harness = await createHarness({ env: production, start: false });
    for (const path of ['/sandbox', '/sandbox/app.js', '/sandbox/app.css']) {
      expect((await harness.app.request(path)).status).toBe(404);
    }
  });
});

describe('the simulator API for the pages', () => {
  it('lists the rows of a list message, so the CSAT question can be tapped', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: Date.now() });
    await harness.post({ waId: '966500000010', text: 'I want to talk to a human' });
    const [packet] = await harness.packets();
    const replied = await harness.app.request(`/api/handoffs/${packet?.id}/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Hi, Layla here. All sorted?' }),
    });
    expect(replied.status).toBe(202);
    const resolved = await harness.app.request(`/api/handoffs/${packet?.id}/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(resolved.status).toBe(200);
    await harness.baton.settled();
    const response = await harness.app.request('/api/sandbox/messages?waId=966500000010');
    const { messages } = (await response.json()) as {
      messages: { type: string; rows?: { id: string; title: string }[] }[];
    };
    const csat = messages.at(-1);
    expect(csat?.type).toBe('list');
    expect(csat?.rows?.map((row) => row.id)).toEqual(['csat_1', 'csat_2', 'csat_3', 'csat_4', 'csat_5']);
    expect(csat?.rows?.[4]?.title).toBe('5 — Excellent');
  });
});
