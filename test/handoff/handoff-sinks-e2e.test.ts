import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBatonSignature } from '../../src/handoff/sinks/webhook.js';
import { handoffNotes, outbox } from '../../src/store/schema/index.js';
import { type FakeReceivers, startFakeReceivers } from '../support/fake-receivers.js';
import { createHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait-for.js';

let harness: Harness;
let receivers: FakeReceivers;
afterEach(async () => {
  harness?.close();
  await receivers?.close();
});

const SECRET = 'a-webhook-secret-of-some-length';

describe('handoff sinks wired into the pipeline', () => {
  it('notifies Slack and the signed webhook when the bot hands off', async () => {
    receivers = await startFakeReceivers();
    harness = await createHarness({
      env: {
        SLACK_WEBHOOK_URL: receivers.urls.slack,
        HANDOFF_WEBHOOK_URL: receivers.urls.hook,
        HANDOFF_WEBHOOK_SECRET: SECRET,
        PUBLIC_BASE_URL: 'https://baton.example',
      },
    });
    await harness.post({ waId: '966500000951', name: 'Sara', text: 'I want a refund please' });
    await waitFor(
      async () => receivers.requests('hook').length === 1 && receivers.requests('slack').length === 1,
    );
    const [hook] = receivers.requests('hook');
    const [packet] = await harness.packets();
    expect(
      await verifyBatonSignature(
        hook?.rawBody ?? new Uint8Array(),
        hook?.headers['x-baton-signature'],
        SECRET,
      ),
    ).toBe(true);
    expect(JSON.parse(hook?.text ?? '{}')).toEqual(packet);
    expect(receivers.requests('slack')[0]?.text).toContain('https://baton.example/inbox/handoffs/');
  });

  it('keeps the handoff, tells the customer and notes the failure when a sink fails for good', async () => {
    receivers = await startFakeReceivers();
    receivers.failTimes('slack', 1, 404);
    harness = await createHarness({ env: { SLACK_WEBHOOK_URL: receivers.urls.slack } });
    await harness.post({ waId: '966500000952', text: 'agent please' });
    const [packet] = await harness.packets();
    expect(packet).toBeDefined();
    expect((await harness.replies('966500000952')).at(-1)).toMatch(/connecting you/);
    await waitFor(async () => {
      const rows = await harness.db.select().from(outbox).where(eq(outbox.kind, 'sink:slack'));
      return rows[0]?.status === 'failed';
    });
    const notes = await harness.db
      .select()
      .from(handoffNotes)
      .where(eq(handoffNotes.handoffId, packet?.id ?? ''));
    expect(notes.map((n) => n.text)).toEqual([expect.stringMatching(/^slack notification failed/)]);
  });
});
