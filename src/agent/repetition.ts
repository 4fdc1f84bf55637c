import type { TranscriptLine } from '../llm/port.js';
import { tokenize } from '../nlu/normalize.js';

/** Share of the two messages' words they have in common: "WHAT IS YOUR RETURN POLICY!!!" repeats it. */
const SAME_QUESTION = 0.8;

function sameWords(one: string, other: string): boolean {
  const a = new Set(tokenize(one));
  const b = new Set(tokenize(other));
  if (a.size === 0 || b.size === 0) return false;
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared / (a.size + b.size - shared) >= SAME_QUESTION;
}

/**
 * The customer asked again what they asked just before, and the bot is about to give the same
 * answer: it did not help the first time. `transcript` ends with the current customer message.
 */
export function repeatsLastExchange(transcript: readonly TranscriptLine[], reply: string): boolean {
  const [asked, answered, asking] = transcript.slice(-3);
  return (
    asked?.from === 'customer' &&
    answered?.from === 'bot' &&
    asking?.from === 'customer' &&
    // the answer may carry the note that it was given already
    answered.text.startsWith(reply) &&
    sameWords(asked.text, asking.text)
  );
}
