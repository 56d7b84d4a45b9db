/**
 * Articles that translate one another. A translation names its original in
 * `translationOf`; the original and all its translations form one group, and
 * each member's page links to every other.
 */

import { push } from './grouping.ts';

/** What grouping reads of an article. */
export interface Translatable {
  id: string;
  language: string;
  data: { translationOf?: { id: string } | undefined };
}

/**
 * Each grouped article's other versions, by id, in the order of `languages`
 * (the publication's); an article in no group is absent. A translation whose
 * original is not shown (a draft) still groups with its fellow translations.
 */
export function translationsOf<T extends Translatable>(articles: readonly T[], languages: readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of articles) push(groups, article.data.translationOf?.id ?? article.id, article);
  const others = new Map<string, T[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = inLanguageOrder(group, languages);
    for (const article of ordered) others.set(article.id, ordered.filter((other) => other !== article));
  }
  return others;
}

/** Versions of a page in the order of `languages` (the publication's): how its links and alternates list them. */
export function inLanguageOrder<T extends { language: string }>(versions: readonly T[], languages: readonly string[]): T[] {
  return [...versions].sort((a, b) => languages.indexOf(a.language) - languages.indexOf(b.language));
}
