import type { TranscriptLine } from '../port.js';

/** What the classifier call of a turn produced beyond the classification, for later jobs to reuse. */
export interface TurnDraft {
  /** A reply grounded in a knowledge excerpt the classifier was shown. */
  reply?: { text: string; docId: string; title: string };
  /** A note for the agent, written when the message looked like it needs a person. */
  summary?: string;
}

/** How many earlier customer messages identify a turn (and go to the classifier). */
export const CONTEXT_MESSAGES = 6;

/**
 * A turn is identified by what the classifier saw: the message and the earlier customer messages.
 * Two conversations only share a key when the model saw the same input, so a shared entry leaks
 * nothing that the other conversation's own call would not have produced.
 */
export function turnKey(text: string, previousCustomerTexts: readonly string[]): string {
  return JSON.stringify([text, previousCustomerTexts.slice(-CONTEXT_MESSAGES)]);
}

/** The key of the turn a transcript ends with (its last customer line), as `respond` and `summarise` see it. */
export function turnKeyOfTranscript(transcript: readonly TranscriptLine[]): string | undefined {
  const said = transcript.filter((line) => line.from === 'customer').map((line) => line.text);
  const current = said.at(-1);
  return current === undefined ? undefined : turnKey(current, said.slice(0, -1));
}

/**
 * A small LRU of drafts. Entries live for the few seconds between the classify, respond and
 * summarise calls of one turn; the size only bounds memory under load.
 */
export class TurnCache {
  private readonly entries = new Map<string, TurnDraft>();

  constructor(private readonly max = 500) {}

  get(key: string | undefined): TurnDraft | undefined {
    if (key === undefined) return undefined;
    const draft = this.entries.get(key);
    if (draft !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, draft);
    }
    return draft;
  }

  set(key: string, draft: TurnDraft): void {
    this.entries.delete(key);
    this.entries.set(key, draft);
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
