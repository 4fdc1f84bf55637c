import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { client, nextWaId, type SandboxLine, sentReplies, type WorkerTarget, waitFor } from './scenarios.js';

// In its own file, so its own workerd runtime and D1: it breaks the outbox table on purpose.

const target: WorkerTarget = {
  fetch: (path, init) => SELF.fetch(`http://localhost${path}`, init),
  appSecret: env.WHATSAPP_APP_SECRET,
  agentToken: async () => '',
};
const { say, conversation } = client(() => target);
const inbound = (lines: SandboxLine[]) => lines.filter((line) => line.direction === 'in');

describe('the dead-letter path on Workers', () => {
  it('marks a message failed after its drain kept failing, and the conversation goes on', async () => {
    const waId = nextWaId();
    // The turn's replies cannot be stored: every drain of the conversation fails after the agent ran.
    await env.DB.exec('ALTER TABLE outbox RENAME TO outbox_unavailable');
    try {
      await say(waId, 'what are your opening hours?');
      // OUTBOX_MAX_ATTEMPTS (3) drains, on the outbox's backoff, then the dead letter.
      const lines = await waitFor(
        () => conversation(waId),
        (l) => inbound(l)[0]?.status === 'failed',
      );
      expect(sentReplies(lines)).toEqual([]);
    } finally {
      await env.DB.exec('ALTER TABLE outbox_unavailable RENAME TO outbox');
    }
    const metrics = await (await SELF.fetch('http://localhost/metrics')).text();
    expect(metrics).toMatch(/^baton_messages_failed 1$/m);

    await say(waId, 'where is my order A1001?');
    const after = await waitFor(
      () => conversation(waId),
      (l) => sentReplies(l).length > 0,
    );
    expect(inbound(after).map((line) => line.status)).toEqual(['failed', 'done']);
  });
});
