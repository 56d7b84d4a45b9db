/**
 * Decap's own interface (menus, buttons, notices) in the publication's
 * language where Decap has a translation, English where it has none (Arabic,
 * for one). Each translation is a chunk of its own, loaded only by a
 * publication in that language: the CMS bundle is one for every language.
 */

/** A Decap translation: nested phrases, as `CMS.registerLocale` takes them. */
export type DecapPhrases = Record<string, unknown>;

/** Decap's translations but English, which is built in, and `ua`, an older copy of `uk`. */
const TRANSLATIONS: Record<string, () => Promise<{ default: DecapPhrases }>> = {
  bg: () => import('decap-cms-locales/dist/esm/bg/index.js'),
  ca: () => import('decap-cms-locales/dist/esm/ca/index.js'),
  cs: () => import('decap-cms-locales/dist/esm/cs/index.js'),
  da: () => import('decap-cms-locales/dist/esm/da/index.js'),
  de: () => import('decap-cms-locales/dist/esm/de/index.js'),
  es: () => import('decap-cms-locales/dist/esm/es/index.js'),
  fa: () => import('decap-cms-locales/dist/esm/fa/index.js'),
  fr: () => import('decap-cms-locales/dist/esm/fr/index.js'),
  gr: () => import('decap-cms-locales/dist/esm/gr/index.js'),
  he: () => import('decap-cms-locales/dist/esm/he/index.js'),
  hr: () => import('decap-cms-locales/dist/esm/hr/index.js'),
  hu: () => import('decap-cms-locales/dist/esm/hu/index.js'),
  it: () => import('decap-cms-locales/dist/esm/it/index.js'),
  ja: () => import('decap-cms-locales/dist/esm/ja/index.js'),
  ko: () => import('decap-cms-locales/dist/esm/ko/index.js'),
  lt: () => import('decap-cms-locales/dist/esm/lt/index.js'),
  mk: () => import('decap-cms-locales/dist/esm/mk/index.js'),
  nb_no: () => import('decap-cms-locales/dist/esm/nb_no/index.js'),
  nl: () => import('decap-cms-locales/dist/esm/nl/index.js'),
  nn_no: () => import('decap-cms-locales/dist/esm/nn_no/index.js'),
  pl: () => import('decap-cms-locales/dist/esm/pl/index.js'),
  pt: () => import('decap-cms-locales/dist/esm/pt/index.js'),
  ro: () => import('decap-cms-locales/dist/esm/ro/index.js'),
  ru: () => import('decap-cms-locales/dist/esm/ru/index.js'),
  sk: () => import('decap-cms-locales/dist/esm/sk/index.js'),
  sl: () => import('decap-cms-locales/dist/esm/sl/index.js'),
  sr_Cyrl: () => import('decap-cms-locales/dist/esm/sr_Cyrl/index.js'),
  sv: () => import('decap-cms-locales/dist/esm/sv/index.js'),
  th: () => import('decap-cms-locales/dist/esm/th/index.js'),
  tr: () => import('decap-cms-locales/dist/esm/tr/index.js'),
  uk: () => import('decap-cms-locales/dist/esm/uk/index.js'),
  vi: () => import('decap-cms-locales/dist/esm/vi/index.js'),
  zh_Hans: () => import('decap-cms-locales/dist/esm/zh_Hans/index.js'),
  zh_Hant: () => import('decap-cms-locales/dist/esm/zh_Hant/index.js'),
};

/** Decap's code for English, its default and the fallback for every phrase a translation lacks. */
export const DECAP_ENGLISH = 'en';

/** Languages Decap files under another name than their BCP 47 language subtag. */
const DECAP_NAMES: Record<string, string> = { el: 'gr', nb: 'nb_no', no: 'nb_no', nn: 'nn_no' };

/**
 * Decap's code for a BCP 47 tag among `codes`: `de-DE` → `de`, `pt-BR` → `pt`,
 * `zh-TW` → `zh_Hant`, `sr` → `sr_Cyrl` (the script a tag implies counts), `nb` → `nb_no`;
 * English when Decap has no translation.
 */
export function decapLocale(tag: string, codes: readonly string[] = Object.keys(TRANSLATIONS)): string {
  const { language, script } = new Intl.Locale(tag).maximize();
  const candidates = [script && `${language}_${script}`, DECAP_NAMES[language], language];
  return candidates.find((code) => code !== undefined && codes.includes(code)) ?? DECAP_ENGLISH;
}

/** The phrases of one of Decap's translations, fetched as its chunk. */
export async function decapPhrases(code: string): Promise<DecapPhrases> {
  const load = TRANSLATIONS[code];
  if (!load) throw new Error(`Decap has no translation "${code}"`);
  return (await load()).default;
}
