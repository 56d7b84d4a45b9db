/**
 * The dictionaries on disk, one JSON file per language in
 * `src/i18n/languages/`: `de.json` serves `de-DE` and `de-AT`, and a file
 * named by the whole tag (`pt-BR.json`) wins over the language's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dictionaryProblems } from './dictionary-check.ts';
import type { Dictionary } from './translate.ts';

/** The reference language: every other dictionary must hold its words. */
export const REFERENCE_LANGUAGE = 'en';

/** Resolved from the working directory, as `site.contentDir` is: the build, dev server and tests run from the project's root. */
export const languagesDir = () => path.resolve('src/i18n/languages');

/** The languages that have a dictionary, by file name. */
export function availableLanguages(dir = languagesDir()): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).sort();
}

/** The dictionary file for a BCP 47 tag, or an error listing the languages there are. */
export function dictionaryFileFor(tag: string, dir = languagesDir()): string {
  const available = availableLanguages(dir);
  const language = new Intl.Locale(tag).language;
  const name = [tag, language].find((candidate) => available.includes(candidate));
  if (!name) throw new Error(`no dictionary for the language "${tag}": add ${path.relative(process.cwd(), path.join(dir, `${language}.json`))} (there are: ${available.join(', ')})`);
  return path.join(dir, `${name}.json`);
}

function readDictionary(file: string): Dictionary {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('must be a JSON object');
    return value as Dictionary;
  } catch (error) {
    throw new Error(`${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
  }
}

/** The dictionary for `tag`, checked against the reference: a missing or misshapen word stops here, naming the key and the file. */
export function loadDictionary(tag: string, dir = languagesDir()): { file: string; dictionary: Dictionary } {
  const file = dictionaryFileFor(tag, dir);
  const dictionary = readDictionary(file);
  const reference = path.join(dir, `${REFERENCE_LANGUAGE}.json`);
  if (file !== reference) {
    const problems = dictionaryProblems(readDictionary(reference), dictionary, tag);
    if (problems.length > 0) {
      const shown = problems.slice(0, 20).map((problem) => `\n  - ${problem}`).join('');
      const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : '';
      throw new Error(`${path.relative(process.cwd(), file)} is incomplete for ${tag}:${shown}${more}`);
    }
  }
  return { file, dictionary };
}

/** "rtl" for a language written right to left (Arabic, Hebrew, Persian, Urdu), else "ltr". */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string } };
  return locale.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr';
}
