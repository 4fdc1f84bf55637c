const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;

/**
 * Minutes after the midnight of the day the team opens; a close past 1440 is the next morning's
 * (`16:00-02:00`: 960 to 1560).
 */
export interface TimeRange {
  openMinute: number;
  closeMinute: number;
}

/** One opening of the week. */
export interface Session extends TimeRange {
  /** The day it opens on: 0 = Sunday … 6 = Saturday, in the business's time zone. */
  weekday: number;
}

/** A group as configured (`sun-thu 09:00-13:00 16:00-22:00`: 0, 4 and two ranges), for telling customers. */
export interface DayGroup {
  firstDay: number;
  lastDay: number;
  times: readonly TimeRange[];
}

export interface BusinessHours {
  /** Every session of the week, by weekday and then opening. */
  sessions: readonly Session[];
  /** In the order configured. */
  groups: readonly DayGroup[];
  timeZone: string;
  /** Local dates (YYYY-MM-DD) the team is closed on a working day: Eid, National Day. */
  closedDates: ReadonlySet<string>;
}

/** Longer than any holiday: a typo such as 2026 for 2027 in a range's end should fail, not close a year. */
const MAX_CLOSED_RANGE_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The YYYY-MM-DD of a UTC moment, or of a local wall-clock time written as one. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The YYYY-MM-DD `days` days after (or before) another. */
const shiftDate = (date: string, days: number) => isoDay(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);

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

const GROUP = /^(\w+)(?:-(\w+))?((?:\s+\S+)+)$/;
const TIME_RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

function dayNumber(name: string, group: string): number {
  const day = dayNames.indexOf(name as (typeof dayNames)[number]);
  if (day < 0)
    throw new Error(`BUSINESS_HOURS: unknown day "${name}" in "${group}" (${dayNames.join(', ')})`);
  return day;
}

function parseTimeRange(range: string, group: string): TimeRange {
  const match = TIME_RANGE.exec(range);
  if (match === null) throw new Error(`BUSINESS_HOURS: cannot read "${range}" in "${group}"`);
  const [oh, om, ch, cm] = match.slice(1).map(Number) as [number, number, number, number];
  const openMinute = oh * 60 + om;
  const closeMinute = ch * 60 + cm;
  if (om > 59 || cm > 59 || openMinute >= DAY_MINUTES || closeMinute > DAY_MINUTES) {
    throw new Error(`BUSINESS_HOURS: "${group}" has a time that does not exist (00:00 to 24:00)`);
  }
  // the team would never be open in it; 00:00-24:00 is the whole day
  if (closeMinute === openMinute) {
    throw new Error(`BUSINESS_HOURS: ${range} in "${group}" opens and closes at the same time`);
  }
  // a close before the open is the next morning's
  return { openMinute, closeMinute: closeMinute < openMinute ? closeMinute + DAY_MINUTES : closeMinute };
}

/** `sun-thu 09:00-13:00 16:00-22:00`, `sat 10:00-14:00`: a day or a range of days, then its times. */
function parseGroup(group: string): DayGroup {
  const match = GROUP.exec(group);
  if (match === null) throw new Error(`BUSINESS_HOURS: cannot read "${group}"`);
  const [, first = '', last = first, ranges = ''] = match;
  return {
    firstDay: dayNumber(first, group),
    lastDay: dayNumber(last, group),
    times: ranges
      .trim()
      .split(/\s+/)
      .map((range) => parseTimeRange(range, group)),
  };
}

/** The days of a group, wrapping round the week (`sat-wed`). */
function groupDays({ firstDay, lastDay }: DayGroup): number[] {
  const days = [firstDay];
  for (let day = firstDay; day !== lastDay; ) {
    day = (day + 1) % 7;
    days.push(day);
  }
  return days;
}

/** Minutes from Sunday midnight to the session's opening, and to its close. */
const weekOpen = (session: Session) => session.weekday * DAY_MINUTES + session.openMinute;
const weekClose = (session: Session) => session.weekday * DAY_MINUTES + session.closeMinute;

const clockTime = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A close as written: a next morning's 1560 is 02:00, the end of the day 24:00. */
const closingTime = (closeMinute: number) =>
  clockTime(closeMinute > DAY_MINUTES ? closeMinute - DAY_MINUTES : closeMinute);

const sessionText = (session: Session) =>
  `${dayNames[session.weekday]} ${clockTime(session.openMinute)}-${closingTime(session.closeMinute)}`;

/**
 * Two sessions at once would be a typo (a day in two groups, a shift that runs into the next), not
 * a schedule. Sorted by opening, each need only end by the next one's opening, the last one by the
 * first one's a week on.
 */
function refuseOverlaps(sessions: readonly Session[]): void {
  sessions.forEach((session, index) => {
    const next = sessions[(index + 1) % sessions.length] as Session;
    const nextOpens = weekOpen(next) + (index === sessions.length - 1 ? WEEK_MINUTES : 0);
    if (weekClose(session) > nextOpens) {
      throw new Error(`BUSINESS_HOURS: ${sessionText(session)} overlaps ${sessionText(next)}`);
    }
  });
}

/**
 * Parses `sun-thu 09:00-13:00 16:00-22:00, sat 10:00-14:00`: groups separated by commas, each a day
 * (`sat`) or a range of days (`sun-thu`; `sat-wed` wraps round the week) with one or more times.
 * A time that closes before it opens runs past midnight and belongs to the day it opens on.
 */
export function parseBusinessHours(spec: string, timeZone: string, closedDates = ''): BusinessHours {
  const groups = spec.split(',').map((group) => parseGroup(group.trim()));
  const sessions = groups
    .flatMap((group) => groupDays(group).flatMap((weekday) => group.times.map((t) => ({ weekday, ...t }))))
    .sort((a, b) => weekOpen(a) - weekOpen(b));
  refuseOverlaps(sessions);
  // Validates the zone now rather than at the first after-hours message.
  new Intl.DateTimeFormat('en', { timeZone });
  return { sessions, groups, timeZone, closedDates: parseClosedDates(closedDates) };
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
  return shiftDate(date, 1);
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

/**
 * Open in one of today's sessions, or in last night's running past midnight. A closed date closes
 * the sessions that open on it: last night's, opened the day before a holiday, runs to its end.
 */
export function isWithinBusinessHours(ms: number, hours: BusinessHours): boolean {
  const { day, minute, date } = localTime(ms, hours.timeZone);
  const openedOn = [
    { weekday: day, date, minute },
    { weekday: (day + 6) % 7, date: shiftDate(date, -1), minute: minute + DAY_MINUTES },
  ];
  return openedOn.some(
    (opening) =>
      !hours.closedDates.has(opening.date) &&
      hours.sessions.some(
        (session) =>
          session.weekday === opening.weekday &&
          session.openMinute <= opening.minute &&
          opening.minute < session.closeMinute,
      ),
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
    const localDay = localMidnight + ahead * DAY_MS;
    if (hours.closedDates.has(isoDay(localDay))) continue;
    // sessions are in order of opening: the first one of the day still to come
    const session = hours.sessions.find(
      (candidate) => candidate.weekday === (day + ahead) % 7 && (ahead > 0 || candidate.openMinute > minute),
    );
    if (session === undefined) continue;
    const localOpening = localDay + session.openMinute * 60_000;
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

const listFormatters = new Map<string, Intl.ListFormat>();

/** "09:00–13:00 and 16:00–22:00", "09:00–13:00 و16:00–22:00". */
function timeList(locale: 'en' | 'ar', times: readonly string[]): string {
  let formatter = listFormatters.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' });
    listFormatters.set(locale, formatter);
  }
  return formatter.format(times);
}

function describeDays(group: DayGroup, locale: 'en' | 'ar'): string {
  const dayName = (day: number) =>
    zoneFormatter(INTL_LOCALE[locale], 'UTC', { weekday: 'long' }).format(A_SUNDAY_UTC + day * DAY_MS);
  if (groupDays(group).length === 7) return locale === 'ar' ? 'كل يوم' : 'every day';
  if (group.firstDay === group.lastDay) return dayName(group.firstDay);
  return locale === 'ar'
    ? `من ${dayName(group.firstDay)} إلى ${dayName(group.lastDay)}`
    : `${dayName(group.firstDay)} to ${dayName(group.lastDay)}`;
}

/**
 * The hours as a customer reads them, in the order configured: "Sunday to Thursday, 09:00–13:00
 * and 16:00–22:00; Saturday, 10:00–14:00", "من الأحد إلى الخميس، 09:00–13:00 و16:00–22:00؛ السبت، 10:00–14:00".
 */
export function describeHours(hours: BusinessHours, locale: 'en' | 'ar'): string {
  return hours.groups
    .map((group) => {
      const times = group.times.map(
        (range) => `${clockTime(range.openMinute)}–${closingTime(range.closeMinute)}`,
      );
      return `${describeDays(group, locale)}${locale === 'ar' ? '،' : ','} ${timeList(locale, times)}`;
    })
    .join(locale === 'ar' ? '؛ ' : '; ');
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
