/**
 * The Slack sink: one incoming-webhook message per handoff, in Block Kit with a plain `text`
 * fallback for notifications. No transcript and no phone number: a channel is wider than the
 * inbox, and the button leads there.
 */

import { languageLabels } from '../../llm/classification.js';
import { attemptsSaid } from '../attempts.js';
import { describeOrders, type Packet } from '../packet.js';
import { clip, customerName, inboxUrl, priorityLabels, priorityMarks, reasonLines } from './format.js';

export interface SlackOptions {
  publicBaseUrl?: string;
}

type Text = { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
export type SlackBlock =
  | { type: 'header'; text: Text }
  | { type: 'section'; text?: Text; fields?: Text[] }
  | { type: 'context'; elements: Text[] }
  | { type: 'actions'; elements: { type: 'button'; text: Text; url: string; style?: 'primary' }[] };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/**
 * Slack reads `&`, `<` and `>` as control characters: `<!channel>` pings everyone and
 * `<https://x|y>` hides a link. Customer text gets them escaped, as Slack's docs ask.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Slack shows the date in each reader's own time zone; the fallback is for old clients. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${iso}>`;
}

// Block Kit limits: header 150 characters, section text 3,000, a field 2,000.
const HEADER_MAX = 150;
const SECTION_MAX = 3_000;
const FIELD_MAX = 2_000;

function mrkdwn(text: string, max = SECTION_MAX): Text {
  return { type: 'mrkdwn', text: clip(text, max) };
}

function factFields(packet: Packet): Text[] {
  const { facts } = packet;
  const fields: [string, string][] = [];
  const orders = describeOrders(facts);
  if (orders.length > 0) fields.push(['Orders', orders.join('\n')]);
  if (facts.amounts.length > 0) fields.push(['Amounts', facts.amounts.join(', ')]);
  if (facts.media.length > 0) fields.push(['Media', `${facts.media.length} attachment(s)`]);
  fields.push(['Intent', packet.intent]);
  fields.push(['Frustration', packet.frustration.toFixed(2)]);
  if (packet.botAttempts.length > 0) fields.push(['Bot tried', attemptsSaid(packet.botAttempts)]);
  return fields.map(([label, value]) => mrkdwn(`*${label}*\n${escapeMrkdwn(value)}`, FIELD_MAX));
}

/** The incoming-webhook body for a handoff. */
export function slackMessage(packet: Packet, options: SlackOptions = {}): SlackMessage {
  const name = escapeMrkdwn(customerName(packet));
  const priority = priorityLabels[packet.priority];
  const afterHours = packet.afterHours ? ' · after hours' : '';
  const vip = packet.customer.tier === 'vip' ? ' · *VIP*' : '';
  const language = languageLabels[packet.customer.language];
  const reasons = reasonLines(packet, escapeMrkdwn).map((line) => `• ${line}`);
  const link = inboxUrl(packet, options.publicBaseUrl);

  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: clip(
          `${priorityMarks[packet.priority]} ${priority} · ${packet.queue} queue${afterHours}`,
          HEADER_MAX,
        ),
        emoji: true,
      },
    },
    {
      type: 'section',
      text: mrkdwn(`*Customer:* ${name}${vip} · ${language}\n*Why:*\n${reasons.join('\n')}`),
    },
    { type: 'section', text: mrkdwn(`*Summary*\n${escapeMrkdwn(packet.summary)}`) },
    { type: 'section', fields: factFields(packet).slice(0, 10) },
    {
      type: 'context',
      elements: [
        mrkdwn(
          `Handoff \`${escapeMrkdwn(packet.id)}\` · created ${slackDate(packet.createdAt)} · ` +
            `answer by ${slackDate(packet.slaDueAt)}`,
        ),
      ],
    },
  ];
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open in inbox' },
          url: link,
          style: 'primary',
        },
      ],
    });
  }
  // Our own URL in Slack's link syntax, so the notification preview stays short.
  const where = link ? ` — <${link}|open in inbox>` : '';
  return {
    text: `${priority} handoff in ${packet.queue}: ${name}${where}`,
    blocks,
  };
}
