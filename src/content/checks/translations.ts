/**
 * An article's `language` must be one of the publication's, and its
 * `translationOf` must name an original in another language, which no other
 * translation in the same language names.
 */
import type { Finding } from './finding.ts';

/** What the check reads of an article. */
export interface TranslationFields {
  slug: string;
  language: string | undefined;
  translationOf: string | undefined;
}

/** Findings for each article, by slug (only articles with findings appear). */
export function checkTranslations(articles: readonly TranslationFields[], languages: readonly string[], knownSlugs: ReadonlySet<string>): Map<string, Finding[]> {
  const findings = new Map<string, Finding[]>();
  const add = (slug: string, finding: Finding) => findings.set(slug, [...(findings.get(slug) ?? []), finding]);
  const first = languages[0];
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const languageOf = (article: TranslationFields) => article.language ?? first;
  const taken = new Map<string, string>();
  for (const article of articles) {
    if (article.language !== undefined && !languages.includes(article.language)) {
      add(article.slug, { field: 'language', message: `"${article.language}" is not one of the publication's languages (settings.yml language and otherLanguages): ${languages.join(', ')}` });
    }
    const originalSlug = article.translationOf;
    if (originalSlug === undefined) continue;
    const original = bySlug.get(originalSlug);
    if (!original) {
      const why = knownSlugs.has(originalSlug) ? 'an article that failed its own checks' : 'no article';
      add(article.slug, { field: 'translationOf', message: `"${originalSlug}" is ${why} (content/articles/<year>/${originalSlug}/)` });
    } else if (original.slug === article.slug) {
      add(article.slug, { field: 'translationOf', message: 'names the article itself' });
    } else if (original.translationOf !== undefined) {
      add(article.slug, { field: 'translationOf', message: `"${originalSlug}" is itself a translation: name its original, "${original.translationOf}"` });
    } else if (languageOf(original) === languageOf(article)) {
      add(article.slug, { field: 'translationOf', message: `"${originalSlug}" is in ${languageOf(article)} too: a translation is in another language (set language)` });
    } else {
      const key = `${originalSlug}\0${languageOf(article)}`;
      const other = taken.get(key);
      if (other) add(article.slug, { field: 'translationOf', message: `"${other}" already translates "${originalSlug}" into ${languageOf(article)}` });
      else taken.set(key, article.slug);
    }
  }
  return findings;
}
