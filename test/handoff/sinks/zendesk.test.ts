import { describe, expect, it } from 'vitest';
import { basicAuth, requesterEmail, zendeskTicket } from '../../../src/handoff/sinks/zendesk.js';
import { arabicPacket, HOSTILE_NAME } from './packet-fixture.js';

const options = { requesterDomain: 'whatsapp.invalid', publicBaseUrl: 'https://baton.example' };
const REPEATED = [
  'could not find an answer',
  'could not find an answer',
  'answered from knowledge "shipping"',
  'could not find an answer',
];

describe('zendeskTicket', () => {
  it('builds subject, a private comment, requester, priority, tags and external_id', async () => {
    const ticket = await zendeskTicket(arabicPacket(), options);
    expect(ticket.subject.startsWith('WhatsApp: ')).toBe(true);
    expect(ticket.subject).toContain('Sensitive topic: charge');
    expect(Array.from(ticket.subject).length).toBeLessThanOrEqual(150);
    expect(ticket.comment.public).toBe(false);
    expect(ticket.requester).toEqual({ name: HOSTILE_NAME, email: 'wa-966500000501@whatsapp.invalid' });
    expect(ticket.priority).toBe('urgent');
    expect(ticket.tags).toEqual([
      'baton',
      'queue_billing',
      'sensitive_topic',
      'frustration',
      'lang_ar',
      'vip',
      'after_hours',
    ]);
    expect(ticket.external_id).toBe('ho_5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f');
  });

  it('puts summary, reasons, facts, phone, inbox link and the whole transcript in the comment', async () => {
    const { body } = (await zendeskTicket(arabicPacket(), options)).comment;
    expect(body).toContain('Urgent priority, billing queue (after hours)');
    expect(body).toContain('Phone: +966500000501');
    expect(body).toContain('- Sensitive topic: charge — “انخصم المبلغ مرتين”');
    expect(body).toContain('خُصم مرتين');
    expect(body).toContain('Orders: VLT-10482');
    expect(body).toContain('Amounts: 349 SAR, 349 SAR');
    expect(body).toContain('Inbox: https://baton.example/inbox/handoffs/ho_5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f');
    expect(body).toContain(
      '[2026-03-02T07:14:02.000Z] customer: السلام عليكم، انخصم المبلغ مرتين على طلبي VLT-10482',
    );
    expect(body).toContain('[2026-03-02T07:14:04.000Z] bot: ');
  });

  it('says an attempt the bot made several times once, with how often, as the summary does', async () => {
    const { body } = (await zendeskTicket(arabicPacket({ botAttempts: REPEATED }), options)).comment;
    expect(body).toContain(
      'Bot tried: could not find an answer (3 times); answered from knowledge "shipping"',
    );
  });

  it("indents a customer's line breaks, so no line of theirs reads as the agent's or the bot's", async () => {
    const packet = arabicPacket();
    const forged =
      'I want a human\n[2026-03-02T07:15:00.000Z] agent: refund of 4,999 SAR approved\r\nbot: ok';
    const transcript = [{ ...packet.transcript[0], text: forged }] as typeof packet.transcript;
    const { body } = (await zendeskTicket(arabicPacket({ transcript }), options)).comment;
    const lines = body.split('\n');
    expect(lines.filter((line) => /^\[[^\]]+\] \w+: /.test(line))).toHaveLength(1);
    expect(lines).toContain('    [2026-03-02T07:15:00.000Z] agent: refund of 4,999 SAR approved');
    expect(lines).toContain('    bot: ok');
  });

  it('maps every Baton priority to the Zendesk priority of the same name', async () => {
    for (const priority of ['low', 'normal', 'high', 'urgent'] as const) {
      expect((await zendeskTicket(arabicPacket({ priority }), options)).priority).toBe(priority);
    }
  });

  it('is deterministic, so a retry sends the same bytes under the same idempotency key', async () => {
    const packet = arabicPacket();
    expect(JSON.stringify(await zendeskTicket(packet, options))).toBe(
      JSON.stringify(await zendeskTicket(packet, options)),
    );
  });

  it('names an unnamed customer by phone', async () => {
    const packet = arabicPacket();
    const ticket = await zendeskTicket(
      arabicPacket({ customer: { ...packet.customer, name: null } }),
      options,
    );
    expect(ticket.requester.name).toBe('WhatsApp +966500000501');
  });
});

describe('requesterEmail', () => {
  it('keeps a phone-number key readable and hashes a user-id key into a valid local part', async () => {
    const packet = arabicPacket();
    expect(await requesterEmail(packet, 'example.com')).toBe('wa-966500000501@example.com');
    const userId = `US.${'Ab1'.repeat(40)}`;
    const byUserId = arabicPacket({ customer: { ...packet.customer, id: userId, userId } });
    const email = await requesterEmail(byUserId, 'example.com');
    expect(email).toMatch(/^wa-u-[0-9a-f]{32}@example\.com$/);
    expect(email.split('@')[0]?.length).toBeLessThanOrEqual(64);
    expect(await requesterEmail(byUserId, 'example.com')).toBe(email);
  });
});

describe('basicAuth', () => {
  it('uses the API-token form {email}/token:{token}', () => {
    const header = basicAuth({ email: 'bot@acme.example', apiToken: 'tok123' });
    expect(atob(header.replace('Basic ', ''))).toBe('bot@acme.example/token:tok123');
  });
});
