import { describe, expect, it } from 'vitest';
import { nextDue, type TimedContent } from '../../src/lib/next-due.ts';

const HOUR = 60 * 60 * 1000;
const NOW = new Date('2026-12-07T09:00:00Z');
const NEW_YEAR = new Date(2027, 0, 1);
const content = (overrides: Partial<TimedContent>): TimedContent => ({ articles: [], ageNoticeYears: 0, alerts: [], newsWindowMs: 48 * HOUR, ...overrides });
const article = (iso: string, draft = false) => ({ publishedAt: new Date(iso), draft });

describe('nextDue', () => {
  it('is the new year when nothing else changes with the clock', () => {
    expect(nextDue(content({ articles: [article('2025-01-01T00:00:00Z')] }), NOW)).toEqual(NEW_YEAR);
  });

  it('is the first scheduled article, never a draft', () => {
    const articles = [article('2026-12-08T06:00:00Z'), article('2026-12-07T12:00:00Z', true), article('2026-12-09T06:00:00Z')];
    expect(nextDue(content({ articles }), NOW)).toEqual(new Date('2026-12-08T06:00:00Z'));
  });

  it('is when a recent article leaves the news sitemap', () => {
    expect(nextDue(content({ articles: [article('2026-12-06T10:00:00Z')] }), NOW)).toEqual(new Date('2026-12-08T10:00:00Z'));
  });

  it('is when an alert expires, not one already expired', () => {
    const alerts = [{ expires: new Date('2026-12-07T08:00:00Z') }, { expires: new Date('2026-12-07T18:00:00Z') }, {}];
    expect(nextDue(content({ alerts }), NOW)).toEqual(new Date('2026-12-07T18:00:00Z'));
  });

  it('is the anniversary at which an article reaches the age notice, then each one after', () => {
    expect(nextDue(content({ ageNoticeYears: 2, articles: [article('2025-03-01T10:00:00Z')] }), NOW)).toEqual(NEW_YEAR);
    expect(nextDue(content({ ageNoticeYears: 2, articles: [article('2024-12-20T10:00:00Z')] }), NOW)).toEqual(new Date('2026-12-20T10:00:00Z'));
    expect(nextDue(content({ ageNoticeYears: 2, articles: [article('2020-12-10T10:00:00Z')] }), NOW)).toEqual(new Date('2026-12-10T10:00:00Z'));
    expect(nextDue(content({ ageNoticeYears: 0, articles: [article('2020-12-10T10:00:00Z')] }), NOW)).toEqual(NEW_YEAR);
  });

  it("counts a leap day's anniversary on 28 February, as the notice does", () => {
    const now = new Date('2026-12-07T09:00:00Z');
    const leap = content({ ageNoticeYears: 1, articles: [article('2024-02-29T12:00:00Z')] });
    expect(nextDue(leap, now)).toEqual(NEW_YEAR);
    expect(nextDue(leap, new Date('2027-01-05T00:00:00Z'))).toEqual(new Date('2027-02-28T12:00:00Z'));
  });
});
