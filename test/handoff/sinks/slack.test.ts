import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, type SlackBlock, slackMessage } from '../../../src/handoff/sinks/slack.js';
import { arabicPacket } from './packet-fixture.js';

const BASE = 'https://baton.example';
const REPEATED = [
  'could not find an answer',
  'could not find an answer',
  'answered from knowledge "shipping"',
  'could not find an answer',
];

/** Every mrkdwn string Slack would parse, the fallback `text` included. */
function mrkdwnTexts(message: { text: string; blocks: SlackBlock[] }): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.type === 'section') {
      if (block.text?.type === 'mrkdwn') texts.push(block.text.text);
      for (const field of block.fields ?? []) texts.push(field.text);
    }
    if (block.type === 'context') texts.push(...block.elements.map((e) => e.text));
  }
  return texts;
}

describe('slackMessage', () => {
  it('leads with priority and queue, then customer, reasons with evidence, summary and facts', () => {
    const message = slackMessage(arabicPacket(), { publicBaseUrl: BASE });
    const [header, customer, summary, facts] = message.blocks;
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '🔴 Urgent · billing queue · after hours', emoji: true },
    });
    expect(customer?.type === 'section' && customer.text?.text).toContain('*VIP*');
    expect(customer?.type === 'section' && customer.text?.text).toContain(
      'Sensitive topic: charge — “انخصم المبلغ مرتين”',
    );
    expect(summary?.type === 'section' && summary.text?.text).toContain('خُصم مرتين');
    const fieldTexts = facts?.type === 'section' ? (facts.fields ?? []).map((f) => f.text) : [];
    expect(fieldTexts).toContain('*Orders*\nVLT-10482');
    expect(fieldTexts).toContain('*Amounts*\n349 SAR, 349 SAR');
    expect(message.text).toContain('Urgent handoff in billing');
  });

  it('says an attempt the bot made several times once, with how often, as the summary does', () => {
    const message = slackMessage(arabicPacket({ botAttempts: REPEATED }), { publicBaseUrl: BASE });
    expect(mrkdwnTexts(message)).toContain(
      '*Bot tried*\n' + 'could not find an answer (3 times); answered from knowledge "shipping"',
    );
  });

  it('links to the inbox with an absolute URL built from the public base URL', () => {
    const message = slackMessage(arabicPacket(), { publicBaseUrl: `${BASE}/baton/` });
    const actions = message.blocks.find((b) => b.type === 'actions');
    expect(actions).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open in inbox' },
          url: 'https://baton.example/baton/inbox/handoffs/ho_5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f',
          style: 'primary',
        },
      ],
    });
  });

  it('keeps an inbox link that is already absolute, and shows no button rather than a relative one', () => {
    const absolute = arabicPacket({ links: { inbox: 'https://inbox.example/inbox/handoffs/h1' } });
    const withLink = slackMessage(absolute).blocks.find((b) => b.type === 'actions');
    expect(withLink?.type === 'actions' && withLink.elements[0]?.url).toBe(
      'https://inbox.example/inbox/handoffs/h1',
    );
    expect(slackMessage(arabicPacket()).blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('escapes &, < and > in customer text so nobody can ping the channel or hide a link', () => {
    const message = slackMessage(arabicPacket(), { publicBaseUrl: BASE });
    for (const text of mrkdwnTexts(message)) {
      // The only control sequences left are ours: Slack dates and the inbox link.
      expect(text).not.toMatch(/<(?!!date\^|https:\/\/baton\.example\/)/);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain('&lt;!channel&gt; *Sara* &amp; &lt;script&gt;');
    expect(all).toContain('&lt;@U024BE7LH&gt; &amp; more');
    expect(all).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('leaves out the phone number and the transcript, which belong in the inbox', () => {
    const json = JSON.stringify(slackMessage(arabicPacket(), { publicBaseUrl: BASE }));
    expect(json).not.toContain('966500000501');
    expect(json).not.toContain('السلام عليكم');
  });

  it('stays inside Block Kit limits with very long customer text', () => {
    const long = 'ج'.repeat(5_000);
    const message = slackMessage(
      arabicPacket({
        reasons: [{ code: 'complex_query', evidence: long }],
        customer: { ...arabicPacket().customer, name: long },
      }),
    );
    for (const block of message.blocks) {
      if (block.type === 'header') expect(Array.from(block.text.text).length).toBeLessThanOrEqual(150);
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3_000);
      if (block.type === 'section') expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
    }
  });

  it('escapes exactly the three characters Slack asks for', () => {
    expect(escapeMrkdwn('a & b < c > d *e* _f_')).toBe('a &amp; b &lt; c &gt; d *e* _f_');
  });
});
