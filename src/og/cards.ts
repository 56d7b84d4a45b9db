/**
 * The OG cards a build draws, one per article readers see, described from
 * what the content check read (`src/content/validate.ts`). The check runs
 * before Astro syncs the content, so drawing starts on the core the sync
 * leaves idle (`src/integrations/og-cards.ts`); the dev server's `/og/` route
 * draws a card on request instead.
 */
import type { CheckedArticle, ValidationResult } from '../content/validate.ts';
import { paths } from '../lib/paths.ts';
import type { PlannedCard } from './plan.ts';

/** `shown`: the articles readers see, as `byVisibility` splits them. */
export function articleCards(shown: readonly CheckedArticle[], names: Pick<ValidationResult, 'authorNames' | 'topicNames' | 'siteName'>): PlannedCard[] {
  const { siteName } = names;
  if (siteName === undefined) return [];
  return shown.map(({ slug, data, heroFile }) => ({
    path: paths.ogCard(slug),
    card: {
      title: data.title,
      topic: names.topicNames.get(data.topics[0] ?? '') ?? '',
      authors: data.authors.map((id) => names.authorNames.get(id) ?? ''),
      siteName,
      heroFile,
    },
  }));
}
