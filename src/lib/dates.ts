/** Date formatting in the publication's time zone, whatever the machine's zone is. */
export interface DateContext {
  locale: string;
  timeZone: string;
}

/** The language and time zone of a publication whose `settings.yml` names neither; browser code falls back to them. */
export const DEFAULT_DATES: DateContext = { locale: 'en-GB', timeZone: 'Europe/London' };

/** The locale and time zone a page hands its scripts in `data-locale` and `data-time-zone`. */
export function dateContextOf(dataset: DOMStringMap): DateContext {
  return { locale: dataset['locale'] ?? DEFAULT_DATES.locale, timeZone: dataset['timeZone'] ?? DEFAULT_DATES.timeZone };
}

/** The formats below, each one object, so a formatter is found by identity rather than by a key built per call. */
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
const YEAR_MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric' };
const YEAR_MONTH_DAY: Intl.DateTimeFormatOptions = { ...YEAR_MONTH, day: 'numeric' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };

const cache = new Map<string, Map<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>>();

function formatter(ctx: DateContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const zone = `${ctx.locale}|${ctx.timeZone}`;
  let formats = cache.get(zone);
  if (!formats) {
    formats = new Map();
    cache.set(zone, formats);
  }
  let format = formats.get(options);
  if (!format) {
    format = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
    formats.set(options, format);
  }
  return format;
}

/** "27 November 2026" */
export function formatDate(date: Date, ctx: DateContext): string {
  return formatter(ctx, DATE).format(date);
}

/** "27 November 2026, 07:30 GMT" */
export function formatDateTime(date: Date, ctx: DateContext): string {
  return formatter(ctx, DATE_TIME).format(date);
}

/** "November 2026" */
export function formatMonth(date: Date, ctx: DateContext): string {
  return formatter(ctx, MONTH).format(date);
}

/** A moment inside a calendar month whatever the time zone (its 15th, noon UTC): what `formatMonth` names it by. */
export function midMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 15, 12));
}

/**
 * Numbers of the Gregorian calendar in Latin digits, whatever the language:
 * Egyptian Arabic writes its digits otherwise, and Saudi Arabic counts in the
 * Islamic calendar, but the archive files by the Gregorian year.
 */
const CALENDAR_LOCALE = 'en-US-u-ca-gregory-nu-latn';

function dateParts(date: Date, ctx: DateContext, options: Intl.DateTimeFormatOptions): (type: Intl.DateTimeFormatPartTypes) => number {
  const parts = formatter({ locale: CALENDAR_LOCALE, timeZone: ctx.timeZone }, options).formatToParts(date);
  return (type) => Number(parts.find((part) => part.type === type)?.value);
}

/** Calendar year and month (1–12) as seen in the publication's time zone. */
export function yearMonth(date: Date, ctx: DateContext): { year: number; month: number } {
  const value = dateParts(date, ctx, YEAR_MONTH);
  return { year: value('year'), month: value('month') };
}

/** Calendar year, month (1–12) and day of the month as seen in the publication's time zone. */
export function calendarDay(date: Date, ctx: DateContext): { year: number; month: number; day: number } {
  const value = dateParts(date, ctx, YEAR_MONTH_DAY);
  return { year: value('year'), month: value('month'), day: value('day') };
}

/** Noon (UTC) of a calendar day: that day in any zone within twelve hours of UTC, for naming it. */
export function midDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** "Saturday 7 November" */
export function formatWeekday(date: Date, ctx: DateContext): string {
  return formatter(ctx, WEEKDAY).format(date);
}

const OFFSET_PARTS: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' };

/** The wall-clock fields of `date` in `timeZone`, and its offset from UTC as "+05:30" ("+00:00" for UTC). */
function zonedParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', { ...OFFSET_PARTS, timeZone }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second'), offset };
}

/** ISO 8601 with the publication's offset, "2025-12-31T23:30:00-05:00": the moment as its readers' clocks showed it. */
export function isoInZone(date: Date, timeZone: string): string {
  const { year, month, day, hour, minute, second, offset } = zonedParts(date, timeZone);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RSS's date (RFC 822, English names whatever the language) in the publication's zone: "Wed, 31 Dec 2025 23:30:00 -0500". */
export function rfc822InZone(date: Date, timeZone: string): string {
  const { year, month, day, hour, minute, second, offset } = zonedParts(date, timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()];
  return `${weekday}, ${day} ${MONTHS[Number(month) - 1]} ${year} ${hour}:${minute}:${second} ${offset.replace(':', '')}`;
}
