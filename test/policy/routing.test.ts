import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/errors.js';
import type { Classification } from '../../src/llm/classification.js';
import {
  describeHours,
  formatLocal,
  isWithinBusinessHours,
  nextDay,
  nextOpening,
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
    [
      'sun-thu 09:00-13:00 16:00-22:00, sat 10:00-14:00',
      'Sunday to Thursday, 09:00–13:00 and 16:00–22:00; Saturday, 10:00–14:00',
      'من الأحد إلى الخميس، 09:00–13:00 و16:00–22:00؛ السبت، 10:00–14:00',
    ],
    [
      'sat 10:00-14:00, sun-thu 09:00-18:00',
      'Saturday, 10:00–14:00; Sunday to Thursday, 09:00–18:00',
      'السبت، 10:00–14:00؛ من الأحد إلى الخميس، 09:00–18:00',
    ],
    ['thu-fri 16:00-02:00', 'Thursday to Friday, 16:00–02:00', 'من الخميس إلى الجمعة، 16:00–02:00'],
    [
      'sun-sat 08:00-12:00 13:00-17:00 18:00-24:00',
      'every day, 08:00–12:00, 13:00–17:00 and 18:00–24:00',
      'كل يوم، 08:00–12:00 و13:00–17:00 و18:00–24:00',
    ],
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

describe('several day groups, split shifts and hours past midnight', () => {
  const riyadh = (spec: string, closedDates = '') => parseBusinessHours(spec, 'Asia/Riyadh', closedDates);
  const open = (hours: ReturnType<typeof riyadh>, iso: string) =>
    isWithinBusinessHours(Date.parse(iso), hours);
  const opens = (hours: ReturnType<typeof riyadh>, iso: string) =>
    new Date(nextOpening(Date.parse(iso), hours)).toISOString();
  // 22 November 2026 is a Sunday; Riyadh is UTC+3 all year
  const splitShifts = 'sun-thu 09:00-13:00 16:00-22:00, sat 10:00-14:00';

  it('reads each group into sessions on the days it opens, a close before the open the next morning', () => {
    const split = riyadh(splitShifts);
    expect(split.sessions).toHaveLength(11);
    expect(split.sessions.filter((session) => session.weekday === 0)).toEqual([
      { weekday: 0, openMinute: 9 * 60, closeMinute: 13 * 60 },
      { weekday: 0, openMinute: 16 * 60, closeMinute: 22 * 60 },
    ]);
    expect(split.sessions.at(-1)).toEqual({ weekday: 6, openMinute: 10 * 60, closeMinute: 14 * 60 });
    expect(riyadh('thu-fri 16:00-02:00').sessions).toEqual([
      { weekday: 4, openMinute: 16 * 60, closeMinute: 26 * 60 },
      { weekday: 5, openMinute: 16 * 60, closeMinute: 26 * 60 },
    ]);
    expect(riyadh('sat-mon 20:00-00:00').sessions.map((session) => session.weekday)).toEqual([0, 1, 6]);
    // a day in two groups, and sessions that meet without overlapping
    expect(riyadh('sun-thu 09:00-13:00, thu 13:00-20:00').sessions).toHaveLength(6);
    expect(riyadh('sun-sat 00:00-24:00').sessions).toHaveLength(7);
  });

  it.each([
    ['sun-thx 09:00-18:00', /^BUSINESS_HOURS: unknown day "thx" in "sun-thx 09:00-18:00"/],
    ['weekdays 09:00-18:00', /unknown day "weekdays"/],
    ['sun-thu 09:00-13:00 16:00-24:30', /"sun-thu 09:00-13:00 16:00-24:30" has a time that does not exist/],
    ['sun-thu 09:00-09:00', /09:00-09:00 in "sun-thu 09:00-09:00" opens and closes at the same time/],
    ['sun-thu 09:00-13:00 12:00-18:00', /^BUSINESS_HOURS: sun 09:00-13:00 overlaps sun 12:00-18:00$/],
    ['sun-thu 09:00-18:00, thu 17:00-20:00', /thu 09:00-18:00 overlaps thu 17:00-20:00$/],
    ['thu 16:00-02:00, fri 01:00-05:00', /thu 16:00-02:00 overlaps fri 01:00-05:00$/],
    ['sat 20:00-03:00, sun 02:00-04:00', /sat 20:00-03:00 overlaps sun 02:00-04:00$/],
  ])('refuses %j, saying what is wrong', (spec, message) => {
    expect(() => riyadh(spec)).toThrow(message);
  });

  it('is open in either shift of a split day, not between', () => {
    const split = riyadh(splitShifts);
    expect(open(split, '2026-11-22T08:59:00+03:00')).toBe(false);
    expect(open(split, '2026-11-22T09:00:00+03:00')).toBe(true);
    expect(open(split, '2026-11-22T12:59:00+03:00')).toBe(true);
    expect(open(split, '2026-11-22T13:00:00+03:00')).toBe(false);
    expect(open(split, '2026-11-22T15:59:00+03:00')).toBe(false);
    expect(open(split, '2026-11-22T16:00:00+03:00')).toBe(true);
    expect(open(split, '2026-11-22T21:59:00+03:00')).toBe(true);
    expect(open(split, '2026-11-22T22:00:00+03:00')).toBe(false);
    expect(open(split, '2026-11-28T10:00:00+03:00')).toBe(true); // Saturday
    expect(open(split, '2026-11-28T14:00:00+03:00')).toBe(false);
    expect(open(split, '2026-11-27T11:00:00+03:00')).toBe(false); // Friday
  });

  it('keeps a session past midnight open until its close the next morning', () => {
    const lateThursday = riyadh('thu 16:00-02:00');
    expect(open(lateThursday, '2026-11-26T15:59:00+03:00')).toBe(false);
    expect(open(lateThursday, '2026-11-26T23:00:00+03:00')).toBe(true);
    expect(open(lateThursday, '2026-11-27T01:59:00+03:00')).toBe(true); // Friday
    expect(open(lateThursday, '2026-11-27T02:00:00+03:00')).toBe(false);
    expect(open(lateThursday, '2026-11-27T16:00:00+03:00')).toBe(false); // Friday has no session
    expect(open(lateThursday, '2026-11-26T01:00:00+03:00')).toBe(false); // nor Wednesday
    // round the end of the week: Saturday night into Sunday
    const saturdayNight = riyadh('sat 20:00-03:00');
    expect(open(saturdayNight, '2026-11-28T23:00:00+03:00')).toBe(true);
    expect(open(saturdayNight, '2026-11-29T02:59:00+03:00')).toBe(true);
    expect(open(saturdayNight, '2026-11-29T03:00:00+03:00')).toBe(false);
  });

  it('opens next at the second shift, the next group or the next evening', () => {
    const split = riyadh(splitShifts);
    const lateThursday = riyadh('thu 16:00-02:00');
    expect(opens(split, '2026-11-22T13:30:00+03:00')).toBe('2026-11-22T13:00:00.000Z'); // Sunday 16:00
    expect(opens(split, '2026-11-26T22:30:00+03:00')).toBe('2026-11-28T07:00:00.000Z'); // Saturday 10:00
    expect(opens(split, '2026-11-28T15:00:00+03:00')).toBe('2026-11-29T06:00:00.000Z'); // Sunday 09:00
    expect(opens(lateThursday, '2026-11-27T01:00:00+03:00')).toBe('2026-11-26T22:00:00.000Z'); // open now
    expect(opens(lateThursday, '2026-11-27T03:00:00+03:00')).toBe('2026-12-03T13:00:00.000Z');
    const sla = routeHandoff(
      { reasons: [], tier: 'standard', now: Date.parse('2026-11-22T13:30:00+03:00') },
      { ...config, businessHours: split },
    );
    expect(new Date(sla.slaDueAt).toISOString()).toBe('2026-11-22T13:30:00.000Z'); // 16:00 and 30 minutes
  });

  it('closes the sessions that open on a holiday; the night before one runs to its end', () => {
    const friday = '2026-11-27';
    const lateWeek = riyadh('thu-fri 16:00-02:00', friday);
    expect(open(lateWeek, '2026-11-27T01:30:00+03:00')).toBe(true); // Thursday's session
    expect(open(lateWeek, '2026-11-27T17:00:00+03:00')).toBe(false);
    expect(open(lateWeek, '2026-11-28T01:00:00+03:00')).toBe(false); // Friday's would have run on
    expect(opens(lateWeek, '2026-11-27T03:00:00+03:00')).toBe('2026-12-03T13:00:00.000Z'); // Thursday
    const sundayOff = riyadh('sun-thu 09:00-13:00 16:00-22:00', '2026-11-22');
    expect(opens(sundayOff, '2026-11-22T13:30:00+03:00')).toBe('2026-11-23T06:00:00.000Z'); // Monday 09:00
  });

  it('opens at the local time across a change to summer time', () => {
    // Berlin moves from UTC+1 to UTC+2 at 02:00 on Sunday 29 March 2026
    const berlin = parseBusinessHours('mon-fri 09:00-12:00 13:00-17:00, sun 20:00-02:00', 'Europe/Berlin');
    const saturday = Date.parse('2026-03-28T15:00:00+01:00');
    expect(new Date(nextOpening(saturday, berlin)).toISOString()).toBe('2026-03-29T18:00:00.000Z');
    const sundayNight = Date.parse('2026-03-30T01:30:00+02:00');
    expect(isWithinBusinessHours(sundayNight, berlin)).toBe(true);
    expect(new Date(nextOpening(Date.parse('2026-03-30T12:30:00+02:00'), berlin)).toISOString()).toBe(
      '2026-03-30T11:00:00.000Z',
    );
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
