/** The publication's language needs a complete dictionary before a page is rendered in it. */
import { loadDictionary } from '../../i18n/languages.ts';
import { languagePathProblems } from '../../i18n/language-paths.ts';
import type { Finding } from './finding.ts';

/** A finding on `language` when its dictionary is missing or lacks a word (the message names the dictionary file and the keys). */
export function checkLanguage(tag: string, field = 'language'): Finding[] {
  try {
    loadDictionary(tag);
    return [];
  } catch (error) {
    return [{ field, message: (error as Error).message }];
  }
}

/** Findings on `otherLanguages`: each needs a dictionary and a path of its own beside the first language's. */
export function checkOtherLanguages(first: string, others: readonly string[]): Finding[] {
  return [
    ...others.flatMap((tag, index) => checkLanguage(tag, `otherLanguages.${index}`)),
    ...languagePathProblems(first, others).map((message) => ({ field: 'otherLanguages', message })),
  ];
}
