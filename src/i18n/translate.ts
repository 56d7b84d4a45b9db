/**
 * Every word the site shows, in the publication's language: a dictionary
 * (one JSON file per language in `src/i18n/languages/`) and a translator over
 * it. Pure, so the pages, the build's own steps and the few scripts in the
 * browser share it.
 */
import type english from './languages/en.json';

/** A word that depends on a number: one form per CLDR plural category the language uses ("other" always). */
export type PluralEntry = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Entry = string | PluralEntry;
export interface Dictionary {
  [key: string]: Entry | Dictionary;
}

const PLURAL_CATEGORIES: ReadonlySet<string> = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** A plural entry is an object whose keys are all plural categories, "other" among them. */
export function isPluralEntry(value: unknown): value is PluralEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('other') && keys.every((key) => PLURAL_CATEGORIES.has(key) && typeof (value as Record<string, unknown>)[key] === 'string');
}

type English = typeof english;
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : T[K] extends { other: string } ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type PluralPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : T[K] extends { other: string } ? `${Prefix}${K}` : PluralPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the dictionary, e.g. `"article.share"`. */
export type WordKey = Paths<English>;
/** A top-level section of the dictionary, e.g. `"cms"`. */
export type Section = keyof English & string;
/** A key whose entry has plural forms: it needs a `count`. */
export type PluralKey = PluralPaths<English>;
/** Values for a message's `{placeholders}`; numbers are written the language's way. */
export type Values = Record<string, string | number>;

export type Translate = <K extends WordKey>(key: K, ...values: K extends PluralKey ? [Values & { count: number }] : [Values?]) => string;

/** Every key of a dictionary with its entry, in file order. */
export function entriesOf(dictionary: Dictionary, prefix = ''): [string, Entry][] {
  return Object.entries(dictionary).flatMap(([name, value]): [string, Entry][] => {
    const key = `${prefix}${name}`;
    if (typeof value === 'string' || isPluralEntry(value)) return [[key, value]];
    return entriesOf(value, `${key}.`);
  });
}

/** The entry at a dotted key, or undefined. */
export function lookUp(dictionary: Dictionary, key: string): Entry | undefined {
  let value: Entry | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || isPluralEntry(value)) return undefined;
    value = value[part];
  }
  return typeof value === 'string' || isPluralEntry(value) ? value : undefined;
}

/** The `{name}`s a message fills in. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/** Numbers in the language's digits, grouped from five digits on, so a year or a page number reads "2026", not "2,026". */
export const numberFormat = (locale: string) => new Intl.NumberFormat(locale, { useGrouping: 'min2' });

/** A translator for one language: `locale` picks the plural rules and how numbers are written. */
export function translator(dictionary: Dictionary, locale: string): Translate {
  // Every word by its whole key, looked up once: a page asks for a hundred.
  const words = new Map(entriesOf(dictionary));
  const plurals = new Intl.PluralRules(locale);
  const numbers = numberFormat(locale);
  const fill = (message: string, values: Values | undefined) =>
    values ? message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    }) : message;
  return ((key: string, values?: Values) => {
    const entry = words.get(key);
    if (entry === undefined) throw new Error(`no word "${key}" in the ${locale} dictionary`);
    if (typeof entry === 'string') return fill(entry, values);
    const count = values?.['count'];
    if (typeof count !== 'number') throw new Error(`"${key}" needs a count`);
    return fill(entry[plurals.select(count)] ?? entry.other, values);
  }) as Translate;
}

/** The part of a dictionary that holds `keys`, for a script in the browser to translate with. */
export function pick(dictionary: Dictionary, keys: readonly WordKey[]): Dictionary {
  const part: Dictionary = {};
  for (const key of keys) {
    const entry = lookUp(dictionary, key);
    if (entry === undefined) throw new Error(`no word "${key}" in the dictionary`);
    const names = key.split('.');
    let section = part;
    for (const name of names.slice(0, -1)) section = (section[name] ??= {}) as Dictionary;
    section[names.at(-1)!] = entry;
  }
  return part;
}

/** Every key of one section, for `pick`: a script that shows a whole section's words need not list them. */
export function keysIn(dictionary: Dictionary, section: Section): WordKey[] {
  const part = dictionary[section];
  if (typeof part !== 'object' || isPluralEntry(part)) throw new Error(`no section "${section}" in the dictionary`);
  return entriesOf(part, `${section}.`).map(([key]) => key as WordKey);
}
