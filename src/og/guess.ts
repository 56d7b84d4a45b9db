/**
 * The cards the OG route will most likely ask for, worked out from what the
 * content check read before Astro syncs the content. A first build draws
 * them on the core the sync leaves idle (`src/integrations/og-cards.ts`). A
 * guess only fills the card cache, which is keyed by everything on the card:
 * a wrong guess is never used, only drawn in vain.
 */
import path from 'node:path';
import type { ValidationResult } from '../content/validate.ts';
import { isVisible } from '../lib/publish.ts';
import { paths } from '../lib/paths.ts';
import type { PlannedCard } from './plan.ts';

export function guessCards(checked: ValidationResult, now: Date, showUnpublished: boolean): PlannedCard[] {
  const { siteName } = checked;
  if (siteName === undefined) return [];
  return checked.articles
    .filter(({ data }) => isVisible(data, now, showUnpublished))
    .map(({ file, slug, data }) => ({
      path: paths.ogCard(slug),
      card: {
        title: data.title,
        topic: checked.topicNames.get(data.topics[0] ?? '') ?? '',
        authors: data.authors.map((id) => checked.authorNames.get(id) ?? ''),
        siteName,
        heroFile: data.image ? path.resolve(path.dirname(file), data.image.src) : undefined,
      },
    }));
}
