/**
 * When the site next changes by the clock alone: a rebuild before that moment
 * gives the same site, so a scheduled run that finds it has not come asks for
 * no build at all. The moments are those at which a build's "now" changes
 * what it writes:
 * - a scheduled article's publication time;
 * - an article's anniversary from the age notice's threshold on (the notice
 *   appears, then counts the years);
 * - an article leaving the news sitemap's window;
 * - an alert's expiry;
 * - the new year, for the footer's copyright line.
 */
import { fullYearsBetween } from './age.ts';

export interface TimedContent {
  articles: readonly { publishedAt: Date; draft: boolean }[];
  /** `settings.yml`'s threshold; 0 turns the notice off. */
  ageNoticeYears: number;
  alerts: readonly { expires?: Date | undefined }[];
  /** How long an article stays in the news sitemap. */
  newsWindowMs: number;
}

/** The `years`th anniversary of `from`, with a leap day's falling on 28 February, as `fullYearsBetween` counts it. */
function anniversary(from: Date, years: number): Date {
  const date = new Date(from.getTime());
  date.setUTCFullYear(from.getUTCFullYear() + years);
  if (date.getUTCMonth() !== from.getUTCMonth()) date.setUTCDate(0);
  return date;
}

/** The first moment after `now` at which the built site would differ (at the latest, the new year). */
export function nextDue(content: TimedContent, now: Date): Date {
  const at = now.getTime();
  let next = new Date(now.getFullYear() + 1, 0, 1).getTime();
  const consider = (time: number) => {
    if (time > at && time < next) next = time;
  };
  for (const alert of content.alerts) if (alert.expires) consider(alert.expires.getTime());
  for (const { publishedAt, draft } of content.articles) {
    if (draft) continue;
    const published = publishedAt.getTime();
    consider(published);
    consider(published + content.newsWindowMs);
    if (content.ageNoticeYears > 0 && published <= at) {
      const coming = Math.max(fullYearsBetween(publishedAt, now) + 1, content.ageNoticeYears);
      consider(anniversary(publishedAt, coming).getTime());
    }
  }
  return new Date(next);
}
