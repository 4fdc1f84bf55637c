/**
 * The Microsoft Teams sink: an Adaptive Card posted to a Teams Workflows webhook ("Post to a
 * channel when a webhook request is received"). Workflows take Adaptive Cards only, wrapped in
 * a message envelope; the old connector MessageCard format is retired.
 *
 * Customer text goes in `RichTextBlock` text runs, which Teams renders without Markdown, so a
 * customer's `[text](https://…)` cannot become a disguised link. Our own labels use TextBlocks
 * and FactSets. As with Slack: no transcript and no phone number in a channel.
 */

import { languageLabels } from '../../llm/classification.js';
import type { Priority } from '../../policy/reasons.js';
import { attemptsSaid } from '../attempts.js';
import { describeOrders, type Packet } from '../packet.js';
import { clip, customerName, inboxUrl, priorityLabels, priorityMarks, reasonLabel } from './format.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

type TextRun = { type: 'TextRun'; text: string; weight?: 'Bolder'; italic?: boolean };
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      weight?: 'Bolder';
      size?: 'Medium';
      color?: 'Attention' | 'Warning' | 'Accent' | 'Default';
      isSubtle?: boolean;
      spacing?: 'Medium';
    }
  | { type: 'RichTextBlock'; inlines: TextRun[] }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  fallbackText: string;
  body: CardElement[];
  actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
  msteams: { width: 'Full' };
}

export interface TeamsMessage {
  type: 'message';
  attachments: { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; contentUrl: null; content: AdaptiveCard }[];
}

const headerColor: Record<Priority, 'Attention' | 'Warning' | 'Accent' | 'Default'> = {
  urgent: 'Attention',
  high: 'Warning',
  normal: 'Accent',
  low: 'Default',
};

/** Teams formats `{{DATE()}}` in the reader's locale; it wants RFC 3339 without milliseconds. */
function cardDate(iso: string): string {
  const at = new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${at}, SHORT)}} {{TIME(${at})}}`;
}

const run = (text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({
  type: 'TextRun',
  text,
  ...style,
});

const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  weight: 'Bolder',
  spacing: 'Medium',
});

function factRuns(packet: Packet): CardElement[] {
  const { facts } = packet;
  const lines: [string, string][] = [];
  const orders = describeOrders(facts);
  if (orders.length > 0) lines.push(['Orders: ', orders.join('; ')]);
  if (facts.amounts.length > 0) lines.push(['Amounts: ', facts.amounts.join(', ')]);
  if (packet.botAttempts.length > 0) lines.push(['Bot tried: ', attemptsSaid(packet.botAttempts)]);
  return lines.map(([label, value]) => ({
    type: 'RichTextBlock',
    inlines: [run(label, { weight: 'Bolder' }), run(clip(value, 1_000))],
  }));
}

/** The Adaptive Card for a handoff. */
export function teamsCard(packet: Packet, options: { publicBaseUrl?: string } = {}): AdaptiveCard {
  const priority = priorityLabels[packet.priority];
  const name = clip(customerName(packet), 200);
  const link = inboxUrl(packet, options.publicBaseUrl);
  const afterHours = packet.afterHours ? ' · after hours' : '';
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${priorityMarks[packet.priority]} ${priority} priority · ${packet.queue} queue${afterHours}`,
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
      color: headerColor[packet.priority],
    },
    {
      type: 'RichTextBlock',
      inlines: [
        run('Customer: ', { weight: 'Bolder' }),
        run(name),
        ...(packet.customer.tier === 'vip' ? [run(' · VIP', { weight: 'Bolder' })] : []),
      ],
    },
    {
      type: 'FactSet',
      facts: [
        { title: 'Priority', value: priority },
        { title: 'Queue', value: packet.queue },
        { title: 'Language', value: languageLabels[packet.customer.language] },
        { title: 'Frustration', value: packet.frustration.toFixed(2) },
      ],
    },
    { type: 'TextBlock', text: `Answer by ${cardDate(packet.slaDueAt)}`, wrap: true, isSubtle: true },
    heading('Why'),
    ...packet.reasons.map(
      (reason): CardElement => ({
        type: 'RichTextBlock',
        inlines: [
          run(`• ${reasonLabel(reason)}`),
          ...(reason.evidence.trim()
            ? [run(` — “${clip(reason.evidence.trim(), 200)}”`, { italic: true })]
            : []),
        ],
      }),
    ),
    heading('Summary'),
    { type: 'RichTextBlock', inlines: [run(packet.summary)] },
    ...factRuns(packet),
  ];
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    fallbackText: `${priority} handoff in ${packet.queue}: ${name}`,
    body,
    actions: link ? [{ type: 'Action.OpenUrl', title: 'Open in inbox', url: link }] : [],
    msteams: { width: 'Full' },
  };
}

/** The Workflows webhook body: the card inside a message envelope. */
export function teamsMessage(packet: Packet, options: { publicBaseUrl?: string } = {}): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      { contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: teamsCard(packet, options) },
    ],
  };
}
