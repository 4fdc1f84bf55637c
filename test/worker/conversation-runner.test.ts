import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import {
  ConversationRunner,
  type RunnerStorage,
  type RunnerWork,
} from '../../src/worker/conversation-runner.js';

/** Durable Object storage as the runner sees it: a map and the one alarm. */
function memoryStorage() {
  const values = new Map<string, unknown>();
  const storage: RunnerStorage & { alarm: number | null; values: Map<string, unknown> } = {
    alarm: null,
    values,
    async get<T>(key: string) {
      return values.get(key) as T | undefined;
    },
    async put(key, value) {
      values.set(key, value);
    },
    async delete(key) {
      return values.delete(key);
    },
    async setAlarm(at) {
      storage.alarm = at;
    },
  };
  return storage;
}

function setup(options: { maxAttempts?: number } = {}) {
  const storage = memoryStorage();
  let now = 1_000_000;
  const runner = new ConversationRunner({
    storage,
    now: () => now,
    logger: silentLogger,
    settleMs: 300,
    maxAttempts: options.maxAttempts ?? 3,
    baseDelayMs: 1_000,
  });
  return { storage, runner, advance: (ms: number) => (now += ms), now: () => now };
}

function work(drain: RunnerWork['drain']) {
  const deadLetters: { conversationId: string; error: string; attempts: number }[] = [];
  const w: RunnerWork = {
    drain,
    deadLetter: async (conversationId, error, attempts) => {
      deadLetters.push({ conversationId, error, attempts });
    },
  };
  return { work: w, deadLetters };
}

describe('ConversationRunner (a conversation Durable Object)', () => {
  it('waits the settle time after each message, at most five times it after the first of a burst', async () => {
    const { runner, storage, advance, now } = setup();
    await runner.schedule('conv-1');
    expect(storage.alarm).toBe(now() + 300);
    const first = now();
    for (let i = 0; i < 10; i++) {
      advance(200);
      await runner.schedule('conv-1');
    }
    expect(storage.alarm).toBe(first + 1_500);
  });

  it('drains the conversation it was scheduled for and starts a new burst after', async () => {
    const { runner, storage, advance, now } = setup();
    const drained: string[] = [];
    await runner.schedule('conv-1');
    await runner.run(work(async (id) => void drained.push(id)).work);
    expect(drained).toEqual(['conv-1']);
    advance(10_000);
    await runner.schedule('conv-1');
    expect(storage.alarm).toBe(now() + 300);
  });

  it('retries a failing drain with backoff, and a new message does not jump the retry', async () => {
    const { runner, storage, now } = setup();
    await runner.schedule('conv-1');
    await runner.run(
      work(async () => {
        throw new Error('D1_ERROR: database is locked');
      }).work,
    );
    const retryAt = storage.alarm ?? 0;
    expect(retryAt).toBeGreaterThanOrEqual(now() + 500);
    expect(storage.values.get('attempts')).toBe(1);
    await runner.schedule('conv-1');
    expect(storage.alarm).toBe(retryAt);
  });

  it('dead-letters the message at the head after the last attempt, then goes on with the rest', async () => {
    const { runner, storage, now } = setup({ maxAttempts: 3 });
    const failing = work(async () => {
      throw new Error('conversation conv-1 has no customer');
    });
    await runner.schedule('conv-1');
    for (let i = 0; i < 3; i++) await runner.run(failing.work);
    expect(failing.deadLetters).toEqual([
      { conversationId: 'conv-1', error: 'Error: conversation conv-1 has no customer', attempts: 3 },
    ]);
    expect(storage.alarm).toBe(now());
    expect(storage.values.has('attempts')).toBe(false);
    expect(storage.values.has('retryAt')).toBe(false);
  });

  it('resets the count once a drain succeeds', async () => {
    const { runner, storage } = setup({ maxAttempts: 2 });
    let fail = true;
    const flaky = work(async () => {
      if (fail) throw new Error('transient');
    });
    await runner.schedule('conv-1');
    await runner.run(flaky.work);
    fail = false;
    await runner.run(flaky.work);
    fail = true;
    await runner.run(flaky.work);
    expect(flaky.deadLetters).toEqual([]);
    expect(storage.values.get('attempts')).toBe(1);
  });

  it('does nothing when woken before it was ever scheduled', async () => {
    const { runner } = setup();
    const drained: string[] = [];
    await runner.run(work(async (id) => void drained.push(id)).work);
    expect(drained).toEqual([]);
  });
});
