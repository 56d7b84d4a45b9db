/**
 * Article formats: what kind of journalism a piece is. One table holds each
 * format's schema.org type, which its structured data uses; readers and
 * editors see its name as `formats.<id>` in the publication's language.
 */
import type { Translate } from '../i18n/translate.ts';

export const FORMATS = {
  news: { schemaType: 'NewsArticle' },
  analysis: { schemaType: 'AnalysisNewsArticle' },
  opinion: { schemaType: 'OpinionNewsArticle' },
  explainer: { schemaType: 'BackgroundNewsArticle' },
  interview: { schemaType: 'NewsArticle' },
  review: { schemaType: 'ReviewNewsArticle' },
  obituary: { schemaType: 'NewsArticle' },
  editorial: { schemaType: 'OpinionNewsArticle' },
  letter: { schemaType: 'OpinionNewsArticle' },
  sponsored: { schemaType: 'AdvertiserContentArticle' },
} as const satisfies Record<string, { schemaType: string }>;

export type Format = keyof typeof FORMATS;

export const FORMAT_IDS = Object.keys(FORMATS) as [Format, ...Format[]];

/** The format of an article without one. */
export const DEFAULT_FORMAT: Format = 'news';

/** Formats that put the writer forward: their pages show the author's portrait in the headline block. */
export const VOICE_FORMATS: readonly Format[] = ['opinion', 'editorial', 'letter'];

/** The format's name in the publication's language, the search filter's value. */
export const formatName = (format: Format, t: Translate) => t(`formats.${format}`);

/** The label readers see (kicker, cards, feeds), or undefined for plain news, which carries none. */
export function formatLabel(format: Format, t: Translate): string | undefined {
  return format === DEFAULT_FORMAT ? undefined : formatName(format, t);
}

/** Paid content is labelled wherever its headline appears, feeds and search results included. */
export const isSponsored = (format: Format) => format === 'sponsored';

/** A headline as feeds print it: sponsored pieces say so before the title. */
export const feedTitle = (title: string, format: Format, t: Translate) => (isSponsored(format) ? t('formats.sponsoredTitle', { title }) : title);
