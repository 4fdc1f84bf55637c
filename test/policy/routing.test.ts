import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/errors.js';
import type { Classification } from '../../src/llm/classification.js';
import {
  describeHours,
  formatLocal,
  nextDay,
  parseBusinessHours,
  parseClosedDates,
  startOfLocalDay,
} from '../../src/policy/business-hours.js';
import { routeHandoff } from '../../src/policy/decide.js';
import type { PolicyConfig } from '../../src/policy/policy-config.js';
import type { Reason } from '../../src/policy/reasons.js';
import { failedAttemptsTrigger, messageTriggers } from '../../src/policy/triggers.js';

const config: PolicyConfig = {
  frustrationThreshold: 0.7,
  failedAttemptsThreshold: 3,
  businessHours: parseBusinessHours('sun-thu 09:00-18:00', 'Asia/Riyadh'),
  slaMinutes: 30,
};

function classification(overrides: Partial<Classification> = {}): Classification {
  return {
    language: 'en',
    intent: 'unknown',
    frustration: 0,
    frustrationEvidence: [],
    humanRequest: { requested: false },
    sensitiveTopics: [],
    area: 'general',
    entities: { orderIds: [], amounts: [] },
    needsPerson: { needed: false },
    ...overrides,
  };
}

const tuesdayMorning = Date.parse('2026-11-24T11:00:00+03:00');

describe('message triggers', () => {
  it.each([
    [
      'human_requested',
      { humanRequest: { requested: true, evidence: 'talk to a human' } },
      'talk to a human',
    ],
    [
      'frustration',
      { frustration: 0.85, frustrationEvidence: ['ridiculous', '!!!'] },
      'score 0.85 ≥ 0.7: ridiculous, !!!',
    ],
    [
      'sensitive_topic',
      { sensitiveTopics: [{ topic: 'refund' as const, evidence: 'I want a refund' }] },
      'refund: "I want a refund"',
    ],
    ['complex_query', { needsPerson: { needed: true, evidence: 'arrived cracked' } }, 'arrived cracked'],
  ])('%s fires with its evidence', (code, overrides, evidence) => {
    const [reason] = messageTriggers(classification(overrides), config);
    expect(reason).toMatchObject({ code, evidence });
  });

  it('names the sensitive topics, once each', () => {
    const sensitiveTopics = [
      { topic: 'refund' as const, evidence: 'refund' },
      { topic: 'fraud' as const, evidence: 'scam' },
      { topic: 'refund' as const, evidence: 'money back' },
    ];
    expect(messageTriggers(classification({ sensitiveTopics }), config)[0]?.topics).toEqual([
      'refund',
      'fraud',
    ]);
  });

  it('does not fire below the frustration threshold', () => {
    expect(messageTriggers(classification({ frustration: 0.69 }), config)).toEqual([]);
  });

  it('fires failed_attempts on the third consecutive failure only', () => {
    expect(failedAttemptsTrigger(2, config)).toBeUndefined();
    expect(failedAttemptsTrigger(3, config)).toEqual({
      code: 'failed_attempts',
      evidence: '3 consecutive turns the bot could not handle',
    });
  });
});

describe('routing and priority', () => {
  const sensitive = (
    topic: 'refund' | 'fraud' | 'legal' | 'safety' | 'cancellation',
    area: Classification['area'],
  ) => classification({ sensitiveTopics: [{ topic, evidence: topic }], area });
  const reason = (code: Reason['code']): Reason[] => [{ code, evidence: 'x' }];

  it.each([
    [
      'a human request about nothing in particular',
      reason('human_requested'),
      classification(),
      'standard',
      'general',
      'normal',
    ],
    ['a refund', reason('sensitive_topic'), sensitive('refund', 'orders'), 'standard', 'billing', 'high'],
    [
      'an order cancellation',
      reason('sensitive_topic'),
      sensitive('cancellation', 'orders'),
      'standard',
      'orders',
      'high',
    ],
    ['fraud', reason('sensitive_topic'), sensitive('fraud', 'billing'), 'standard', 'billing', 'urgent'],
    [
      'a legal threat',
      reason('sensitive_topic'),
      sensitive('legal', 'general'),
      'standard',
      'general',
      'urgent',
    ],
    [
      'a frustrated customer about delivery',
      reason('frustration'),
      classification({ area: 'orders' }),
      'standard',
      'orders',
      'high',
    ],
    [
      'a technical problem',
      reason('complex_query'),
      classification({ area: 'technical' }),
      'standard',
      'technical',
      'normal',
    ],
    ['a VIP asking for a person', reason('human_requested'), classification(), 'vip', 'vip', 'high'],
    ['a VIP refund', reason('sensitive_topic'), sensitive('refund', 'billing'), 'vip', 'vip', 'urgent'],
    [
      'a VIP safety issue stays urgent',
      reason('sensitive_topic'),
      sensitive('safety', 'general'),
      'vip',
      'vip',
      'urgent',
    ],
  ] as const)('%s', (_name, reasons, c, tier, queue, priority) => {
    const routing = routeHandoff(
      { reasons: [...reasons], classification: c, tier, now: tuesdayMorning },
      config,
    );
    expect(routing).toMatchObject({ queue, priority, afterHours: false });
  });

  it('routes a bare "agent" by what the conversation was about before', () => {
    const routing = routeHandoff(
      {
        reasons: reason('human_requested'),
        classification: classification(),
        tier: 'standard',
        lastArea: 'orders',
        now: tuesdayMorning,
      },
      config,
    );
    expect(routing.queue).toBe('orders');
  });
});

describe('describeHours', () => {
  it.each([
    ['sun-thu 09:00-18:00', 'Sunday to Thursday, 09:00–18:00', 'من الأحد إلى الخميس، 09:00–18:00'],
    ['sat-wed 08:30-17:00', 'Saturday to Wednesday, 08:30–17:00', 'من السبت إلى الأربعاء، 08:30–17:00'],
    ['sun-sat 00:00-23:59', 'every day, 00:00–23:59', 'كل يوم، 00:00–23:59'],
    ['fri-fri 10:00-12:00', 'Friday, 10:00–12:00', 'الجمعة، 10:00–12:00'],
  ])('%s reads "%s" / "%s"', (spec, en, ar) => {
    const hours = parseBusinessHours(spec, 'Asia/Riyadh');
    expect(describeHours(hours, 'en')).toBe(en);
    expect(describeHours(hours, 'ar')).toBe(ar);
  });
});

describe('business hours', () => {
  const at = (iso: string) => routeHandoff({ reasons: [], tier: 'standard', now: Date.parse(iso) }, config);

  it('is open Sunday to Thursday 09:00–18:00 Riyadh time', () => {
    expect(at('2026-11-24T11:00:00+03:00').afterHours).toBe(false);
    expect(at('2026-11-22T09:00:00+03:00').afterHours).toBe(false); // Sunday opening
    expect(at('2026-11-24T18:00:00+03:00').afterHours).toBe(true);
    expect(at('2026-11-24T08:59:00+03:00').afterHours).toBe(true);
    expect(at('2026-11-27T11:00:00+03:00').afterHours).toBe(true); // Friday
  });

  it('counts the SLA from the next opening when the team is out', () => {
    const friday = at('2026-11-27T22:00:00+03:00');
    expect(new Date(friday.opensAt).toISOString()).toBe('2026-11-29T06:00:00.000Z'); // Sunday 09:00 Riyadh
    expect(new Date(friday.slaDueAt).toISOString()).toBe('2026-11-29T06:30:00.000Z');
    const evening = at('2026-11-24T20:00:00+03:00');
    expect(new Date(evening.opensAt).toISOString()).toBe('2026-11-25T06:00:00.000Z');
    const early = at('2026-11-24T07:00:00+03:00');
    expect(new Date(early.opensAt).toISOString()).toBe('2026-11-24T06:00:00.000Z');
  });

  it('knows zones with daylight saving', () => {
    const hours = parseBusinessHours('mon-fri 09:00-17:00', 'Europe/Berlin');
    const routing = routeHandoff(
      { reasons: [], tier: 'standard', now: Date.parse('2026-03-28T12:00:00+01:00') },
      { ...config, businessHours: hours },
    );
    // Saturday before the switch; Monday 09:00 is already summer time (UTC+2).
    expect(new Date(routing.opensAt).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('closed dates (holidays on working days)', () => {
  // Eid al-Fitr 1447: Thursday 19 to Tuesday 24 March 2026, and National Day, Wednesday 23 September
  const hours = parseBusinessHours(
    'sun-thu 09:00-18:00',
    'Asia/Riyadh',
    '2026-03-19..2026-03-24, 2026-09-23',
  );
  const holiday = { ...config, businessHours: hours };
  const at = (iso: string) => routeHandoff({ reasons: [], tier: 'standard', now: Date.parse(iso) }, holiday);

  it('reads dates and inclusive ranges', () => {
    expect([...parseClosedDates('2026-03-19..2026-03-21,2026-09-23')]).toEqual([
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-09-23',
    ]);
    expect(parseClosedDates(' ')).toEqual(new Set());
  });

  it.each([
    ['2026-02-30', /is not a date/],
    ['23/09/2026', /is not a date/],
    ['2026-03-24..2026-03-19', /ends before it starts/],
    ['2026-03-19..2027-03-19', /longer than 60 days/],
    ['2026-03-19..2026-03-20..2026-03-21', /cannot read/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseClosedDates(spec)).toThrow(message);
    expect(() => loadConfig({ BUSINESS_CLOSED_DATES: spec })).toThrow(ConfigError);
  });

  it('is closed on a working day that is a holiday, and opens on the first working day after', () => {
    expect(at('2026-03-22T11:00:00+03:00').afterHours).toBe(true); // Sunday, in the range
    expect(at('2026-09-23T11:00:00+03:00').afterHours).toBe(true); // Wednesday, National Day
    expect(at('2026-09-22T11:00:00+03:00').afterHours).toBe(false);
    const eve = at('2026-03-18T20:00:00+03:00'); // Wednesday evening before the holiday
    expect(new Date(eve.opensAt).toISOString()).toBe('2026-03-25T06:00:00.000Z'); // Wednesday 09:00
    const nationalDay = at('2026-09-22T19:00:00+03:00');
    expect(new Date(nationalDay.opensAt).toISOString()).toBe('2026-09-24T06:00:00.000Z');
  });

  it('names the date of an opening six days or more away, the weekday alone otherwise', () => {
    const from = Date.parse('2026-03-18T20:00:00+03:00');
    const opening = at('2026-03-18T20:00:00+03:00').opensAt;
    expect(formatLocal(opening, hours, 'en', from)).toBe('Wednesday 25 March at 09:00');
    expect(formatLocal(opening, hours, 'ar', from)).toMatch(/^الأربعاء، 25 مارس/);
    const tomorrow = at('2026-09-22T19:00:00+03:00').opensAt;
    expect(formatLocal(tomorrow, hours, 'en', Date.parse('2026-09-22T19:00:00+03:00'))).toBe(
      'Thursday 09:00',
    );
  });
});

describe('the business day a date names', () => {
  it('begins at local midnight, also on a day whose offset changes', () => {
    expect(new Date(startOfLocalDay('2026-12-04', 'Asia/Riyadh')).toISOString()).toBe(
      '2026-12-03T21:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-12-04', 'UTC')).toISOString()).toBe('2026-12-04T00:00:00.000Z');
    // London: summer time (UTC+1) ends at 02:00 on 25 October; the day began on summer time
    expect(new Date(startOfLocalDay('2026-10-25', 'Europe/London')).toISOString()).toBe(
      '2026-10-24T23:00:00.000Z',
    );
    // and starts at 01:00 on 29 March, after midnight, which was still UTC+0
    expect(new Date(startOfLocalDay('2026-03-29', 'Europe/London')).toISOString()).toBe(
      '2026-03-29T00:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-03-30', 'Europe/London')).toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    );
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
