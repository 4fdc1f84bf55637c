const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface BusinessHours {
  /** 0 = Sunday … 6 = Saturday, in the business's time zone. */
  days: ReadonlySet<number>;
  openMinute: number;
  closeMinute: number;
  timeZone: string;
  /** The first and last day of the range as configured (`sun-thu`: 0 and 4), for telling customers. */
  firstDay: number;
  lastDay: number;
  /** Local dates (YYYY-MM-DD) the team is closed on a working day: Eid, National Day. */
  closedDates: ReadonlySet<string>;
}

/** Longer than any holiday: a typo such as 2026 for 2027 in a range's end should fail, not close a year. */
const MAX_CLOSED_RANGE_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The YYYY-MM-DD of a UTC moment, or of a local wall-clock time written as one. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function dateMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!ISO_DATE.test(date) || Number.isNaN(ms) || isoDay(ms) !== date)
    throw new Error(`BUSINESS_CLOSED_DATES: "${date}" is not a date (YYYY-MM-DD)`);
  return ms;
}

/**
 * Parses `2026-03-19..2026-03-22, 2026-09-23`: dates and inclusive ranges, local to the business,
 * into the set of dates they cover.
 */
export function parseClosedDates(spec: string): Set<string> {
  const dates = new Set<string>();
  for (const item of spec.split(',').map((part) => part.trim())) {
    if (item === '') continue;
    const [first = '', last = first, ...rest] = item.split('..').map((part) => part.trim());
    if (rest.length > 0) throw new Error(`BUSINESS_CLOSED_DATES: cannot read "${item}"`);
    const from = dateMs(first);
    const to = dateMs(last);
    if (to < from) throw new Error(`BUSINESS_CLOSED_DATES: "${item}" ends before it starts`);
    if ((to - from) / DAY_MS >= MAX_CLOSED_RANGE_DAYS)
      throw new Error(`BUSINESS_CLOSED_DATES: "${item}" is longer than ${MAX_CLOSED_RANGE_DAYS} days`);
    for (let day = from; day <= to; day += DAY_MS) dates.add(isoDay(day));
  }
  return dates;
}

/** Parses `sun-thu 09:00-18:00` (a day range wraps around the week: `sat-wed`). */
export function parseBusinessHours(spec: string, timeZone: string, closedDates = ''): BusinessHours {
  const match = /^(\w{3})-(\w{3}) (\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(spec);
  if (match === null) throw new Error(`BUSINESS_HOURS: cannot read "${spec}"`);
  const [, from, to, oh, om, ch, cm] = match;
  const start = dayNames.indexOf(from as (typeof dayNames)[number]);
  const end = dayNames.indexOf(to as (typeof dayNames)[number]);
  if (start < 0 || end < 0) throw new Error(`BUSINESS_HOURS: unknown day in "${spec}"`);
  const openMinute = Number(oh) * 60 + Number(om);
  const closeMinute = Number(ch) * 60 + Number(cm);
  if (Number(om) > 59 || Number(cm) > 59 || openMinute >= 24 * 60 || closeMinute > 24 * 60) {
    throw new Error(`BUSINESS_HOURS: "${spec}" has a time that does not exist (00:00 to 24:00)`);
  }
  // the team would never be open: every handoff after hours, a next opening that never comes
  if (closeMinute <= openMinute) {
    throw new Error(
      `BUSINESS_HOURS: "${spec}" closes before it opens; hours past midnight are not supported (close at 24:00)`,
    );
  }
  const days = new Set<number>();
  for (let d = start; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === end) break;
  }
  // Validates the zone now rather than at the first after-hours message.
  new Intl.DateTimeFormat('en', { timeZone });
  return {
    days,
    openMinute,
    closeMinute,
    timeZone,
    firstDay: start,
    lastDay: end,
    closedDates: parseClosedDates(closedDates),
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and a business has one zone: one per locale, zone and options. */
function zoneFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The calendar date in a zone as YYYY-MM-DD, the form order ETAs are written in. */
export function localDate(ms: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD
  return zoneFormatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/**
 * When a calendar day (YYYY-MM-DD) begins in a zone: "4 December" in Riyadh starts at 21:00 UTC the
 * evening before. The zone's offset is read at the guess and again at the answer, for a day whose
 * offset changes overnight.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const first = midnightUtc - localTime(midnightUtc, timeZone).offsetMs;
  return midnightUtc - localTime(first, timeZone).offsetMs;
}

/** The calendar day after a YYYY-MM-DD one. */
export function nextDay(date: string): string {
  return isoDay(Date.parse(`${date}T00:00:00Z`) + DAY_MS);
}

/** The wall-clock day and minute in a zone, from Intl (works on Node and Workers). */
function localTime(
  ms: number,
  timeZone: string,
): { day: number; minute: number; offsetMs: number; date: string } {
  const formatter = zoneFormatter('en-US', timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offsetMs = asUtc - (ms - (ms % 1000));
  return {
    day: new Date(asUtc).getUTCDay(),
    minute: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
    offsetMs,
    date: isoDay(asUtc),
  };
}

export function isWithinBusinessHours(ms: number, hours: BusinessHours): boolean {
  const { day, minute, date } = localTime(ms, hours.timeZone);
  return (
    hours.days.has(day) &&
    minute >= hours.openMinute &&
    minute < hours.closeMinute &&
    !hours.closedDates.has(date)
  );
}

/** A day the team is off though it is a working day of the week (BUSINESS_CLOSED_DATES). */
export function isClosedDate(ms: number, hours: BusinessHours): boolean {
  return hours.closedDates.has(localTime(ms, hours.timeZone).date);
}

/** When the team is next available: `ms` itself inside hours, else the next opening. */
export function nextOpening(ms: number, hours: BusinessHours): number {
  if (isWithinBusinessHours(ms, hours)) return ms;
  const { day, minute, offsetMs } = localTime(ms, hours.timeZone);
  const localNow = ms + offsetMs;
  const localMidnight = localNow - (localNow % DAY_MS);
  // a week, and one more day for every closed date that may fall on a working day
  for (let ahead = 0; ahead <= 7 + hours.closedDates.size; ahead++) {
    const candidateDay = (day + ahead) % 7;
    if (!hours.days.has(candidateDay)) continue;
    if (ahead === 0 && minute >= hours.openMinute) continue;
    const localDay = localMidnight + ahead * DAY_MS;
    if (hours.closedDates.has(isoDay(localDay))) continue;
    const localOpening = localDay + hours.openMinute * 60_000;
    // Converting back with the offset at that moment keeps zones with DST right.
    const guess = localOpening - offsetMs;
    return localOpening - localTime(guess, hours.timeZone).offsetMs;
  }
  throw new Error('business hours have no open day');
}

/** Day names and times for customers: Arabic with Latin digits, as the rest of the replies. */
const INTL_LOCALE = { en: 'en-GB', ar: 'ar-SA-u-nu-latn' } as const;

/** A Sunday: day names come from Intl in the customer's language, as in `formatLocal`. */
const A_SUNDAY_UTC = Date.UTC(2026, 10, 22);

const clockTime = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The hours as a customer reads them: "Sunday to Thursday, 09:00–18:00", "من الأحد إلى الخميس، 09:00–18:00". */
export function describeHours(hours: BusinessHours, locale: 'en' | 'ar'): string {
  const dayName = (day: number) =>
    zoneFormatter(INTL_LOCALE[locale], 'UTC', { weekday: 'long' }).format(A_SUNDAY_UTC + day * DAY_MS);
  const time = `${clockTime(hours.openMinute)}–${clockTime(hours.closeMinute)}`;
  if (hours.days.size === 7) return locale === 'ar' ? `كل يوم، ${time}` : `every day, ${time}`;
  if (hours.firstDay === hours.lastDay)
    return `${dayName(hours.firstDay)}${locale === 'ar' ? '،' : ','} ${time}`;
  return locale === 'ar'
    ? `من ${dayName(hours.firstDay)} إلى ${dayName(hours.lastDay)}، ${time}`
    : `${dayName(hours.firstDay)} to ${dayName(hours.lastDay)}, ${time}`;
}

/**
 * A moment as a customer reads it: "Sunday 09:00"; with the date when it is six days or more away
 * (after a holiday), where the weekday alone would name the wrong week: "Sunday 29 March 09:00".
 */
export function formatLocal(ms: number, hours: BusinessHours, locale: 'en' | 'ar', from = ms): string {
  const far = ms - from >= 6 * DAY_MS;
  return zoneFormatter(INTL_LOCALE[locale], hours.timeZone, {
    weekday: 'long',
    ...(far ? { day: 'numeric', month: 'long' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}
