import { describe, expect, it } from 'vitest';
import { calendarDay, dateContextOf, DEFAULT_DATES, formatDate, formatDateTime, formatMonth, formatWeekday, isoInZone, midDay, rfc822InZone, yearMonth } from '../../src/lib/dates.ts';
import { parseStrictDateTime } from '../../src/lib/datetime.ts';

const london = { locale: 'en-GB', timeZone: 'Europe/London' };
const tokyo = { locale: 'en-GB', timeZone: 'Asia/Tokyo' };

describe('date formatting in the site time zone', () => {
  it('formats the calendar day of the site zone, not UTC', () => {
    const lateUtc = new Date('2026-06-30T23:30:00Z');
    expect(formatDate(lateUtc, london)).toBe('1 July 2026');
    expect(formatDate(lateUtc, tokyo)).toBe('1 July 2026');
    expect(formatDate(new Date('2026-12-31T23:30:00Z'), london)).toBe('31 December 2026');
  });

  it('shows time with the zone name, following summer time', () => {
    expect(formatDateTime(new Date('2026-11-27T07:30:00Z'), london)).toMatch(/27 November 2026.*07:30 GMT/);
    expect(formatDateTime(new Date('2026-07-01T07:30:00Z'), london)).toMatch(/1 July 2026.*08:30 BST/);
  });

  it('groups by month and year in the site zone', () => {
    expect(yearMonth(new Date('2025-12-31T23:59:00-05:00'), london)).toEqual({ year: 2026, month: 1 });
    expect(formatMonth(new Date('2026-11-27T07:30:00Z'), london)).toBe('November 2026');
  });

  it('files by calendar day in the site zone, and names the day', () => {
    expect(calendarDay(new Date('2026-06-30T23:30:00Z'), london)).toEqual({ year: 2026, month: 7, day: 1 });
    expect(calendarDay(new Date('2026-06-30T23:30:00Z'), tokyo)).toEqual({ year: 2026, month: 7, day: 1 });
    expect(calendarDay(new Date('2026-01-01T03:00:00Z'), { locale: 'en-GB', timeZone: 'America/New_York' })).toEqual({ year: 2025, month: 12, day: 31 });
    expect(formatWeekday(midDay(2026, 11, 7), london)).toBe('Saturday 7 November');
    expect(formatWeekday(midDay(2026, 11, 7), tokyo)).toBe('Saturday 7 November');
  });
});

describe('parseStrictDateTime', () => {
  it('accepts ISO 8601 with Z or an offset', () => {
    expect((parseStrictDateTime('2026-11-27T07:30:00Z') as Date).toISOString()).toBe('2026-11-27T07:30:00.000Z');
    expect((parseStrictDateTime('2026-11-27T08:30:00+01:00') as Date).toISOString()).toBe('2026-11-27T07:30:00.000Z');
    expect((parseStrictDateTime('2026-11-27T07:30Z') as Date).toISOString()).toBe('2026-11-27T07:30:00.000Z');
  });

  it('rejects dates without time or offset, and impossible ones', () => {
    expect(parseStrictDateTime('2026-11-27')).toMatch(/not an ISO 8601/);
    expect(parseStrictDateTime('2026-11-27T07:30:00')).toMatch(/not an ISO 8601/);
    expect(parseStrictDateTime('2026-02-29T10:00:00Z')).toMatch(/not a real calendar date/);
    expect(parseStrictDateTime('2028-02-29T10:00:00Z')).toBeInstanceOf(Date);
    expect(parseStrictDateTime('2026-04-31T10:00:00Z')).toMatch(/not a real calendar date/);
    expect(parseStrictDateTime('2026-04-30T24:00:00Z')).toMatch(/not a real time/);
  });
});

describe('dateContextOf', () => {
  it('reads the locale and time zone a page hands its scripts', () => {
    expect(dateContextOf({ locale: 'fr-FR', timeZone: 'Europe/Paris' })).toEqual({ locale: 'fr-FR', timeZone: 'Europe/Paris' });
  });
  it('falls back to the publication’s own, which the site config also uses', async () => {
    expect(dateContextOf({})).toEqual(DEFAULT_DATES);
    const { site } = await import('../../src/site.config.ts');
    expect({ locale: site.locale, timeZone: site.timeZone }).toEqual(DEFAULT_DATES);
  });
});

describe('dates with the publication’s offset', () => {
  const newYearsEve = new Date('2025-12-31T23:30:00-05:00');
  it('writes ISO 8601 and RFC 822 as the publication’s clocks showed the moment', () => {
    expect(isoInZone(newYearsEve, 'America/New_York')).toBe('2025-12-31T23:30:00-05:00');
    expect(isoInZone(newYearsEve, 'Europe/London')).toBe('2026-01-01T04:30:00+00:00');
    expect(isoInZone(newYearsEve, 'Asia/Kolkata')).toBe('2026-01-01T10:00:00+05:30');
    expect(rfc822InZone(newYearsEve, 'America/New_York')).toBe('Wed, 31 Dec 2025 23:30:00 -0500');
    expect(rfc822InZone(newYearsEve, 'Asia/Riyadh')).toBe('Thu, 01 Jan 2026 07:30:00 +0300');
    expect(rfc822InZone(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('Wed, 01 Jul 2026 13:00:00 +0100');
    expect(new Date(isoInZone(newYearsEve, 'Asia/Kolkata')).getTime()).toBe(newYearsEve.getTime());
  });
});
