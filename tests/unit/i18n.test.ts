import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dictionaryProblems } from '../../src/i18n/dictionary-check.ts';
import { availableLanguages, dictionaryFileFor, loadDictionary, REFERENCE_LANGUAGE, textDirection } from '../../src/i18n/languages.ts';
import { readPublicationLanguage } from '../../src/i18n/publication.ts';
import { entriesOf, keysIn, pick, translator, type Dictionary, type Translate } from '../../src/i18n/translate.ts';
import { settingsFields } from '../../src/content/schema.ts';

/** Keys outside en.json's type: these tests use dictionaries of their own. */
const loosely = (t: Translate) => t as unknown as (key: string, values?: Record<string, string | number>) => string;

const sample: Dictionary = {
  live: { newUpdates: { zero: 'no new updates', one: '{count} new update', two: 'two new updates', few: '{count} few', many: '{count} many', other: '{count} new updates' } },
  article: { by: 'By {names}', share: 'Share this article' },
};

describe('translator', () => {
  it('fills placeholders and picks plural forms by the language’s rules', () => {
    const english = loosely(translator(sample, 'en-GB'));
    expect(english('article.share')).toBe('Share this article');
    expect(english('article.by', { names: 'Ada and Grace' })).toBe('By Ada and Grace');
    expect(english('live.newUpdates', { count: 1 })).toBe('1 new update');
    expect(english('live.newUpdates', { count: 0 })).toBe('0 new updates');
    expect(english('live.newUpdates', { count: 1234 })).toBe('1234 new updates');
    expect(english('live.newUpdates', { count: 12345 })).toBe('12,345 new updates');
    const arabic = loosely(translator(sample, 'ar'));
    expect(arabic('live.newUpdates', { count: 0 })).toBe('no new updates');
    expect(arabic('live.newUpdates', { count: 2 })).toBe('two new updates');
    expect(arabic('live.newUpdates', { count: 3 })).toBe('3 few');
    expect(arabic('live.newUpdates', { count: 11 })).toBe('11 many');
    expect(loosely(translator(sample, 'de-DE'))('live.newUpdates', { count: 12345 })).toBe('12.345 new updates');
    expect(loosely(translator(sample, 'ar-EG'))('article.by', { names: 2026 })).toBe('By ٢٠٢٦');
  });

  it('refuses a key it does not have, and a plural without its count', () => {
    const english = loosely(translator(sample, 'en-GB'));
    expect(() => english('article.missing')).toThrow('no word "article.missing" in the en-GB dictionary');
    expect(() => english('live.newUpdates')).toThrow('"live.newUpdates" needs a count');
    expect(() => english('article')).toThrow('no word "article"');
  });

  it('hands a script only the words it asks for', () => {
    const part = pick(sample, ['live.newUpdates' as never]);
    expect(part).toEqual({ live: { newUpdates: sample['live']!['newUpdates' as never] } });
    expect(() => pick(sample, ['article.nothing' as never])).toThrow('no word "article.nothing"');
  });
});

describe('dictionaryProblems', () => {
  it('names every missing key, missing plural form, misshapen entry, unknown placeholder and unknown key', () => {
    const reference: Dictionary = { a: { b: 'B', c: { one: '{count} c', other: '{count} cs' } }, d: 'D {name}' };
    expect(dictionaryProblems(reference, reference, 'en')).toEqual([]);
    const candidate: Dictionary = { a: { b: { one: 'x', other: 'y' }, c: { one: '{count} c', other: '{count} cs' } }, d: 'D {nmae}', e: 'E' };
    expect(dictionaryProblems(reference, candidate, 'ar')).toEqual([
      '"a.b" must be a single text',
      '"a.c" lacks the plural forms zero, two, few, many that ar uses',
      '"d" uses {nmae}, which nothing fills',
      'unknown key "e"',
    ]);
    expect(dictionaryProblems(reference, { a: { c: { one: '{count} c', other: '{count} cs' } } }, 'de')).toEqual(['missing "a.b"', 'missing "d"']);
  });
});

describe('dictionaries on disk', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const folder = (files: Record<string, unknown>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'words-'));
    dirs.push(dir);
    for (const [name, value] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(value));
    return dir;
  };

  it('serves a regional tag from the language’s file, unless the region has its own', () => {
    const dir = folder({ 'en.json': {}, 'pt.json': {}, 'pt-BR.json': {} });
    expect(path.basename(dictionaryFileFor('en-US', dir))).toBe('en.json');
    expect(path.basename(dictionaryFileFor('pt-PT', dir))).toBe('pt.json');
    expect(path.basename(dictionaryFileFor('pt-BR', dir))).toBe('pt-BR.json');
    expect(() => dictionaryFileFor('fr-CA', dir)).toThrow(/no dictionary for the language "fr-CA": add .*fr\.json \(there are: en, pt, pt-BR\)/);
  });

  it('stops on an incomplete dictionary, naming the file and the key', () => {
    const dir = folder({ 'en.json': { site: { search: 'Search', home: 'Home' } }, 'de.json': { site: { search: 'Suche' } } });
    expect(() => loadDictionary('de-DE', dir)).toThrow(/de\.json is incomplete for de-DE:\n {2}- missing "site\.home"/);
    fs.writeFileSync(path.join(dir, 'de.json'), '{ "site": ');
    expect(() => loadDictionary('de', dir)).toThrow(/de\.json: /);
  });

  it('ships English and complete German and Arabic dictionaries', () => {
    const languages = availableLanguages();
    expect(languages).toEqual(expect.arrayContaining([REFERENCE_LANGUAGE, 'de', 'ar']));
    for (const language of languages) expect(() => loadDictionary(language)).not.toThrow();
    const english = loadDictionary(REFERENCE_LANGUAGE).dictionary;
    expect(entriesOf(english).length).toBeGreaterThan(50);
  });

  it('knows which scripts run right to left', () => {
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('de-DE')).toBe('ltr');
    expect(textDirection('en-GB')).toBe('ltr');
  });
});

describe('the publication’s language and time zone', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const content = (settings: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'settings.yml'), settings);
    return dir;
  };

  it('reads them from settings.yml, with British English in London when it names neither', () => {
    expect(readPublicationLanguage(content('name: Gazette\nlanguage: de-DE\ntimeZone: America/New_York\n'))).toEqual({ locale: 'de-DE', timeZone: 'America/New_York', others: [] });
    expect(readPublicationLanguage(content('name: Gazette\n'))).toEqual({ locale: 'en-GB', timeZone: 'Europe/London', others: [] });
    expect(readPublicationLanguage(content('otherLanguages: [de-DE, ar-EG]\n'))).toMatchObject({ locale: 'en-GB', others: ['de-DE', 'ar-EG'] });
  });

  it('names the file and the field of a wrong value', () => {
    const dir = content('name: Gazette\ntimeZone: Mars/Olympus\n');
    expect(() => readPublicationLanguage(dir)).toThrow(`${path.join(dir, 'settings.yml')}: timeZone must be an IANA time zone`);
    expect(() => readPublicationLanguage(content('language: "not a tag"\n'))).toThrow(/settings\.yml: language must be a language tag/);
    expect(() => readPublicationLanguage(content('otherLanguages: de-DE\n'))).toThrow(/settings\.yml: otherLanguages must be a list of language tags/);
  });

  it('are checked by the settings schema as well', () => {
    expect(settingsFields.parse({ name: 'Gazette' })).toMatchObject({ language: 'en-GB', timeZone: 'Europe/London' });
    expect(settingsFields.safeParse({ name: 'Gazette', timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(settingsFields.safeParse({ name: 'Gazette', language: 'ar-EG', timeZone: 'Asia/Riyadh' }).success).toBe(true);
  });
});

describe('keys of a section', () => {
  it('lists every key of one top-level section, nested ones and plurals too, for pick', () => {
    const dictionary: Dictionary = { cms: { title: 'Newsroom', article: { title: { label: 'Headline' } }, parts: { one: '{count} part', other: '{count} parts' } }, site: { name: 'x' } };
    const keys = keysIn(dictionary, 'cms');
    expect(keys).toEqual(['cms.title', 'cms.article.title.label', 'cms.parts']);
    expect(pick(dictionary, keys)).toEqual({ cms: dictionary['cms'] });
  });

  it('refuses a section the dictionary lacks', () => {
    expect(() => keysIn({ site: { name: 'x' } }, 'cms')).toThrow('no section "cms" in the dictionary');
  });
});
