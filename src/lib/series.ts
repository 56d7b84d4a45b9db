/** Series: articles published as numbered parts of one story. */
import type { Translate } from '../i18n/translate.ts';

export interface SeriesMember {
  id: string;
  publishedAt: Date;
  /** The part number the article gives itself, if any. */
  part: number | undefined;
}

/**
 * The reading order of a series: numbered parts by number, then unnumbered
 * ones by publication date (oldest first), so a series without numbers reads
 * in the order it was published.
 */
export function seriesOrder<T extends SeriesMember>(members: readonly T[]): T[] {
  return [...members].sort(
    (a, b) =>
      (a.part ?? Infinity) - (b.part ?? Infinity) ||
      a.publishedAt.getTime() - b.publishedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}

/** "Part 2 of 5". */
export const partLabel = (index: number, total: number, t: Translate) => t('article.series.part', { number: index + 1, total });
