/** The addresses of the publication's languages: the first at the root, each further one under its prefix. */
import { site } from '../site.config.ts';
import { languagePrefix, underPrefix, type Languages } from './language-paths.ts';

/** The path prefix of `tag` (by default the language being written): none for the publication's first language. */
export const prefixOf = (tag: string = site.locale): string => (tag === site.defaultLocale ? '' : languagePrefix(tag));

/** `pathname` of the language being written (or `tag`): each language has its own home page, feeds and search. */
export const localized = (pathname: string, tag: string = site.locale): string => underPrefix(prefixOf(tag), pathname);

/**
 * The language an article is set in: its `language` when that is one of the
 * publication's, else the first. The content check reports any other value;
 * the dev server, which only warns, still shows the article.
 */
export const articleLanguage = (tag: string | undefined): string => (tag !== undefined && site.locales.includes(tag) ? tag : site.defaultLocale);

/** The publication's languages, for `languageOfPath`. */
export const publicationLanguages = (): Languages => ({ first: site.defaultLocale, others: site.locales.slice(1) });
