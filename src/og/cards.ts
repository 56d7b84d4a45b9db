/**
 * The OG cards a build draws, one per article readers see, described from
 * what the content check read (`src/content/validate.ts`). The check runs
 * before Astro syncs the content, so drawing starts on the core the sync
 * leaves idle (`src/integrations/og-cards.ts`); the dev server's `/og/` route
 * draws a card on request instead.
 */
import type { CheckedArticle, ValidationResult } from '../content/validate.ts';
import { siteDirection, t } from '../i18n/site-words.ts';
import { inLanguage } from '../i18n/page-language.ts';
import { articleLanguage } from '../i18n/publication-paths.ts';
import { paths } from '../lib/paths.ts';
import type { PlannedCard } from './plan.ts';
import type { OgCard } from './render.ts';

/** The card's line naming the authors, or none. Written here, not where cards are drawn: the threads that draw them load no words. */
export function cardByline(authors: readonly string[]): string {
  return authors.length > 0 ? t('og.byline', { authors: authors.join(t('og.authorSeparator')) }) : '';
}

/** A right-to-left publication's cards are mirrored; a left-to-right card leaves the field out, so its digest is as before. */
export const cardDirection = (): Pick<OgCard, 'direction'> => (siteDirection() === 'rtl' ? { direction: 'rtl' } : {});

/** `shown`: the articles readers see, as `byVisibility` splits them. */
export function articleCards(shown: readonly CheckedArticle[], names: Pick<ValidationResult, 'authorNames' | 'topicNames' | 'siteName'>): PlannedCard[] {
  const { siteName } = names;
  if (siteName === undefined) return [];
  // Each card in its article's language: its byline's words and its direction.
  return shown.map(({ slug, data, heroFile }) =>
    inLanguage(articleLanguage(data.language), () => ({
      path: paths.ogCard(slug),
      card: {
        title: data.title,
        topic: names.topicNames.get(data.topics[0] ?? '') ?? '',
        byline: cardByline(data.authors.map((id) => names.authorNames.get(id) ?? '')),
        siteName,
        ...cardDirection(),
        heroFile,
      },
    })),
  );
}
