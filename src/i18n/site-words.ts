/**
 * The publication's words: the translator for the language `settings.yml`
 * names, loaded and checked on first use, once per process.
 */
import { site } from '../site.config.ts';
import { loadDictionary, textDirection } from './languages.ts';
import { keysIn, pick, translator, type Dictionary, type Section, type Translate, type WordKey } from './translate.ts';

interface SiteWords {
  dictionary: Dictionary;
  translate: Translate;
  /** The language's list of names ("A, B and C"), made once: every byline and card uses it. */
  names: Intl.ListFormat;
  direction: 'ltr' | 'rtl';
}

let words: SiteWords | undefined;

function siteWords(): SiteWords {
  if (!words) {
    const { dictionary } = loadDictionary(site.locale);
    words = {
      dictionary,
      translate: translator(dictionary, site.locale),
      names: new Intl.ListFormat(site.locale, { type: 'conjunction' }),
      direction: textDirection(site.locale),
    };
  }
  return words;
}

/** A word in the publication's language: `t('article.share')`, `t('live.newUpdates', { count: 3 })`. */
export const t: Translate = (key, ...values) => siteWords().translate(key, ...values);

/** The words a script in the browser needs, for a `data-words` attribute (see `wordsOf`). */
export const wordsFor = (keys: readonly WordKey[]): string => JSON.stringify(pick(siteWords().dictionary, keys));

/** Every key of a section of the publication's dictionary, e.g. all the CMS's words, for `wordsFor`. */
export const sectionKeys = (section: Section): WordKey[] => keysIn(siteWords().dictionary, section);

/** Names joined the language's way: "Ada, Grace and Hedy". */
export const nameList = (): Intl.ListFormat => siteWords().names;

/** The direction the publication's script runs: `dir` on `<html>`. */
export const siteDirection = (): 'ltr' | 'rtl' => siteWords().direction;
