/**
 * The publication's words: the translator for the language of the page being
 * written (`site.locale`), each language's loaded and checked on first use,
 * once per process.
 */
import { site } from '../site.config.ts';
import { loadDictionary, textDirection } from './languages.ts';
import { keysIn, numberFormat, pick, translator, type Dictionary, type Section, type Translate, type WordKey } from './translate.ts';

interface SiteWords {
  dictionary: Dictionary;
  translate: Translate;
  /** The language's list of names ("A, B and C"), made once: every byline and card uses it. */
  names: Intl.ListFormat;
  /** Its numbers, made once: every pager uses them. */
  numbers: Intl.NumberFormat;
  /** `wordsFor`'s answers by their keys: the same few lists on every page. */
  browserWords: Map<string, string>;
  direction: 'ltr' | 'rtl';
}

const byLanguage = new Map<string, SiteWords>();

function siteWords(): SiteWords {
  const tag = site.locale;
  let words = byLanguage.get(tag);
  if (!words) {
    const { dictionary } = loadDictionary(tag);
    words = {
      dictionary,
      translate: translator(dictionary, tag),
      names: new Intl.ListFormat(tag, { type: 'conjunction' }),
      numbers: numberFormat(tag),
      browserWords: new Map(),
      direction: textDirection(tag),
    };
    byLanguage.set(tag, words);
  }
  return words;
}

/** A word in the language being written: `t('article.share')`, `t('live.newUpdates', { count: 3 })`. */
export const t: Translate = (key, ...values) => siteWords().translate(key, ...values);

/** The words a script in the browser needs, for a `data-words` attribute (see `wordsOf`). */
export function wordsFor(keys: readonly WordKey[]): string {
  const { dictionary, browserWords } = siteWords();
  const id = keys.join(' ');
  let json = browserWords.get(id);
  if (json === undefined) {
    json = JSON.stringify(pick(dictionary, keys));
    browserWords.set(id, json);
  }
  return json;
}

/** Every key of a section of the publication's dictionary, e.g. all the CMS's words, for `wordsFor`. */
export const sectionKeys = (section: Section): WordKey[] => keysIn(siteWords().dictionary, section);

/** Numbers written the language's way, grouped from five digits ("2026", "12,345"). */
export const numbers = (): Intl.NumberFormat => siteWords().numbers;

/** Names joined the language's way: "Ada, Grace and Hedy". */
export const nameList = (): Intl.ListFormat => siteWords().names;

/** The direction the language being written runs: `dir` on `<html>`. */
export const siteDirection = (): 'ltr' | 'rtl' => siteWords().direction;
