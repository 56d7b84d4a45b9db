/**
 * Where each language of a publication lives: the first language at the
 * root, every further one under its own path, `/de/` for `de-DE`. Pure and
 * browser-safe.
 */

/** The path segment of a further language: its language subtag, lower case. */
export function languagePrefix(tag: string): string {
  return new Intl.Locale(tag).language;
}

/** `pathname` under `prefix`, or as it is for the first language (`prefix` empty). */
export function underPrefix(prefix: string, pathname: string): string {
  return prefix ? `/${prefix}${pathname}` : pathname;
}

/** Why the further languages `others` cannot each have a path of their own beside `first`, one line each. */
export function languagePathProblems(first: string, others: readonly string[]): string[] {
  const seen = new Map<string, string>([[languagePrefix(first), first]]);
  const problems: string[] = [];
  for (const tag of others) {
    const prefix = languagePrefix(tag);
    const taken = seen.get(prefix);
    if (taken) problems.push(`${tag} would live under /${prefix}/, as ${taken} ${taken === first ? 'is the language of the root' : 'does'}: a publication has one language per language subtag`);
    else seen.set(prefix, tag);
  }
  return problems;
}

/** The publication's languages: the first at the root, the others each under its prefix. */
export interface Languages {
  first: string;
  others: readonly string[];
}

const ARTICLE_PATH = /^\/(?:articles\/([^/]+)\/|og\/([^/]+)\.jpg$)/;

/** The slug of the article whose page (`/articles/<slug>/…`) or card (`/og/<slug>.jpg`) `pathname` is, if it is one. */
export function articleSlugOf(pathname: string): string | undefined {
  const found = ARTICLE_PATH.exec(pathname);
  const slug = found?.[1] ?? found?.[2];
  return slug === undefined ? undefined : decodeURIComponent(slug);
}

/**
 * The language a page is written in: a further language's under its prefix;
 * an article's pages (`/articles/<slug>/…`, its card `/og/<slug>.jpg`) in
 * the article's (`articleLanguage`); every other page in the first language.
 */
export function languageOfPath(pathname: string, { first, others }: Languages, articleLanguage: (slug: string) => string | undefined): string {
  const segment = pathname.split('/')[1] ?? '';
  const prefixed = others.find((tag) => languagePrefix(tag) === segment);
  if (prefixed) return prefixed;
  const slug = articleSlugOf(pathname);
  return (slug !== undefined && articleLanguage(slug)) || first;
}
