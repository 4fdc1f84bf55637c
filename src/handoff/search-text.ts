import { normalizeForMatching } from '../nlu/normalize.js';
import { withoutBidiControls } from '../util/bidi.js';
import type { Packet } from './packet.js';

/**
 * Text folded the way the inbox's search compares it: any case in any script (É is é, which
 * SQLite's `lower` does not know), one spelling of alef, ta marbuta and ya, no diacritics or
 * tatweel, ASCII digits.
 */
export function searchable(text: string): string {
  return normalizeForMatching(withoutBidiControls(text));
}

/** At most this much is searched: the customer's first words say the matter. */
const MAX_CHARS = 4000;
const MAX_NAME_CHARS = 200;

/**
 * What an agent may type to find a handoff: the customer's name and number, the order numbers in
 * it, the id the inbox shows (its last six characters; the rest is a timestamp every handoff of
 * the day shares) and what the customer wrote before the handoff. Not the summary: its fixed
 * wording ("needs a person", "Said") is in every handoff.
 */
export function handoffSearchText(packet: Packet): string {
  const orderIds = [...packet.facts.orderIds, ...(packet.facts.orders ?? []).map((order) => order.id)];
  const customerWords = packet.transcript.filter((line) => line.from === 'customer').map((line) => line.text);
  const fields = [
    // a name is a few words: one of thousands of characters must not push the rest out
    (packet.customer.name ?? '').slice(0, MAX_NAME_CHARS),
    packet.customer.waId ?? '',
    packet.customer.userId ?? '',
    packet.id.slice(-6),
    ...new Set(orderIds),
    ...customerWords,
  ];
  return searchable(fields.join('\n')).slice(0, MAX_CHARS);
}
