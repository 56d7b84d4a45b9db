/**
 * Articles that translate one another. A translation names its original in
 * `translationOf`; the original and all its translations form one group, and
 * each member's page links to every other.
 */

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
  for (const article of articles) {
    const root = article.data.translationOf?.id ?? article.id;
    groups.set(root, [...(groups.get(root) ?? []), article]);
  }
  const rank = (article: T) => languages.indexOf(article.language);
  const others = new Map<string, T[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort((a, b) => rank(a) - rank(b));
    for (const article of ordered) others.set(article.id, ordered.filter((other) => other !== article));
  }
  return others;
}
