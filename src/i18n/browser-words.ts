/**
 * The browser side of `wordsFor`: a script's translator from the words its
 * element carries in `data-words`, in the language of `data-locale`.
 */
import { DEFAULT_DATES } from '../lib/dates.ts';
import { translator, type Dictionary, type Translate } from './translate.ts';

export function wordsOf(dataset: DOMStringMap): Translate {
  const words = JSON.parse(dataset['words'] ?? '{}') as Dictionary;
  return translator(words, dataset['locale'] ?? DEFAULT_DATES.locale);
}
