import { afterEach, describe, expect, it } from 'vitest';
import { OfflineLlm } from '../../src/llm/offline/offline-llm.js';
import type { ClassifyInput, RespondInput, SummariseInput } from '../../src/llm/port.js';
import { createHarness, type Harness } from '../support/harness.js';

/** The offline engine, noting when each job was told its turn began. */
class RecordingLlm extends OfflineLlm {
  readonly jobs: { job: string; text: string; turnStartedAt: number | undefined }[] = [];
  override classify(input: ClassifyInput) {
    this.jobs.push({ job: 'classify', text: input.text, turnStartedAt: input.turnStartedAt });
    return super.classify(input);
  }
  override respond(input: RespondInput) {
    this.jobs.push({ job: 'respond', text: input.text, turnStartedAt: input.turnStartedAt });
    return super.respond(input);
  }
  override summarise(input: SummariseInput) {
    const text = input.transcript.filter((line) => line.from === 'customer').at(-1)?.text ?? '';
    this.jobs.push({ job: 'summarise', text, turnStartedAt: input.turnStartedAt });
    return super.summarise(input);
  }
}

let harness: Harness | undefined;
afterEach(() => harness?.close());

describe("the turn's start, for the model's time budget", () => {
  it('is the same for every job of a turn, taken when the turn began, and new for the next turn', async () => {
    const llm = new RecordingLlm();
    harness = await createHarness({ llm });
    const waId = '966500000976';
    const before = Date.now();
    await harness.post({ waId, text: 'how long does delivery take?' });
    const between = Date.now();
    await harness.post({ waId, text: 'this is useless, I want to complain to a manager' });

    const first = llm.jobs.filter((job) => job.text === 'how long does delivery take?');
    const second = llm.jobs.filter((job) => job.text !== 'how long does delivery take?');
    expect(first.map((job) => job.job)).toEqual(['classify', 'respond']);
    expect(second.map((job) => job.job)).toContain('summarise');
    for (const turn of [first, second]) {
      expect(new Set(turn.map((job) => job.turnStartedAt)).size).toBe(1);
    }
    expect(first[0]?.turnStartedAt).toBeGreaterThanOrEqual(before);
    expect(first[0]?.turnStartedAt).toBeLessThanOrEqual(between);
    expect(second[0]?.turnStartedAt).toBeGreaterThanOrEqual(between);
  });
});
