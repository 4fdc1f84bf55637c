import { attemptsSaid } from '../../handoff/attempts.js';
import { describeReason } from '../../policy/reasons.js';
import { SUMMARY_MAX } from '../offline/summarise.js';
import type { SummariseInput } from '../port.js';
import { attempt, callModel, type ModelContext, messageOf, requestFor, retryBudget } from './call.js';
import { LlmFault } from './faults.js';
import { clip, transcriptBlock } from './render.js';

const TRANSCRIPT_LINES = 20;

const list = (values: readonly string[]) => (values.length > 0 ? values.join('; ') : 'none');

function userMessage(input: SummariseInput): string {
  return [
    `Customer: ${input.customerName ?? 'unknown name'}`,
    `Escalation reasons: ${list(input.reasons.map((r) => `${r.code} (${r.evidence})`))}`,
    `Orders: ${list(input.facts.orders ?? input.facts.orderIds)}`,
    `Amounts: ${list(input.facts.amounts)}`,
    `Bot already tried: ${list(input.botAttempts)}`,
    '',
    `<transcript>\n${transcriptBlock(input.transcript.slice(-TRANSCRIPT_LINES))}\n</transcript>`,
  ].join('\n');
}

/**
 * Makes a summary fit the packet: at most 600 characters, and never without the order numbers and
 * amounts an agent needs (appended when the text left them out, at the expense of the prose).
 * `context` adds the reasons and the bot's attempts, for a note written before they were known.
 */
export function finishSummary(
  text: string,
  input: SummariseInput,
  options: { context?: boolean } = {},
): string {
  const body = clip(text, SUMMARY_MAX);
  const tail: string[] = [];
  if (options.context) {
    tail.push(`Escalated for: ${input.reasons.map(describeReason).join(', ') || 'unknown'}.`);
    if (input.botAttempts.length > 0) tail.push(`Bot tried: ${attemptsSaid(input.botAttempts)}.`);
  }
  const missingOrders = input.facts.orderIds.filter((id) => !body.includes(id));
  const missingAmounts = input.facts.amounts.filter((amount) => !body.includes(amount));
  if (missingOrders.length > 0) tail.push(`Orders: ${missingOrders.join(', ')}.`);
  if (missingAmounts.length > 0) tail.push(`Amounts: ${missingAmounts.join(', ')}.`);
  if (tail.length === 0) return body;
  const facts = clip(tail.join(' '), SUMMARY_MAX / 2);
  return `${clip(body, SUMMARY_MAX - facts.length - 1)} ${facts}`;
}

export type SummariseOutcome = { ok: true; summary: string } | { ok: false };

/** One plain-text call for the agent's note (retried once on a fault). */
export async function summariseWithModel(
  ctx: ModelContext,
  input: SummariseInput,
): Promise<SummariseOutcome> {
  const body = requestFor(ctx, 'summariser', [{ role: 'user', content: userMessage(input) }]);
  const result = await attempt(ctx, 'summariser', retryBudget(), async () => {
    const text = messageOf(await callModel(ctx, 'summariser', body)).content?.trim();
    if (!text) throw new LlmFault('malformed', 'the summary is empty');
    return finishSummary(text, input);
  });
  return result.ok ? { ok: true, summary: result.value } : { ok: false };
}
