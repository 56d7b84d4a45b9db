/** The publication's language needs a complete dictionary before a page is rendered in it. */
import { loadDictionary } from '../../i18n/languages.ts';
import type { Finding } from './finding.ts';

/** A finding on `language` when its dictionary is missing or lacks a word (the message names the dictionary file and the keys). */
export function checkLanguage(tag: string): Finding[] {
  try {
    loadDictionary(tag);
    return [];
  } catch (error) {
    return [{ field: 'language', message: (error as Error).message }];
  }
}
