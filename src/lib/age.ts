/**
 * The age notice: an old article says so near its headline, so a reader who
 * arrives from a search or a share does not mistake it for today's news.
 */
import type { Translate } from '../i18n/translate.ts';

/** Whole years from `from` to `to` by the calendar (a leap day's anniversary is 28 February). */
export function fullYearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const anniversary = new Date(from.getTime());
  anniversary.setUTCFullYear(from.getUTCFullYear() + years);
  if (anniversary.getUTCMonth() !== from.getUTCMonth()) anniversary.setUTCDate(0);
  if (anniversary.getTime() > to.getTime()) years -= 1;
  return Math.max(0, years);
}

/**
 * "This article is more than 2 years old" once an article is at least
 * `afterYears` old (0 turns the notice off), else undefined.
 */
export function ageNotice(publishedAt: Date, now: Date, afterYears: number, t: Translate): string | undefined {
  if (afterYears <= 0) return undefined;
  const years = fullYearsBetween(publishedAt, now);
  if (years < afterYears) return undefined;
  return t('article.ageNotice', { count: years });
}
