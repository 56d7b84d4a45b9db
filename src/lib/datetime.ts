/**
 * Strict ISO 8601 date-times for frontmatter: a time and an offset are
 * required so that an article's moment of publication is never ambiguous.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Returns the parsed date, or a sentence saying what is wrong with the text. */
export function parseStrictDateTime(text: string): Date | string {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) {
    return `"${text}" is not an ISO 8601 date-time with offset, e.g. 2026-11-27T07:30:00Z`;
  }
  const [, y, mo, d, h, mi, s = '0'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    return `"${text}" is not a real calendar date`;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return `"${text}" is not a real time of day`;
  }
  const date = new Date(text.trim().replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return `"${text}" is not a valid date`;
  return date;
}
