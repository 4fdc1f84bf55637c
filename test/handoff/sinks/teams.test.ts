import { describe, expect, it } from 'vitest';
import { type CardElement, teamsMessage } from '../../../src/handoff/sinks/teams.js';
import { arabicPacket, HOSTILE_NAME } from './packet-fixture.js';

const BASE = 'https://baton.example';
const REPEATED = [
  'could not find an answer',
  'could not find an answer',
  'answered from knowledge "shipping"',
  'could not find an answer',
];

function card(options: { publicBaseUrl?: string } = { publicBaseUrl: BASE }) {
  const message = teamsMessage(arabicPacket(), options);
  const content = message.attachments[0]?.content;
  if (!content) throw new Error('no card');
  return { message, content };
}

/** Text Teams would run through its Markdown renderer. */
function markdownTexts(body: CardElement[]): string[] {
  return body.flatMap((element) => {
    if (element.type === 'TextBlock') return [element.text];
    if (element.type === 'FactSet') return element.facts.flatMap((fact) => [fact.title, fact.value]);
    return [];
  });
}

describe('teamsMessage', () => {
  it('wraps an Adaptive Card 1.4 in the Workflows message envelope', () => {
    const { message, content } = card();
    expect(message.type).toBe('message');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(message.attachments[0]?.contentUrl).toBeNull();
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', msteams: { width: 'Full' } });
    expect(content.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
  });

  it('shows customer, reasons, priority, queue, summary and a link to the inbox', () => {
    const { content } = card();
    const json = JSON.stringify(content);
    expect(content.body[0]).toMatchObject({
      type: 'TextBlock',
      text: '🔴 Urgent priority · billing queue · after hours',
      color: 'Attention',
    });
    expect(json).toContain(JSON.stringify(HOSTILE_NAME).slice(1, -1));
    expect(json).toContain('Sensitive topic: charge');
    expect(json).toContain('انخصم المبلغ مرتين');
    expect(json).toContain('خُصم مرتين');
    expect(content.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Priority', value: 'Urgent' },
        { title: 'Queue', value: 'billing' },
        { title: 'Language', value: 'Arabic' },
        { title: 'Frustration', value: '0.82' },
      ],
    });
    expect(content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open in inbox',
        url: 'https://baton.example/inbox/handoffs/ho_5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f',
      },
    ]);
  });

  it('says an attempt the bot made several times once, with how often, as the summary does', () => {
    const content = teamsMessage(arabicPacket({ botAttempts: REPEATED }), { publicBaseUrl: BASE })
      .attachments[0]?.content;
    expect(JSON.stringify(content)).toContain(
      JSON.stringify('could not find an answer (3 times); answered from knowledge "shipping"').slice(1, -1),
    );
  });

  it('formats the SLA with Teams date functions in RFC 3339 without milliseconds', () => {
    const texts = markdownTexts(card().content.body);
    expect(texts).toContain('Answer by {{DATE(2026-03-02T09:30:00Z, SHORT)}} {{TIME(2026-03-02T09:30:00Z)}}');
  });

  it('keeps customer text out of Markdown, so a [text](url) cannot become a link', () => {
    for (const text of markdownTexts(card().content.body)) {
      expect(text).not.toContain('evil.example');
      expect(text).not.toContain('Sara');
      expect(text).not.toContain('خُصم');
    }
  });

  it('has no action without an absolute inbox URL, and no phone or transcript', () => {
    const { content } = card({});
    expect(content.actions).toEqual([]);
    const json = JSON.stringify(content);
    expect(json).not.toContain('966500000501');
    expect(json).not.toContain('السلام عليكم');
  });
});
