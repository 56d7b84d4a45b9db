import fs from 'node:fs';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { isValidElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { decapLocale, decapPhrases, DECAP_ENGLISH } from '../../admin/decap-locale.ts';
import { articlePreview } from '../../admin/previews.ts';
import { altTextControl } from '../../admin/widgets.ts';
import { translator, type Dictionary, type Translate } from '../../src/i18n/translate.ts';

// The preview is called as a plain function here, outside React's renderer: state keeps its first value and effects do not run.
vi.mock('react', async (importOriginal) => ({
  ...(await importOriginal<typeof import('react')>()),
  useState: <T>(initial: T) => [initial, () => {}],
  useEffect: () => {},
}));

const english = translator(JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary, 'en-GB');
/** Words of this test's own, outside en.json's type. */
const german = translator(
  { article: { byline: 'Von {names}', status: { draftNotice: 'Entwurf' }, dates: { published: 'Veröffentlicht {time}' } }, cms: { validation: { altText: 'Alternativtext fehlt.' } } },
  'de-DE',
);

describe("Decap's interface language", () => {
  it('maps a BCP 47 tag to the code of Decap’s translation, by language, implied script and Decap’s own names', () => {
    const cases = {
      'de-DE': 'de',
      'de-AT': 'de',
      'fr-CA': 'fr',
      'pt-BR': 'pt',
      'zh-Hans': 'zh_Hans',
      zh: 'zh_Hans',
      'zh-TW': 'zh_Hant',
      'zh-Hant-HK': 'zh_Hant',
      nb: 'nb_no',
      no: 'nb_no',
      'nn-NO': 'nn_no',
      'el-GR': 'gr',
      sr: 'sr_Cyrl',
      'uk-UA': 'uk',
      'he-IL': 'he',
    };
    for (const [tag, code] of Object.entries(cases)) expect(decapLocale(tag), tag).toBe(code);
  });

  it('falls back to English where Decap has no translation', () => {
    for (const tag of ['en-GB', 'en-US', 'ar-EG', 'sr-Latn', 'cy']) expect(decapLocale(tag), tag).toBe(DECAP_ENGLISH);
    expect(decapLocale('de-DE', ['fr'])).toBe(DECAP_ENGLISH);
  });

  it('loads each of Decap’s translations on its own, every one it ships but English and its old copy of Ukrainian', async () => {
    const shipped = fs
      .readdirSync('node_modules/decap-cms-locales/dist/esm', { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== DECAP_ENGLISH && entry.name !== 'ua')
      .map((entry) => entry.name);
    expect(shipped.length).toBeGreaterThan(30);
    for (const code of shipped) expect(await decapPhrases(code), code).toHaveProperty('app.header.content');
    expect(await decapPhrases('de')).toHaveProperty('app.header.content', 'Inhalt');
    await expect(decapPhrases('ar')).rejects.toThrow('Decap has no translation "ar"');
  });
});

describe('alt text widget', () => {
  const props = (src: string, value: string) => ({
    value,
    onChange: () => {},
    forID: 'alt',
    classNameWrapper: '',
    setActiveStyle: () => {},
    setInactiveStyle: () => {},
    entry: { get: () => undefined, getIn: () => src },
    parentIds: ['image'],
  });
  const validity = (t: Translate, src: string, value: string) => new (altTextControl(t))(props(src, value)).isValid();

  it('requires alt text only while there is an image, saying so in the publication’s language', () => {
    expect(validity(english, '', '')).toBe(true);
    expect(validity(english, './a.jpg', 'A harbour')).toBe(true);
    expect(validity(english, './a.jpg', ' ')).toEqual({ error: { type: 'CUSTOM', parentIds: ['image'], message: 'Alt text is required when an image is set.' } });
    expect(validity(german, './a.jpg', '')).toMatchObject({ error: { message: 'Alternativtext fehlt.' } });
  });
});

/** The text of a React element tree, in document order. */
function textOf(node: ReactNode): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(textOf);
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return [];
}

describe('article preview', () => {
  const data = { title: 'Harbour closed', draft: true, authors: ['Ada', 'Bo', 'Cy'], topics: [], publishedAt: '2026-01-10T09:00:00Z' };
  const props = {
    entry: { get: (key: string) => (key === 'data' ? data : undefined) },
    getAsset: (path: string) => path,
    getCollection: async () => [],
    widgetFor: () => null,
  } as unknown as PreviewTemplateComponentProps;
  const shown = (t: Translate, locale: string) => textOf(articlePreview({ locale, timeZone: 'Europe/London' }, t)(props));

  it('says draft, byline and publication time in the article page’s words, names listed the language’s way', () => {
    const texts = shown(english, 'en-GB');
    expect(texts).toContain('Draft — not published');
    expect(texts).toContain('By Ada, Bo and Cy');
    expect(texts.find((text) => text.startsWith('Published '))).toMatch(/^Published 10 January 2026/);
    const inGerman = shown(german, 'de-DE');
    expect(inGerman).toContain('Entwurf');
    expect(inGerman).toContain('Von Ada, Bo und Cy');
    expect(inGerman.find((text) => text.startsWith('Veröffentlicht '))).toMatch(/^Veröffentlicht 10\. Januar 2026/);
  });
});
