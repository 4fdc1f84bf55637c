import { attemptsSaid } from '../../handoff/attempts.js';
import { describeReason } from '../../policy/reasons.js';
import type { SummariseInput } from '../port.js';

export const SUMMARY_MAX = 600;
/**
 * A double quote inside the customer's words ("شاشة 14\" مكسورة", an inch mark) is written as the
 * double prime it stands for: the summary's own quotes then pair up, and the inbox keeps each
 * quote's direction (an odd count left the Arabic sentence and its order id out of order).
 */
const INCH = '\u2033';

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * An extractive summary for the agent: who, why, what they said first and last, the facts and
 * what the bot already tried. Quotes stay in the customer's words and language.
 */
export function summariseOffline(input: SummariseInput): string {
  const said = input.transcript.filter((line) => line.from === 'customer' && line.text.trim() !== '');
  const substantive = said.find((line) => line.text.trim().split(/\s+/).length >= 3) ?? said[0];
  const last = said.at(-1);
  const quotes = [substantive, last]
    .filter((line, i, all): line is NonNullable<typeof line> => line !== undefined && all.indexOf(line) === i)
    .map((line) => `"${clip(line.text, 150).replaceAll('"', INCH)}"`);
  const orders = input.facts.orders ?? input.facts.orderIds;
  const name = input.customerName ?? 'The customer';
  // an agent chose to step in: the customer asked for nothing
  const takenOver = input.reasons.length > 0 && input.reasons.every((r) => r.code === 'agent_initiated');
  const parts = [
    takenOver
      ? `${input.reasons[0]?.evidence ?? 'An agent took the conversation over'} (${name}).`
      : `${name} needs a person (${input.reasons.map(describeReason).join(', ')}).`,
    quotes.length > 0 ? `Said: ${quotes.join(' … ')}.` : '',
    orders.length > 0 ? `Orders: ${orders.join(', ')}.` : '',
    input.facts.amounts.length > 0 ? `Amounts: ${input.facts.amounts.join(', ')}.` : '',
    input.botAttempts.length > 0
      ? `Bot tried: ${attemptsSaid(input.botAttempts)}.`
      : 'Bot tried nothing yet.',
  ];
  return clip(parts.filter(Boolean).join(' '), SUMMARY_MAX);
}
