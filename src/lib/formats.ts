/**
 * Article formats: what kind of journalism a piece is. One table holds each
 * format's label (kicker, cards, feeds, the search filter) and the schema.org
 * type its structured data uses.
 */

export const FORMATS = {
  news: { label: 'News', schemaType: 'NewsArticle' },
  analysis: { label: 'Analysis', schemaType: 'AnalysisNewsArticle' },
  opinion: { label: 'Opinion', schemaType: 'OpinionNewsArticle' },
  explainer: { label: 'Explainer', schemaType: 'BackgroundNewsArticle' },
  interview: { label: 'Interview', schemaType: 'NewsArticle' },
  review: { label: 'Review', schemaType: 'ReviewNewsArticle' },
  obituary: { label: 'Obituary', schemaType: 'NewsArticle' },
  editorial: { label: 'Editorial', schemaType: 'OpinionNewsArticle' },
  letter: { label: 'Letter', schemaType: 'OpinionNewsArticle' },
  sponsored: { label: 'Sponsored', schemaType: 'AdvertiserContentArticle' },
} as const satisfies Record<string, { label: string; schemaType: string }>;

export type Format = keyof typeof FORMATS;

export const FORMAT_IDS = Object.keys(FORMATS) as [Format, ...Format[]];

/** The format of an article without one. */
export const DEFAULT_FORMAT: Format = 'news';

/** Formats that put the writer forward: their pages show the author's portrait in the headline block. */
export const VOICE_FORMATS: readonly Format[] = ['opinion', 'editorial', 'letter'];

/** The label readers see, or undefined for plain news, which carries none. */
export function formatLabel(format: Format): string | undefined {
  return format === DEFAULT_FORMAT ? undefined : FORMATS[format].label;
}

/** Paid content is labelled wherever its headline appears, feeds and search results included. */
export const isSponsored = (format: Format) => format === 'sponsored';

/** A headline as feeds print it: sponsored pieces say so before the title. */
export const feedTitle = (title: string, format: Format) => (isSponsored(format) ? `Sponsored: ${title}` : title);
