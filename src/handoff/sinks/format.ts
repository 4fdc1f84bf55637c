/**
 * Wording shared by the human-readable sinks (Slack, Teams, Zendesk). These are messages for
 * support staff, not customers, so they stay in English beside the code.
 */
import type { Priority, Reason, ReasonCode } from '../../policy/reasons.js';
import type { Packet } from '../packet.js';

export const reasonLabels: Record<ReasonCode, string> = {
  human_requested: 'Asked for a person',
  failed_attempts: 'Bot could not help',
  frustration: 'Frustrated',
  sensitive_topic: 'Sensitive topic',
  complex_query: "Needs a person's decision",
  agent_initiated: 'Started by an agent',
};

/** A reason's label; a sensitive topic says which: "Sensitive topic: fraud". */
export function reasonLabel(reason: Reason): string {
  const label = reasonLabels[reason.code];
  return reason.topics?.length ? `${label}: ${reason.topics.join(', ')}` : label;
}

export const priorityLabels: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/** A glance at a channel should show what to pick up first. */
export const priorityMarks: Record<Priority, string> = {
  low: '⚪',
  normal: '🔵',
  high: '🟠',
  urgent: '🔴',
};

export function customerName(packet: Packet): string {
  return packet.customer.name?.trim() || 'Unnamed customer';
}

/** Cuts long customer text so one message cannot blow a platform's size limit. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The inbox link as an absolute http(s) URL, or undefined. The packet may hold a relative
 * path (no public base URL when it was built); a relative or odd-scheme URL in a Slack button
 * or a Teams action makes the whole message invalid, so no link is better than a broken one.
 */
export function inboxUrl(packet: Packet, publicBaseUrl: string | undefined): string | undefined {
  const link = packet.links.inbox;
  // Joined as text, not resolved, so a base URL with a path (`https://acme.example/baton`) keeps it.
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(link)
    ? link
    : publicBaseUrl && `${publicBaseUrl.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
  if (!absolute) return undefined;
  try {
    const url = new URL(absolute);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reasons as "Label — evidence" lines, evidence clipped. */
export function reasonLines(packet: Packet, escapeText: (text: string) => string = (t) => t): string[] {
  return packet.reasons.map((reason) => {
    const evidence = reason.evidence.trim();
    const label = reasonLabel(reason);
    return evidence ? `${label} — “${escapeText(clip(evidence, 200))}”` : label;
  });
}
