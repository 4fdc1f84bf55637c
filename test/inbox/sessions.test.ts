import { afterEach, describe, expect, it } from 'vitest';
import { addAgent, removeAgent, rotateAgentToken } from '../../src/inbox/agents.js';
import { SESSION_TTL_MS } from '../../src/inbox/sessions.js';
import { agentSessions } from '../../src/store/schema/index.js';
import { FixedClock } from '../../src/util/clock.js';
import { createHarness, type Harness } from '../support/harness.js';

let harness: Harness;
afterEach(() => harness?.close());

async function signIn(token: string) {
  const response = await harness.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-baton-inbox': '1' },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', setCookie };
}

const withCookie = (cookie: string, path: string, method = 'GET') =>
  harness.app.request(path, { method, headers: { cookie, 'x-baton-inbox': '1' } });

describe('inbox sessions', () => {
  it("keep a session token of their own in the cookie, never the agent's token", async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const { cookie, setCookie } = await signIn(token);
    expect(cookie).toMatch(/^baton_session=bs_[\w-]{43}$/);
    expect(setCookie).not.toContain(token);
    expect(setCookie).toMatch(/HttpOnly/);
    // Lax: a handoff's link in Slack or an email is a navigation from another site
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=43200/);
    // plain HTTP in development: a Secure cookie would not come back
    expect(setCookie).not.toMatch(/Secure/);
    const me = await withCookie(cookie, '/api/me');
    expect(me.status).toBe(200);
    // what the API answers is a customer's data: kept by no cache along the way
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    // only a hash is stored
    const [row] = await harness.db.select().from(agentSessions);
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).not.toContain(row?.tokenHash ?? '');
  });

  it('say what is wrong with a sign-in that has no token, or no JSON', async () => {
    harness = await createHarness();
    const post = (body: string) =>
      harness.app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-baton-inbox': '1' },
        body,
      });
    const blank = await post(JSON.stringify({ token: '   ' }));
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as { message: string }).message).toBe('paste your agent token to sign in');
    const garbled = await post('{token');
    expect(((await garbled.json()) as { message: string }).message).toBe('the body is not valid JSON');
  });

  it('are started only by the inbox page itself: a cross-site form cannot sign an agent in as someone else', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Attacker', queues: ['*'], now: 0 });
    // what a form with enctype="text/plain" on another site sends
    const forged = await harness.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: `{"token":"=","token":"${token}"}`,
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
    expect(await harness.db.select().from(agentSessions)).toHaveLength(0);
  });

  it('are ended only by the inbox page itself too', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const { cookie } = await signIn(token);
    const forged = await harness.app.request('/api/session', { method: 'DELETE', headers: { cookie } });
    expect(forged.status).toBe(403);
    expect((await withCookie(cookie, '/api/me')).status).toBe(200);
    expect((await withCookie(cookie, '/api/session', 'DELETE')).status).toBe(204);
    expect((await withCookie(cookie, '/api/me')).status).toBe(401);
  });

  it('are Secure cookies over HTTPS, even outside production, and behind a proxy that ends TLS', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const over = (url: string, headers: Record<string, string> = {}) =>
      harness.app.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-baton-inbox': '1', ...headers },
        body: JSON.stringify({ token }),
      });
    const direct = await over('https://baton.example/api/session');
    expect(direct.headers.get('set-cookie')).toMatch(/; Secure/);
    const proxied = await over('http://baton.internal/api/session', { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
    // the page is told, so it can say why a plain-http sign-in will not hold
    expect(await proxied.json()).toMatchObject({ secureCookie: true });
    expect(await (await over('http://baton.internal/api/session')).json()).toMatchObject({
      secureCookie: false,
    });
  });

  it('end when the same browser signs in again, rather than linger beside the new one', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const first = await signIn(token);
    const again = await harness.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-inbox': '1', cookie: first.cookie },
      body: JSON.stringify({ token }),
    });
    expect(again.status).toBe(200);
    expect((await withCookie(first.cookie, '/api/me')).status).toBe(401);
    expect(await harness.db.select().from(agentSessions)).toHaveLength(1);
  });

  it('end on the server when the agent signs out: a copy of the cookie is refused, the token still works', async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const first = await signIn(token);
    const second = await signIn(token);
    const signOut = await withCookie(first.cookie, '/api/session', 'DELETE');
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/baton_session=;.*Max-Age=0/);
    const copy = await withCookie(first.cookie, '/api/me');
    expect(copy.status).toBe(401);
    expect(await copy.json()).toMatchObject({ code: 'unauthorized', message: 'session ended' });
    expect(await (await withCookie(first.cookie, '/inbox')).text()).toContain('id="login-form"');
    // another browser's sign-in and the bearer token are untouched
    expect((await withCookie(second.cookie, '/api/me')).status).toBe(200);
    const bearer = await harness.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
  });

  it('expire after twelve hours on the server, whatever the browser keeps', async () => {
    const clock = new FixedClock(Date.parse('2026-12-04T09:00:00+03:00'));
    harness = await createHarness({ clock });
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: clock.now() });
    const { cookie } = await signIn(token);
    clock.advance(SESSION_TTL_MS - 1);
    expect((await withCookie(cookie, '/api/me')).status).toBe(200);
    clock.advance(1);
    expect((await withCookie(cookie, '/api/me')).status).toBe(401);
    expect(await (await withCookie(cookie, '/inbox')).text()).toContain('id="login-form"');
    // the next sign-in clears the agent's expired sessions
    await signIn(token);
    expect(await harness.db.select().from(agentSessions)).toHaveLength(1);
  });

  it('all end when the agent gets a new token or is removed', async () => {
    harness = await createHarness();
    const layla = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const omar = await addAgent(harness.db, { name: 'Omar', queues: ['*'], now: 0 });
    const laylas = await signIn(layla.token);
    const omars = await signIn(omar.token);
    await rotateAgentToken(harness.db, layla.agent.id);
    expect((await withCookie(laylas.cookie, '/api/me')).status).toBe(401);
    expect((await withCookie(omars.cookie, '/api/me')).status).toBe(200);
    await removeAgent(harness.db, omar.agent.id, Date.now(), { windowMarginMs: 0 });
    expect((await withCookie(omars.cookie, '/api/me')).status).toBe(401);
    expect(await harness.db.select().from(agentSessions)).toHaveLength(0);
  });

  it("end an inbox's live event stream when it signs out", async () => {
    harness = await createHarness();
    const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: 0 });
    const { cookie } = await signIn(token);
    const response = await withCookie(cookie, '/api/events');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain('event: ready');
    await withCookie(cookie, '/api/session', 'DELETE');
    await harness.post({ waId: '966500000907', text: 'I want to talk to a human' });
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value);
    }
    expect(rest).not.toContain('handoff.created');
  });
});
