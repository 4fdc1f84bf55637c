import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, type Stage, say, screenshotDir, signIn, startStage } from './browser.js';

let stage: Stage;

describe.skipIf(!hasChromium)('the simulator and the inbox together (headless Chromium)', () => {
  beforeAll(async () => {
    stage = await startStage();
  });
  afterEach(async () => {
    await stage?.closePages();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('ask → escalated → agent replies → customer sees it → resolved → CSAT', async () => {
    // Someone already waiting, so the queue has a backlog when the agent signs in.
    await stage.harness.post({
      waId: '966500000004',
      name: 'Omar',
      text: 'I was charged twice for order A1002 and I want a refund',
    });
    const inbox = await stage.open('/inbox');
    await signIn(inbox, stage.token);
    await inbox.locator('#queue-list .item', { hasText: 'Omar' }).waitFor();
    expect(await inbox.locator('#queue-list .item', { hasText: 'Sara' }).count()).toBe(0);

    const phone = await stage.open('/sandbox?waId=966500000001&name=Sara', { width: 1280, height: 860 });
    await say(phone, 'I want to talk to a human');
    await phone.locator('.msg.theirs .text', { hasText: /connecting you|offline now/ }).waitFor();

    // The handoff arrives over the event stream: the inbox page is never reloaded.
    const item = inbox.locator('#queue-list .item', { hasText: 'Sara' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Asked for a person');
    await item.click();
    await inbox.locator('#d-head', { hasText: 'Sara' }).waitFor();
    expect(await inbox.locator('.reasons').textContent()).toContain('talk to a human');
    const handoffId = /\/inbox\/handoffs\/([^/]+)$/.exec(inbox.url())?.[1];
    expect(handoffId).toMatch(/^ho_/);

    await inbox.click('#claim');
    await inbox.locator('#d-status', { hasText: 'Assigned to you' }).waitFor();
    await phone.locator('.msg.from-system .text', { hasText: 'Layla from our team has joined' }).waitFor();

    // A customer message while with the agent shows up live and highlighted.
    await say(phone, 'My earbuds from A1001 stopped charging');
    await inbox.locator('.line.new', { hasText: 'stopped charging' }).waitFor();

    await inbox.fill(
      '#reply-text',
      'Hi Sara, Layla here. I am sorry about that, let me arrange a replacement.',
    );
    await inbox.click('#reply-send');
    await phone.locator('.msg.from-agent .text', { hasText: 'let me arrange a replacement' }).waitFor();
    await inbox.locator('.line.from-agent', { hasText: 'let me arrange a replacement' }).waitFor();
    // answered: the customer's message is no longer new, and the composer no longer says sending claims it
    await inbox.locator('.line.new').waitFor({ state: 'detached' });
    expect(await inbox.locator('#d-composer .window.open').textContent()).not.toContain('claims it');
    await inbox.fill('#note-text', 'Warranty replacement for A1001, earbuds.');
    await inbox.click('.note-form button');
    await inbox.locator('#d-notes li', { hasText: 'Warranty replacement' }).waitFor();
    // Adding the note scrolled the packet column; show it from the summary down.
    await inbox.locator('.packet').evaluate((node) => node.scrollTo(0, 0));
    await inbox.screenshot({ path: resolve(screenshotDir, 'inbox.png') });

    await inbox.click('#resolve');
    await inbox.locator('#d-status', { hasText: 'Resolved by you' }).waitFor();
    const five = phone.locator('.choice[data-choice="csat_5"]');
    await five.click();
    await phone.locator('.msg.theirs .text', { hasText: 'Thank you for your rating' }).waitFor();
    await phone.screenshot({ path: resolve(screenshotDir, 'sandbox.png') });

    await inbox.click('[data-tab="resolved"]');
    const resolved = inbox.locator('#queue-list .item', { hasText: 'Sara' });
    await resolved.click();
    await inbox.locator('#d-head .tag.csat', { hasText: 'CSAT 5/5' }).waitFor();
    await inbox.locator('.kpi', { hasText: 'CSAT' }).locator('.kpi-value', { hasText: '5.0' }).waitFor();

    const response = await stage.harness.app.request(`/api/handoffs/${handoffId}`, {
      headers: { authorization: `Bearer ${stage.token}` },
    });
    const detail = (await response.json()) as { handoff: { status: string; csat: unknown } };
    expect(detail.handoff.status).toBe('resolved');
    expect(detail.handoff.csat).toEqual({ status: 'answered', score: 5 });
    expect(stage.pageErrors).toEqual([]);
  }, 45_000);

  it('speaks Arabic right to left, and sends a tapped welcome button as a button reply', async () => {
    const phone = await stage.open('/sandbox?waId=966500000002&name=Noura', { width: 1280, height: 860 });
    await phone.click('[data-choose-lang="ar"]');
    expect(await phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await phone.getAttribute('#text', 'placeholder')).toBe('اكتب رسالة');
    await say(phone, 'السلام عليكم');
    const titles = phone.locator('.msg.theirs .choice');
    await titles.first().waitFor();
    expect(await titles.allTextContents()).toEqual(['حالة الطلب', 'الأسئلة الشائعة', 'التحدث مع موظف']);
    await say(phone, 'وين طلبي A2001؟');
    await phone.locator('.msg.theirs .text', { hasText: 'الطلب A2001' }).waitFor();
    await phone.screenshot({ path: resolve(screenshotDir, 'sandbox-arabic.png') });

    await phone.click('[data-choose-lang="en"]');
    expect(await phone.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await phone.getAttribute('#text', 'placeholder')).toBe('Type a message');
    // Another customer on the same page: the chat follows the phone number field.
    await phone.fill('#wa-id', '966500000003');
    await phone.press('#wa-id', 'Tab');
    await say(phone, 'Hi');
    await phone.locator('.choice[data-choice="menu_order"]').click();
    await phone.locator('.msg.mine .text', { hasText: 'Order status' }).waitFor();
    await phone.locator('.msg.theirs .text', { hasText: 'send me your order number' }).waitFor();
    expect(await phone.locator('.msg', { hasText: 'السلام عليكم' }).count()).toBe(0);
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('gives the customer their text back when a send fails, and says why', async () => {
    const phone = await stage.open('/sandbox?waId=966500000004&name=Reem', { width: 1280, height: 860 });
    const posts = '**/api/sandbox/messages';
    await phone.route(posts, (route) =>
      route.request().method() === 'POST' ? route.abort() : route.continue(),
    );
    await phone.fill('#text', 'is anyone there?');
    await phone.press('#text', 'Enter');
    await phone.locator('#error', { hasText: 'Could not send: the server did not answer' }).waitFor();
    expect(await phone.inputValue('#text')).toBe('is anyone there?');

    await phone.unroute(posts);
    await phone.route(posts, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 413,
            contentType: 'application/json',
            body: '{"message":"the body is too large"}',
          })
        : route.continue(),
    );
    await phone.press('#text', 'Enter');
    await phone.locator('#error', { hasText: 'Could not send: the body is too large' }).waitFor();
    expect(await phone.inputValue('#text')).toBe('is anyone there?');

    await phone.unroute(posts);
    await phone.press('#text', 'Enter');
    await phone.locator('.msg.mine .text', { hasText: 'is anyone there?' }).waitFor();
    expect(await phone.inputValue('#text')).toBe('');
    expect(await phone.locator('#error').textContent()).toBe('');
    expect(await phone.getAttribute('#text', 'maxlength')).toBe('4096');
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);
});
