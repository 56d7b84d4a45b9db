/**
 * WordPress writes dates as `2019-05-04 10:30:00`, once in UTC (`_gmt`) and
 * once in the site's own time zone, and `0000-00-00 00:00:00` where a date was
 * never set (a draft's GMT date). The export does not say which time zone the
 * site used, so a local date is read in the publication's time zone.
 */
const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsOf(text: string): Parts | undefined {
  const match = WP_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second };
}

const utc = (parts: Parts) => Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);

/** A `_gmt` date; undefined for an unset or malformed one. */
export function parseGmtDate(text: string): Date | undefined {
  const parts = partsOf(text);
  return parts ? new Date(utc(parts)) : undefined;
}

/** How far ahead of UTC `timeZone` is at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const fields = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(fields.find((field) => field.type === type)?.value);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A local date read as wall-clock time in `timeZone`; undefined for an unset or malformed one. */
export function parseLocalDate(text: string, timeZone: string): Date | undefined {
  const parts = partsOf(text);
  if (!parts) return undefined;
  const wall = utc(parts);
  // The offset at the wall-clock time read as UTC is right except within hours of a change; a second look settles it.
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone));
}

/** The GMT date, else the local one in `timeZone`. */
export function wordpressDate(gmt: string, local: string, timeZone: string): Date | undefined {
  return parseGmtDate(gmt) ?? parseLocalDate(local, timeZone);
}

/** ISO 8601 in UTC to the second, as Broadsheet's frontmatter writes it: `2019-05-04T09:30:00Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
