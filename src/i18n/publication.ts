/**
 * The publication's language and time zone, which the newsroom sets in
 * `settings.yml` (`language`, `timeZone`): the schema checks them with the
 * rest of the settings, but the build's configuration needs them before the
 * content layer has loaded, so they are read here, once per process.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DEFAULT_DATES, type DateContext } from '../lib/dates.ts';
import { isLanguageTag, isTimeZone } from './tags.ts';

export interface PublicationLanguages extends DateContext {
  /** The further languages it publishes in (`otherLanguages`), each under its own path. */
  others: string[];
}

/** The languages and time zone in `settings.yml` of `contentDir`, an error naming the file and the field if one is wrong. */
export function readPublicationLanguage(contentDir: string): PublicationLanguages {
  const file = path.join(contentDir, 'settings.yml');
  let settings: unknown;
  try {
    settings = yaml.load(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULT_DATES, others: [] };
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const fields = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : {};
  const field = (name: string, fallback: string, valid: (value: string) => boolean, expected: string): string => {
    const value = fields[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !valid(value.trim())) throw new Error(`${file}: ${name} must be ${expected}, got ${JSON.stringify(value)}`);
    return value.trim();
  };
  const others = fields['otherLanguages'] ?? [];
  if (!Array.isArray(others) || !others.every((tag) => typeof tag === 'string' && isLanguageTag(tag.trim()))) {
    throw new Error(`${file}: otherLanguages must be a list of language tags such as de-DE or ar-EG, got ${JSON.stringify(others)}`);
  }
  return {
    locale: field('language', DEFAULT_DATES.locale, isLanguageTag, 'a language tag such as en-GB, de-DE or ar-EG'),
    others: others.map((tag: string) => tag.trim()),
    timeZone: field('timeZone', DEFAULT_DATES.timeZone, isTimeZone, 'an IANA time zone such as Europe/London or America/New_York'),
  };
}
