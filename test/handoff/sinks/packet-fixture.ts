import { PACKET_VERSION, type Packet, packetSchema } from '../../../src/handoff/packet.js';

/** A customer name that tries every trick: Slack pings and links, HTML, Markdown links, `&`. */
export const HOSTILE_NAME =
  '<!channel> *Sara* & <script>alert(1)</script> [click](https://evil.example) <https://evil.example|bank>';

/** A realistic Arabic handoff (a double charge, an upset VIP) that passes the packet schema. */
export function arabicPacket(overrides: Partial<Packet> = {}): Packet {
  return packetSchema.parse({
    id: 'ho_5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f',
    version: PACKET_VERSION,
    conversationId: 'cv_0123456789abcdef01234567',
    createdAt: '2026-03-02T07:15:30.000Z',
    customer: {
      id: '966500000501',
      waId: '966500000501',
      name: HOSTILE_NAME,
      tier: 'vip',
      language: 'ar',
    },
    reasons: [
      { code: 'sensitive_topic', evidence: 'انخصم المبلغ مرتين', topics: ['charge'] },
      { code: 'frustration', evidence: 'خدمة سيئة!!! <@U024BE7LH> & more' },
    ],
    intent: 'complaint',
    frustration: 0.82,
    queue: 'billing',
    priority: 'urgent',
    afterHours: true,
    slaDueAt: '2026-03-02T09:30:00.000Z',
    summary:
      'العميلة تقول إن طلبها VLT-10482 خُصم مرتين (2 × 349 ريال) وتطلب استرداد المبلغ فوراً. <b>bold</b> & *stars*',
    facts: { orderIds: ['VLT-10482'], amounts: ['349 SAR', '349 SAR'], media: [] },
    botAttempts: ['order_status: VLT-10482 shipped', 'knowledge: refunds policy'],
    transcript: [
      {
        from: 'customer',
        text: 'السلام عليكم، انخصم المبلغ مرتين على طلبي VLT-10482',
        at: '2026-03-02T07:14:02.000Z',
      },
      { from: 'bot', text: 'طلبك VLT-10482 تم شحنه وسيصل خلال يومين.', at: '2026-03-02T07:14:04.000Z' },
      { from: 'customer', text: 'خدمة سيئة!!! أبي أكلم موظف الحين', at: '2026-03-02T07:15:20.000Z' },
    ],
    links: { inbox: '/inbox/handoffs/ho_5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f' },
    ...overrides,
  });
}
