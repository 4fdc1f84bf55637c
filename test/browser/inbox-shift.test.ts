import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAgent } from '../../src/inbox/agents.js';
import { conversations, handoffNotes, handoffs } from '../../src/store/schema/index.js';
import { hasChromium, type Stage, screenshotDir, signIn, startStage } from './browser.js';

/** An agent's shift on a laptop and on a phone: room to read, nothing stale, nothing lost. */
let stage: Stage;

async function escalate(waId: string, name: string, lines: readonly string[]) {
  for (const [i, text] of lines.entries()) {
    await stage.harness.post({ waId, ...(i === 0 ? { name } : {}), text });
  }
  await stage.harness.post({ waId, text: 'I want to talk to a human' });
}

async function openAs(token: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await stage.open('/inbox', viewport);
  await signIn(page, token);
  return page;
}

describe.skipIf(!hasChromium)('the inbox through a shift (headless Chromium)', () => {
  beforeAll(async () => {
    stage = await startStage();
  });
  afterEach(async () => {
    await stage?.closePages();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('on a 1366×768 laptop folds the figures away and opens a long conversation at its newest line', async () => {
    const lines = Array.from({ length: 14 }, (_, i) => `question number ${i + 1} about my parcel`);
    await escalate('966500000401', 'Yousef', lines);
    const inbox = await openAs(stage.token, { width: 1366, height: 768 });
    expect(await inbox.locator('#kpis-box').evaluate((box) => (box as HTMLDetailsElement).open)).toBe(false);
    await inbox.locator('#queue-list .item', { hasText: 'Yousef' }).click();
    const last = inbox.locator('.line.from-customer', { hasText: 'I want to talk to a human' });
    await last.waitFor();
    const [list, line] = [await inbox.locator('#d-transcript').boundingBox(), await last.boundingBox()];
    expect(list?.height ?? 0).toBeGreaterThan(250);
    expect((line?.y ?? 0) + (line?.height ?? 0)).toBeLessThanOrEqual(
      (list?.y ?? 0) + (list?.height ?? 0) + 1,
    );
    expect(line?.y ?? 0).toBeGreaterThanOrEqual(list?.y ?? 0);
    await inbox.screenshot({ path: join(screenshotDir, 'inbox-laptop.png') });
    // three turns the bot could not handle: said once, with how often
    expect(await inbox.locator('.attempts li').allTextContents()).toEqual([
      'could not find an answer (3 times)',
    ]);
    // the agent's own choice is kept
    await inbox.click('#kpis-box > summary');
    // the details element's toggle event, which stores the choice, is a task of its own
    await inbox.waitForFunction(() => localStorage.getItem('baton.figures') === 'open');
    await inbox.reload();
    await inbox.locator('#live.on').waitFor();
    expect(await inbox.locator('#kpis-box').evaluate((box) => (box as HTMLDetailsElement).open)).toBe(true);
    expect(stage.pageErrors).toEqual([]);
  }, 40_000);

  it('on a 390 px phone shows one column that never scrolls sideways, the queue and a handoff in turn', async () => {
    const phone = await openAs(stage.token, { width: 390, height: 844 });
    // the queue is the page: no box of its own scrolling inside it
    const queue = phone.locator('#queue-list');
    expect(await queue.evaluate((list) => getComputedStyle(list).overflowY)).toBe('visible');
    await phone.locator('#queue-list .item', { hasText: 'Yousef' }).click();
    await phone.locator('#reply-text').waitFor();
    expect(await queue.isVisible()).toBe(false);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(screenshotDir, 'inbox-phone.png'), fullPage: true });
    await phone.click('.back-to-queue');
    await queue.waitFor();
    // a profile name of one long word wraps; the page still does not scroll sideways
    await escalate('966500000419', 'W'.repeat(90), ['hello']);
    await phone.locator('#queue-list .item', { hasText: 'WWWWWWWWWW' }).click();
    await phone.locator('#d-head h2', { hasText: 'WWWWWWWWWW' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.click('.back-to-queue');
    await queue.waitFor();
    await phone.locator('#queue-list .item', { hasText: 'Yousef' }).click();
    await phone.click('.back-to-queue');
    expect(await phone.locator('#reply-text').count()).toBe(0);
    expect(phone.url()).toMatch(/\/inbox$/);
    // the item that was open has the keyboard
    expect(await phone.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Yousef');
    await phone.screenshot({ path: join(screenshotDir, 'inbox-phone-queue.png'), fullPage: true });
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('says why a handoff left the pane when it moved out of the agent queues, without an error', async () => {
    const { token } = await addAgent(stage.harness.db, { name: 'Omar', queues: ['orders'], now: Date.now() });
    await escalate('966500000402', 'Reem', ['my parcel is late']);
    const omar = await openAs(token, { width: 1440, height: 900 });
    await omar.locator('#queue-list .item', { hasText: 'Reem' }).click();
    await omar.locator('#claim').click();
    await omar.locator('#d-status', { hasText: 'Assigned to you' }).waitFor();
    await omar.selectOption('#transfer-queue', 'general');
    await omar.fill('#transfer-note', 'asks about a refund, not the parcel');
    await omar.locator('#transfer').click();
    await omar.locator('#detail-gone', { hasText: 'not open to you' }).waitFor();
    // the next team reads why on the handoff
    const [moved] = (await stage.harness.packets()).filter((p) => p.customer.waId === '966500000402');
    const notes = await stage.harness.db
      .select()
      .from(handoffNotes)
      .where(eq(handoffNotes.handoffId, moved?.id ?? ''));
    expect(notes.map((note) => note.text)).toEqual([
      'Transferred from orders to general by Omar: asks about a refund, not the parcel',
    ]);
    expect(await omar.locator('#resolve').count()).toBe(0);
    expect(await omar.locator('.toast.error.show').count()).toBe(0);
    expect(omar.url()).toMatch(/\/inbox$/);
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('flags a customer writing in another handoff, keeps a draft over a reload and signs Baton notes', async () => {
    await escalate('966500000403', 'Khalid', ['hello']);
    await escalate('966500000404', 'Mona', ['hello']);
    const inbox = await openAs(stage.token, { width: 1440, height: 900 });
    await inbox.locator('#queue-list .item', { hasText: 'Mona' }).click();
    await inbox.fill('#reply-text', 'Let me check that for you, Mona');
    await inbox.fill('#note-text', 'Mona asked twice already');
    // a fraud report while queued raises the handoff, and moves it to billing, with notes Baton writes
    await stage.harness.post({
      waId: '966500000403',
      text: 'someone called asking for my OTP, is that you??',
    });
    const khalid = inbox.locator('#queue-list .item', { hasText: 'Khalid' });
    await khalid.locator('.tag.unread', { hasText: 'New message' }).waitFor();
    expect(await inbox.locator('#queue-list .item', { hasText: 'Mona' }).locator('.tag.unread').count()).toBe(
      0,
    );
    expect(await inbox.title()).toMatch(/• Inbox · Baton$/);

    await inbox.reload();
    await inbox.locator('#live.on').waitFor();
    await inbox.locator('#queue-list .item', { hasText: 'Mona' }).click();
    expect(await inbox.inputValue('#reply-text')).toBe('Let me check that for you, Mona');
    expect(await inbox.inputValue('#note-text')).toBe('Mona asked twice already');

    await inbox.locator('#queue-list .item', { hasText: 'Khalid' }).click();
    await inbox
      .locator('#d-notes small', { hasText: /^Baton · / })
      .first()
      .waitFor();
    // a note is kept for its own handoff, and goes once it is added
    expect(await inbox.inputValue('#note-text')).toBe('');
    await inbox.locator('#queue-list .item', { hasText: 'Mona' }).click();
    await inbox.locator('#note-text').press('Control+Enter');
    await inbox.locator('#d-notes p', { hasText: 'Mona asked twice already' }).waitFor();
    expect(await inbox.inputValue('#note-text')).toBe('');
    await inbox.reload();
    await inbox.locator('#live.on').waitFor();
    await inbox.locator('#queue-list .item', { hasText: 'Mona' }).click();
    await inbox.locator('#d-notes p', { hasText: 'Mona asked twice already' }).waitFor();
    expect(await inbox.inputValue('#note-text')).toBe('');
    expect(await khalid.locator('.tag.unread').count()).toBe(0);
    expect(stage.pageErrors).toEqual([]);
  }, 40_000);

  it('follows a handoff a reply or Claim took to Assigned, with the keyboard on the reply box', async () => {
    await escalate('966500000411', 'Noura', ['السلام عليكم طلبي رقم A2002 ما وصل please']);
    await escalate('966500000412', 'Fahad', ['hello']);
    const inbox = await openAs(stage.token, { width: 1440, height: 900 });
    await inbox.locator('#queue-list .item', { hasText: 'Noura' }).click();
    // the customer's words keep their direction inside the English summary
    const quote = inbox.locator('.summary bdi', { hasText: 'A2002' }).first();
    await quote.waitFor();
    expect(
      await inbox.locator('#queue-list .item', { hasText: 'Noura' }).locator('.item-summary bdi').count(),
    ).toBeGreaterThan(0);
    await inbox.fill('#reply-text', 'Hello Noura, checking A2002 now.');
    await inbox.locator('#reply-send').click();
    await inbox.locator('[data-tab="assigned"][aria-selected="true"]').waitFor();
    await inbox.locator('#queue-list .item.active', { hasText: 'Noura' }).waitFor();

    await inbox.locator('[data-tab="queued"]').click();
    await inbox.locator('#queue-list .item', { hasText: 'Fahad' }).click();
    await inbox.locator('#claim').focus();
    await inbox.keyboard.press('Enter');
    await inbox.locator('#d-status', { hasText: 'Assigned to you' }).waitFor();
    await inbox.waitForFunction(() => document.activeElement?.id === 'reply-text');
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('keeps what the agent typed while a reply was going out', async () => {
    await escalate('966500000410', 'Salma', ['hello']);
    const inbox = await openAs(stage.token, { width: 1440, height: 900 });
    await inbox.locator('#queue-list .item', { hasText: 'Salma' }).click();
    // a slow network: the reply is on its way while the agent goes on typing
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await inbox.route('**/reply', async (route) => {
      await held;
      await route.continue();
    });
    // the last moment free text is taken, not the window's end
    expect(await inbox.locator('.reply-bar .window.open').textContent()).toMatch(/^Free text until /);
    await inbox.fill('#reply-text', 'First, your parcel is on its way.');
    await inbox.locator('#reply-send').click();
    await inbox.locator('#reply-text').press('End');
    await inbox.locator('#reply-text').pressSequentially(' And a photo of the box, please?');
    release();
    await inbox.locator('.line.from-agent', { hasText: 'First, your parcel is on its way.' }).waitFor();
    expect(await inbox.inputValue('#reply-text')).toBe('And a photo of the box, please?');
    // no answer at all: the agent is told the note may not have been saved, and keeps its text
    await inbox.route('**/notes', (route) => route.abort());
    await inbox.fill('#note-text', 'Asked for a photo of the box.');
    await inbox.locator('.note-form button').click();
    await inbox
      .locator('.toast.error.show', { hasText: 'Could not reach Baton, so this may not have been saved' })
      .waitFor();
    expect(await inbox.inputValue('#note-text')).toBe('Asked for a photo of the box.');
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('keeps a customer message unread on another device until the agent opens it there', async () => {
    await escalate('966500000409', 'Huda', ['hello']);
    const laptop = await openAs(stage.token, { width: 1440, height: 900 });
    await laptop.locator('#queue-list .item', { hasText: 'Huda' }).click();
    // the read is the server's: wait until it is kept
    const hudaId = (await stage.harness.packets()).find((p) => p.customer.waId === '966500000409')?.id;
    const kept = async () =>
      (await stage.harness.db.query.handoffReads.findMany()).some((read) => read.handoffId === hudaId);
    for (let i = 0; i < 50 && !(await kept()); i++) await laptop.waitForTimeout(100);
    expect(await kept()).toBe(true);
    await laptop.close();
    await stage.harness.post({ waId: '966500000409', text: 'are you still there?' });
    const phone = await openAs(stage.token, { width: 390, height: 844 });
    const huda = phone.locator('#queue-list .item', { hasText: 'Huda' });
    await huda.locator('.tag.unread', { hasText: 'New message' }).waitFor();
    await huda.click();
    await phone.locator('#d-transcript', { hasText: 'are you still there?' }).waitFor();
    expect(await huda.locator('.tag.unread').count()).toBe(0);
    expect(stage.pageErrors).toEqual([]);
  }, 40_000);

  it('tells an agent a colleague moved their conversation, and follows a resolved one to its tab', async () => {
    const { token: omar } = await addAgent(stage.harness.db, {
      name: 'Omar',
      queues: ['*'],
      now: Date.now(),
    });
    await escalate('966500000405', 'Hala', ['my parcel is late']);
    const inbox = await openAs(stage.token, { width: 1440, height: 900 });
    // the tabs take the arrow keys, Home and End, and Tab stops only on the open one
    await inbox.locator('[data-tab="queued"]').focus();
    const selected = () => inbox.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
    await inbox.keyboard.press('ArrowRight');
    expect(await selected()).toBe('assigned');
    await inbox.keyboard.press('End');
    expect(await selected()).toBe('live');
    await inbox.keyboard.press('ArrowRight');
    expect(await selected()).toBe('queued');
    expect(await inbox.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('queued');
    expect(await inbox.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await inbox.locator('#queue-list .item', { hasText: 'Hala' }).click();
    await inbox.locator('#claim').click();
    await inbox.locator('#d-status', { hasText: 'Assigned to you' }).waitFor();
    const [packet] = (await stage.harness.packets()).filter((p) => p.customer.name === 'Hala');
    const moved = await stage.harness.app.request(`/api/handoffs/${packet?.id}/transfer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${omar}`, 'content-type': 'application/json' },
      body: JSON.stringify({ queue: 'technical' }),
    });
    expect(moved.status).toBe(200);
    await inbox.locator('.toast.show', { hasText: 'This handoff was moved to Technical by Omar' }).waitFor();

    await inbox.locator('#claim').click();
    // the pane is rebuilt once the claim lands: type into the new reply box, not the old one
    await inbox.locator('#d-status', { hasText: 'Assigned to you' }).waitFor();
    await inbox.fill('#reply-text', 'Sorted, Hala: it arrives tomorrow');
    await inbox.press('#reply-text', 'Control+Enter');
    await inbox.locator('.line.from-agent', { hasText: 'Sorted, Hala' }).waitFor();
    // the agent's own line says "You"; a colleague's view names who wrote it
    expect(await inbox.locator('.line.from-agent .line-who').last().textContent()).toBe('You');
    const seen = await stage.harness.app.request(`/api/handoffs/${packet?.id}`, {
      headers: { authorization: `Bearer ${omar}` },
    });
    const lines: { author: string; agentName: string | null }[] = (await seen.json()).transcript;
    expect(lines.filter((line) => line.author === 'agent').map((line) => line.agentName)).toEqual(['Layla']);
    await inbox.locator('#resolve').click();
    await inbox.locator('[data-tab="resolved"][aria-selected="true"]').waitFor();
    await inbox.locator('#queue-list .item.active', { hasText: 'Hala' }).waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 40_000);

  it('works with browser storage refused, and drops the unread mark of a handoff that was withdrawn', async () => {
    const context = await stage.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('refused', 'SecurityError');
          },
        });
      }
    });
    const inbox = await context.newPage();
    inbox.on('pageerror', (error) => stage.pageErrors.push(error));
    await inbox.goto(`${stage.url}/inbox`);
    await signIn(inbox, stage.token);

    await escalate('966500000406', 'Faisal', ['hello']);
    await escalate('966500000407', 'Nasser', ['hello']);
    await inbox.locator('#queue-list .item', { hasText: 'Nasser' }).click();
    await stage.harness.post({ waId: '966500000406', text: 'are you there?' });
    await inbox.locator('#queue-list .item', { hasText: 'Faisal' }).locator('.tag.unread').waitFor();
    await stage.harness.post({ waId: '966500000406', text: 'never mind, I found it' });
    await inbox.locator('#queue-list .item', { hasText: 'Faisal' }).waitFor({ state: 'detached' });
    await expect.poll(() => inbox.title()).not.toMatch(/•/);

    await inbox.click('#signout');
    await inbox.locator('#login-form').waitFor();
    expect(stage.pageErrors).toEqual([]);
    await context.close();
  }, 40_000);

  // last: a hundred handoffs more would push the other tests' customers off the first page
  it('counts every handoff waiting and lists those past the first hundred on request', async () => {
    const { token } = await addAgent(stage.harness.db, {
      name: 'Hala',
      queues: ['technical'],
      now: Date.now(),
    });
    for (let i = 0; i < 101; i++) {
      await stage.harness.post({
        waId: `9665009${String(i).padStart(5, '0')}`,
        text: 'the app crashes when I log in',
      });
    }
    const inbox = await openAs(token, { width: 1440, height: 900 });
    await inbox.locator('[data-tab="queued"] .count', { hasText: '101' }).waitFor();
    expect(await inbox.title()).toMatch(/^\(101\) /);
    expect(await inbox.locator('#queue-list .item').count()).toBe(100);
    await inbox.locator('#queue-more', { hasText: 'Show 1 more (1 not listed)' }).click();
    await inbox.locator('#queue-list .item').nth(100).waitFor();
    expect(await inbox.locator('#queue-more').count()).toBe(0);
    expect(stage.pageErrors).toEqual([]);
  }, 60_000);

  it('finds a customer by name in any Arabic spelling or by phone, and says when nothing matches', async () => {
    await escalate('966500000420', 'أمل', ['my parcel is late']);
    await stage.harness.post({ waId: '966500000421', name: 'Basma', text: 'hello' });
    const inbox = await openAs(stage.token, { width: 1440, height: 900 });
    const names = () => inbox.locator('#queue-list .item-name').allTextContents();
    await inbox.locator('#queue-list .item-name', { hasText: 'Yousef' }).waitFor();
    const search = inbox.locator('#queue-search');
    const title = await inbox.title();
    await search.fill('امل');
    await inbox.locator('[data-tab="queued"] .count', { hasText: /^1$/ }).waitFor();
    expect(await names()).toEqual(['أمل']);
    // the title counts every handoff waiting, whatever the search shows
    expect(await inbox.title()).toBe(title);
    await search.fill('050 000 0420');
    await inbox.locator('#queue-list .item-name', { hasText: 'أمل' }).waitFor();
    expect(await names()).toEqual(['أمل']);
    await search.fill('zzqq');
    await inbox.locator('#no-match', { hasText: 'Nothing queued matches “zzqq”' }).waitFor();
    // the Live tab is searched by name where it is
    await inbox.click('[data-tab="live"]');
    await inbox.locator('#no-match', { hasText: 'Nothing live matches “zzqq”' }).waitFor();
    await search.fill('BASMA');
    await inbox.locator('#queue-list .item-name', { hasText: 'Basma' }).waitFor();
    expect(await names()).toEqual(['Basma']);
    expect(await inbox.locator('[data-tab="live"] .count').textContent()).toBe('1');
    // folded as the server folds: محمد finds محمّد, and a lone tatweel finds nobody
    await stage.harness.post({ waId: '966500000422', name: 'محمّد', text: 'hello' });
    await inbox.click('[data-tab="queued"]');
    await inbox.click('[data-tab="live"]');
    await search.fill('محمد');
    await inbox.locator('#queue-list .item-name', { hasText: 'محمّد' }).waitFor();
    await search.fill('ـ');
    await inbox.locator('#no-match').waitFor();
    // a customer who escalates while the agent searches still counts in the title
    const waiting = Number(/^\((\d+)\)/.exec(await inbox.title())?.[1]);
    await escalate('966500000423', 'Nawal', ['hello']);
    await inbox.waitForFunction((n) => document.title.startsWith(`(${n}) `), waiting + 1);
    // Escape clears the search: everything is listed again
    await search.press('Escape');
    await inbox.click('[data-tab="queued"]');
    await inbox.locator('#queue-list .item-name', { hasText: 'Yousef' }).waitFor();
    expect((await names()).length).toBeGreaterThan(1);
    expect(await inbox.locator('#queue-list .fresh').count()).toBe(0);
    expect(stage.pageErrors).toEqual([]);
  }, 40_000);

  it('shows a handoff as it is now when an action fails because it changed unseen', async () => {
    await escalate('966500000497', 'Rana', ['hello']);
    const [packet] = (await stage.harness.packets()).filter((p) => p.customer.name === 'Rana');
    // opened by its link: the queue holds over a hundred handoffs by now
    const inbox = await stage.open(`/inbox/handoffs/${packet?.id}`, { width: 1440, height: 900 });
    // no live events, as when the stream broke: only the action's own answer can tell the pane
    await inbox.route('**/api/events', (route) => route.abort());
    await inbox.fill('#token', stage.token);
    await inbox.click('#login-form button[type=submit]');
    await inbox.locator('#claim').click();
    await inbox.locator('#d-status', { hasText: 'Assigned to you' }).waitFor();
    // handed back behind the pane's back
    await stage.harness.db
      .update(handoffs)
      .set({ status: 'resolved', resolution: 'idle', resolvedAt: Date.now() })
      .where(eq(handoffs.id, packet?.id ?? ''));
    await stage.harness.db
      .update(conversations)
      .set({ mode: 'bot', handoffId: null })
      .where(eq(conversations.handoffId, packet?.id ?? ''));
    await inbox.fill('#reply-text', 'Still there, Rana?');
    await inbox.press('#reply-text', 'Control+Enter');
    await inbox.locator('.toast.error.show').waitFor();
    await inbox.locator('#d-status', { hasText: 'Handed back: idle' }).waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);
});
