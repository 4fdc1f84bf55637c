import { eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endSession } from '../../src/inbox/sessions.js';
import { conversations, customers, handoffs } from '../../src/store/schema/index.js';
import { waitFor } from '../support/wait-for.js';
import { hasChromium, type Stage, say, signIn, startStage } from './browser.js';

const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const hostileName = 'Mallory<img src=x onerror="window.__xss=3">';

let stage: Stage;
/** One signed-in inbox for the file: handoffs made by each test arrive in it live. */
let inbox: Page;

function probe(page: Page) {
  return page.evaluate(() => ({
    flag: (window as unknown as { __xss?: number }).__xss,
    images: document.querySelectorAll('main img, #detail img, #chat img').length,
    scripts: document.querySelectorAll('body script').length,
  }));
}

async function escalate(waId: string, name: string, firstWords: string) {
  await stage.harness.post({ waId, name, text: firstWords });
  await stage.harness.post({ waId, text: 'I want to talk to a human' });
}

describe.skipIf(!hasChromium)('the inbox page (headless Chromium)', () => {
  beforeAll(async () => {
    stage = await startStage({
      WHATSAPP_TEMPLATES: JSON.stringify([{ name: 'follow_up', language: 'en', parameters: 1 }]),
    });
    inbox = await stage.open('/inbox');
    await signIn(inbox, stage.token);
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('shows an HTML payload literally and never runs it, in the simulator and in the inbox', async () => {
    const phone = await stage.open(`/sandbox?waId=966500000066&name=${encodeURIComponent(hostileName)}`);
    expect(await phone.inputValue('#name')).toBe(hostileName);
    await say(phone, payload);
    await phone.locator('.msg.mine .text', { hasText: '<script>window.__xss=2</script>' }).waitFor();
    await say(phone, 'I want to talk to a human');
    await phone.locator('.msg.theirs .text', { hasText: /connecting you|offline now/ }).waitFor();
    expect(await probe(phone)).toEqual({ flag: undefined, images: 0, scripts: 0 });

    const item = inbox.locator('#queue-list .item', { hasText: 'Mallory' });
    expect(await item.locator('.item-name').textContent()).toBe(hostileName);
    await item.click();
    const line = inbox.locator('.line.from-customer .line-text', { hasText: '<img src=x' });
    expect(await line.textContent()).toBe(payload);
    expect(await inbox.locator('#d-head h2').textContent()).toContain(hostileName);
    expect(await inbox.locator('.summary').textContent()).toContain('Mallory<img');
    expect(await probe(inbox)).toEqual({ flag: undefined, images: 0, scripts: 0 });
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('offers the configured templates instead of free text once the 24-hour window has closed', async () => {
    await escalate('966500000067', 'Hana', 'hello');
    const dayAndAHourAgo = Date.now() - 25 * 60 * 60 * 1000;
    await stage.harness.db
      .update(conversations)
      .set({ lastMessageAt: dayAndAHourAgo })
      .where(
        inArray(
          conversations.customerId,
          stage.harness.db
            .select({ id: customers.id })
            .from(customers)
            .where(eq(customers.waId, '966500000067')),
        ),
      );

    await inbox.locator('#queue-list .item', { hasText: 'Hana' }).click();
    await inbox.locator('#window-closed', { hasText: 'The 24-hour window closed' }).waitFor();
    expect(await inbox.locator('#reply-text').count()).toBe(0);
    expect(await inbox.locator('#d-composer textarea').isDisabled()).toBe(true);
    expect(await inbox.locator('#template-name option').allTextContents()).toEqual(['follow_up (en)']);
    await inbox.fill('.template-param', 'your replacement has shipped');
    await inbox.click('#d-composer button:has-text("Send template")');
    await inbox
      .locator('.line.from-agent', { hasText: '[template follow_up] your replacement has shipped' })
      .waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it("shows the customer's orders as the order system has them, beside the ids they typed", async () => {
    await stage.harness.post({ waId: '966500000001', name: 'Sara', text: 'please cancel order A1002' });
    await inbox.click('[data-tab="queued"]');
    await inbox.locator('#queue-list .item', { hasText: 'Sara' }).click();
    const onRecord = inbox.locator('.fact', { hasText: 'On record' });
    await onRecord.waitFor();
    expect(await onRecord.locator('.fact-chip').allTextContents()).toEqual([
      'A1002 — processing · 2 × USB-C charger 65W · 178 SAR',
    ]);
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it("asks before resolving while the customer's last message has no reply from an agent", async () => {
    await escalate('966500000069', 'Reem', 'my charger stopped working');
    await inbox.click('[data-tab="queued"]');
    await inbox.locator('#queue-list .item', { hasText: 'Reem' }).click();
    await inbox.locator('#d-head h2', { hasText: 'Reem' }).waitFor();
    const asked: string[] = [];
    inbox.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await inbox.click('#resolve');
    expect(asked).toEqual(["The customer's last message has no reply from an agent. Resolve anyway?"]);
    const [handoff] = await stage.harness.db.query.handoffs.findMany({
      where: (row, { eq: equals }) => equals(row.status, 'queued'),
    });
    expect(handoff).toBeDefined();
    inbox.once('dialog', (dialog) => void dialog.accept());
    await inbox.click('#resolve');
    await inbox.locator('#d-composer', { hasText: 'Resolved' }).waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('lists the conversations the bot is handling and takes one over with a button', async () => {
    const waId = '966500000068';
    await stage.harness.post({ waId, name: 'Tariq', text: 'do you deliver to Jeddah?' });
    await inbox.click('[data-tab="live"]');
    const item = inbox.locator('#queue-list .live-item', { hasText: 'Tariq' });
    await item.waitFor();
    expect(await item.locator('.live-lines li').first().textContent()).toBe(
      'Customer: do you deliver to Jeddah?',
    );
    expect(await item.locator('.live-lines li').first().getAttribute('dir')).toBe('ltr');
    // an Arabic line runs right to left, so its clipped part is its end
    await stage.harness.post({ waId: '966500000071', name: 'Salem', text: 'هل توصلون الدمام؟' });
    const arabic = inbox
      .locator('#queue-list .live-item', { hasText: 'Salem' })
      .locator('.live-lines li')
      .first();
    await expect.poll(() => arabic.getAttribute('dir'), { timeout: 15_000 }).toBe('rtl');
    await item.locator('button', { hasText: 'Take over' }).click();

    // The new handoff opens, assigned to the agent, and the customer is told a person joined.
    await inbox.locator('#d-head h2', { hasText: 'Tariq' }).waitFor();
    expect(await inbox.locator('[data-tab="assigned"]').getAttribute('aria-selected')).toBe('true');
    await inbox.locator('#queue-list .item', { hasText: 'Tariq' }).waitFor();
    await inbox.locator('.chip', { hasText: 'Agent initiated' }).first().waitFor();
    expect((await stage.harness.replies(waId)).at(-1)).toMatch(/Layla/);
    const [conversation] = await stage.harness.db
      .select({ mode: conversations.mode })
      .from(conversations)
      .innerJoin(customers, eq(customers.id, conversations.customerId))
      .where(eq(customers.waId, waId));
    expect(conversation?.mode).toBe('agent');

    // It is no longer the bot's: the Live tab drops it.
    await inbox.click('[data-tab="live"]');
    await inbox.locator('#queue-list .live-item', { hasText: 'Tariq' }).waitFor({ state: 'detached' });
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);
  it('keeps a card with a very long customer name inside the queue pane', async () => {
    const name = 'Abdulrahman Mohammed Abdullah Al-Qahtani Al-Otaibi';
    await stage.harness.post({ waId: '966500000070', name, text: 'I want to talk to a human' });
    await inbox.click('[data-tab="queued"]');
    const card = inbox.locator('#queue-list .item', { hasText: 'Abdulrahman' });
    await card.waitFor();
    const [cardBox, listBox] = [await card.boundingBox(), await inbox.locator('#queue-list').boundingBox()];
    expect(cardBox?.width ?? Infinity).toBeLessThanOrEqual(listBox?.width ?? 0);
  }, 30_000);

  it("names the sensitive topic on the card and in the packet, and hides Resolve on a colleague's handoff", async () => {
    await stage.harness.post({
      waId: '966500000069',
      name: 'Rana',
      text: 'someone called saying he is from your support and asked for my OTP',
    });
    await inbox.click('[data-tab="queued"]');
    const card = inbox.locator('#queue-list .item', { hasText: 'Rana' });
    await card.locator('.chip.r-sensitive_topic', { hasText: 'Fraud' }).waitFor();
    await card.click();
    await inbox.locator('#d-packet .chip.r-sensitive_topic', { hasText: 'Fraud' }).waitFor();
    await inbox.locator('#resolve').waitFor();
    const [packet] = (await stage.harness.packets()).filter((p) => p.customer.name === 'Rana');
    await stage.harness.db
      .update(handoffs)
      .set({ status: 'assigned', assignedAgentId: 'agent_someone_else' })
      .where(eq(handoffs.id, packet?.id ?? ''));
    await inbox.reload();
    await inbox.click('[data-tab="assigned"]');
    await inbox.locator('#queue-list .item', { hasText: 'Rana' }).click();
    await inbox.locator('.composer-note', { hasText: 'Another agent has this handoff' }).waitFor();
    await inbox
      .locator('#queue-list .item', { hasText: 'Rana' })
      .locator('.tag.owner', { hasText: 'A colleague' })
      .waitFor();
    expect(await inbox.locator('#resolve').count()).toBe(0);
    expect(await inbox.locator('#transfer').count()).toBe(1);
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('says a handoff was withdrawn and keeps the reply the agent was writing readable', async () => {
    await escalate('966500000072', 'Noura', 'my parcel is late');
    await inbox.click('[data-tab="queued"]');
    await inbox.locator('#queue-list .item', { hasText: 'Noura' }).click();
    await inbox.fill('#reply-text', 'Sorry for the wait, Noura, let me check');
    await stage.harness.post({ waId: '966500000072', text: 'never mind, I found it' });
    await inbox.locator('#d-status', { hasText: 'Withdrawn by the customer' }).waitFor();
    await inbox
      .locator('.composer-note', { hasText: /^Withdrawn by the customer .* back with the bot/ })
      .waitFor();
    expect(await inbox.inputValue('#unsent-draft')).toBe('Sorry for the wait, Noura, let me check');
    expect(await inbox.locator('#reply-text').count()).toBe(0);
    expect(await inbox.locator('.toast.error').count()).toBe(0);
    await inbox.click('[data-tab="resolved"]');
    await inbox
      .locator('#queue-list .item', { hasText: 'Noura' })
      .locator('.tag.ending', { hasText: 'Withdrawn by the customer' })
      .waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('shows the ad a customer came from as text, never as markup or a link', async () => {
    await escalate('966500000073', 'Rasha', 'hello');
    const reems = async () =>
      (await stage.harness.packets()).filter((p) => p.customer.waId === '966500000073');
    await waitFor(async () => (await reems()).length > 0);
    const [packet] = await reems();
    const referral = { headline: hostileName, sourceType: 'ad', sourceUrl: 'javascript:alert(1)' };
    await stage.harness.db
      .update(handoffs)
      .set({ packet: { ...packet, referral } })
      .where(eq(handoffs.id, packet?.id ?? ''));
    await inbox.reload();
    await inbox.click('[data-tab="queued"]');
    await inbox.locator('#queue-list .item', { hasText: 'Rasha' }).click();
    const ad = inbox.locator('#d-packet .card', { hasText: 'Came from an ad' });
    await ad.waitFor();
    expect(await ad.textContent()).toContain(hostileName);
    expect(await ad.textContent()).toContain('ad · javascript:alert(1)');
    expect(await ad.locator('a, img').count()).toBe(0);
    expect(await probe(inbox)).toEqual({ flag: undefined, images: 0, scripts: 0 });
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);

  it('goes back to the sign-in form when its session ends, at the stream heartbeat, not the minute refresh', async () => {
    const other = await stage.open('/inbox');
    await signIn(other, stage.token);
    // let the sign-in's first loads finish: a 401 on one of them would reload the page anyway
    await other.waitForTimeout(2_000);
    const [cookie] = await other.context().cookies();
    // signed out from another copy of the cookie, or expired, with nothing else happening: the
    // stream finds the session ended at its next heartbeat (15 s) and the page asks why it broke
    await endSession(stage.harness.db, cookie?.value ?? '');
    await other.locator('#login-form').waitFor({ timeout: 25_000 });
    expect(stage.pageErrors).toEqual([]);
  }, 40_000);

  it('shows the KPIs of one queue when the agent picks it, and how escalations ended', async () => {
    // the idle timer's ending, as it records it, for the ad's customer of the test before
    const [rashas] = (await stage.harness.packets()).filter((p) => p.customer.waId === '966500000073');
    await stage.harness.db
      .update(handoffs)
      .set({ status: 'resolved', resolution: 'idle', resolvedAt: Date.now() })
      .where(eq(handoffs.id, rashas?.id ?? ''));
    await inbox.reload();
    await inbox
      .locator('#kpis .kpi', { hasText: 'Escalated' })
      .locator('.kpi-sub', { hasText: /· 1 withdrawn · 1 handed back idle$/ })
      .waitFor();
    const escalated = inbox.locator('#kpis .kpi', { hasText: 'Escalated' }).locator('.kpi-value');
    await escalated.waitFor();
    const all = Number(await escalated.textContent());
    expect(all).toBeGreaterThan(1);
    // no test of this file escalates to the VIP queue
    await inbox.selectOption('#kpi-queue', 'vip');
    await inbox
      .locator('#kpis .kpi', { hasText: 'Escalated' })
      .locator('.kpi-value', { hasText: /^0$/ })
      .waitFor();
    await inbox.selectOption('#kpi-queue', '');
    await inbox
      .locator('#kpis .kpi', { hasText: 'Escalated' })
      .locator('.kpi-value', { hasText: String(all) })
      .waitFor();
    expect(stage.pageErrors).toEqual([]);
  }, 30_000);
});
