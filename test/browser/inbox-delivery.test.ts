import { join } from 'node:path';
import { eq, like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage, Recipient, SendResult } from '../../src/channel/outbound.js';
import { addAgent } from '../../src/inbox/agents.js';
import { SandboxTransport } from '../../src/sandbox/transport.js';
import { messages } from '../../src/store/schema/index.js';
import { hasChromium, type Stage, screenshotDir, signIn, startStage } from './browser.js';

/** The sandbox, except that a text listed here is refused by "WhatsApp" the first time it is sent. */
class RefusingOnce extends SandboxTransport {
  readonly refuse = new Set<string>();
  override async send(to: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (message.kind === 'text' && this.refuse.delete(message.text)) {
      return { ok: false, retryable: false, code: 131026, error: '(#131026) Message undeliverable' };
    }
    return super.send(to, message);
  }
}

let stage: Stage;
let transport: RefusingOnce;

async function openAs(token: string): Promise<Page> {
  const page = await stage.open('/inbox');
  await signIn(page, token);
  return page;
}

/** What became of each message to the customer, as its line in the inbox says. */
function delivery(page: Page, text: string) {
  return page.locator('.line:not(.from-customer)', { hasText: text });
}

describe.skipIf(!hasChromium)(
  'what became of a message, and handing a handoff back (headless Chromium)',
  () => {
    beforeAll(async () => {
      transport = new RefusingOnce();
      stage = await startStage({}, { transport });
    });
    afterEach(async () => {
      await stage?.closePages();
    });
    afterAll(async () => {
      await stage?.close();
    });

    it('shows how far each message got, and sends a refused reply again with one click', async () => {
      await stage.harness.post({ waId: '966500000501', name: 'Huda', text: 'I want to talk to a human' });
      const inbox = await openAs(stage.token);
      await inbox.locator('#queue-list .item', { hasText: 'Huda' }).click();
      // the bot's handoff notice went out: one tick, "Sent" beside it for whoever hovers
      const notice = delivery(inbox, 'connecting you');
      expect(await notice.locator('.tick').getAttribute('title')).toBe('Sent');
      expect(await notice.locator('.tick').textContent()).toBe('✓');
      // and a screen reader says the word, not "check mark"
      expect(await notice.getByRole('img', { name: 'Sent' }).count()).toBe(1);

      const words = 'Your replacement leaves the warehouse today, Huda.';
      transport.refuse.add(words);
      await inbox.fill('#reply-text', words);
      await inbox.click('#reply-send');
      const refused = delivery(inbox, words).first();
      await refused
        .locator('.line-error', { hasText: 'Not delivered: (#131026) Message undeliverable' })
        .waitFor();
      expect(await refused.locator('.tick').count()).toBe(0);
      await refused.locator('button.resend').click();
      await delivery(inbox, words).nth(1).locator('.tick', { hasText: '✓' }).waitFor();
      // sent now: no second offer to send it again
      await refused.locator('button.resend').waitFor({ state: 'detached' });
      const sent = await stage.harness.db.select().from(messages).where(eq(messages.text, words));
      expect(sent.map((m) => m.status)).toEqual(['failed', 'sent']);
      // the customer read it: the open conversation shows it as the receipt's event arrives (once
      // the refreshes the resend started are over, so none of them can show it instead)
      await inbox.waitForTimeout(1_000);
      const [handoff] = await stage.harness.packets();
      await stage.harness.db
        .update(messages)
        .set({ status: 'read' })
        .where(eq(messages.id, sent[1]?.id ?? ''));
      stage.harness.baton.agentDeps.events.publish({
        type: 'message.status',
        handoffId: handoff?.id ?? '',
        queue: 'general',
        status: 'read',
      });
      await delivery(inbox, words).nth(1).locator('.tick.t-read', { hasText: '✓✓ Read' }).waitFor();
      await inbox.screenshot({ path: join(screenshotDir, 'inbox-delivery.png') });
      expect(stage.pageErrors).toEqual([]);
    }, 40_000);

    it('says near the limit how much room a reply has left, and marks a bot reply that never went out', async () => {
      const inbox = await openAs(stage.token);
      await inbox.click('[data-tab="assigned"]');
      await inbox.locator('#queue-list .item', { hasText: 'Huda' }).click();
      expect(await inbox.locator('#reply-count').textContent()).toBe('');
      await inbox.fill('#reply-text', 'x'.repeat(3_900));
      expect(await inbox.locator('#reply-count').textContent()).toBe('196 characters left');
      await inbox.fill('#reply-text', 'x'.repeat(5_000));
      expect(await inbox.locator('#reply-count').textContent()).toBe('No characters left');
      await inbox.fill('#reply-text', '');

      // a bot reply the outbox dropped because a person had taken over by then
      await stage.harness.db
        .update(messages)
        .set({ status: 'dropped', error: 'bot reply dropped: conversation is in agent mode' })
        .where(like(messages.text, 'I am connecting you%'));
      await inbox.reload();
      await inbox.locator('#live.on').waitFor();
      const notice = delivery(inbox, 'I am connecting you');
      await notice
        .locator('.line-error', { hasText: 'Not sent: a person had the conversation by then' })
        .waitFor();
      expect(await notice.locator('.tick').count()).toBe(0);
      expect(stage.pageErrors).toEqual([]);
    }, 30_000);

    it('releases a claimed handoff to its queue with a note, asking whose it is, and names who did it', async () => {
      await stage.harness.post({ waId: '966500000502', name: 'Fahad', text: 'I want to talk to a human' });
      const { token } = await addAgent(stage.harness.db, { name: 'Omar', queues: ['*'], now: Date.now() });
      const omar = await openAs(token);
      await omar.click('[data-tab="queued"]');
      await omar.locator('#queue-list .item', { hasText: 'Fahad' }).click();
      await omar.click('#claim');
      await omar.locator('#d-status', { hasText: 'Assigned to you' }).waitFor();
      // Omar's reply does not arrive: it is his to send again, not a colleague's
      const words = 'Fahad, Omar here: checking your order now.';
      transport.refuse.add(words);
      await omar.fill('#reply-text', words);
      await omar.click('#reply-send');
      await delivery(omar, words).locator('button.resend').waitFor();

      const layla = await openAs(stage.token);
      await layla.click('[data-tab="assigned"]');
      // Omar's customer writes while a search hides his handoff from Layla: no news for her
      const fahad = layla.locator('#queue-list .item', { hasText: 'Fahad' });
      await fahad.waitFor();
      await layla.fill('#queue-search', 'zzqq');
      await layla.locator('#no-match').waitFor();
      await stage.harness.post({ waId: '966500000502', text: 'hello? any news?' });
      await layla.waitForTimeout(500);
      await layla.press('#queue-search', 'Escape');
      await fahad.waitFor();
      await layla.waitForTimeout(500);
      expect(await fahad.locator('.tag.unread').count()).toBe(0);
      expect(await layla.title()).not.toContain('•');
      await fahad.click();
      await layla.locator('.composer-note', { hasText: 'Release or transfer it, or add a note' }).waitFor();
      await delivery(layla, words).locator('.line-error', { hasText: 'Not delivered' }).waitFor();
      expect(await delivery(layla, words).locator('button.resend').count()).toBe(0);
      const asked: string[] = [];
      layla.on('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.accept('Omar is off today');
      });
      await layla.click('#release');
      expect(asked).toEqual([
        'Omar has this handoff. Release it to the General queue? A note for whoever takes it next (optional):',
      ]);
      await layla.locator('#d-status', { hasText: 'Queued' }).waitFor();
      // followed to its tab once the release returns; the live event can show "Queued" before that
      await layla.locator('[data-tab="queued"][aria-selected="true"]').waitFor();
      await layla
        .locator('#d-notes li', {
          hasText: 'Released to the queue by Layla (it was with Omar): Omar is off today',
        })
        .waitFor();
      // the keyboard is on the handoff in the queue
      expect(await layla.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Fahad');
      // Omar sees it leave him, told who did it
      await omar.locator('.toast', { hasText: 'This handoff was released to the queue by Layla' }).waitFor();
      expect(stage.pageErrors).toEqual([]);
    }, 40_000);

    it('opens a link to a handoff in the tab it is in', async () => {
      const huda = (await stage.harness.packets()).find((p) => p.customer.name === 'Huda');
      const page = await stage.open(`/inbox/handoffs/${huda?.id}`);
      await signIn(page, stage.token);
      await page.locator('#d-head h2', { hasText: 'Huda' }).waitFor();
      await page.locator('[data-tab="assigned"][aria-selected="true"]').waitFor();
      await page.locator('#queue-list .item.active', { hasText: 'Huda' }).waitFor();
      expect(stage.pageErrors).toEqual([]);
      // a link mangled on its way opens the inbox without a handoff, and no error
      const mangled = await stage.open('/inbox/handoffs/%E0%A4%A');
      await signIn(mangled, stage.token);
      await mangled.locator('[data-tab="assigned"]').click();
      await mangled.locator('#queue-list .item', { hasText: 'Huda' }).waitFor();
      expect(new URL(mangled.url()).pathname).toBe('/inbox');
      expect(stage.pageErrors).toEqual([]);
    }, 30_000);
  },
);
