/**
 * Boots Decap CMS for /admin/. The page passes in what only the build knows
 * (the site's locale and time zone, decap-server's port, the CMS's words in
 * the publication's language) as data attributes.
 */
import CMS from 'decap-cms-app';
import siteCss from '../src/styles/global.css?inline';
import serifCss from '@fontsource-variable/source-serif-4/index.css?inline';
import sansCss from '@fontsource-variable/inter/index.css?inline';
import previewCss from './preview.css?inline';
import {
  addressTaken,
  ALT_TEXT_WIDGET,
  articleFile,
  articlePathProblem,
  articlesCollection,
  articleSlug,
  cmsConfig,
  collectionYear,
  HERO_IMAGE_SRC,
  productionBackend,
  type LiveStoryOption,
} from './config.ts';
import { blankPaths, dateTexts, relativeImagePath, type FieldPath } from './cleanup.ts';
import { altTextControl } from './widgets.ts';
import { decapLocale, decapPhrases, DECAP_ENGLISH } from './decap-locale.ts';
import { wordsOf } from '../src/i18n/browser-words.ts';
import { dateContextOf } from '../src/lib/dates.ts';
import { DEFAULT_DECAP_PORT } from '../src/lib/local-servers.ts';
import { articlePreview, AuthorPreview } from './previews.ts';

/** The Immutable.js map Decap hands to event listeners, reduced to what is used here. */
interface EntryData {
  getIn(path: FieldPath): unknown;
  deleteIn(path: FieldPath): EntryData;
  setIn(path: FieldPath, value: unknown): EntryData;
  delete(key: string): EntryData;
  toJS(): Record<string, unknown>;
}

const dates = dateContextOf(document.body.dataset);
const t = wordsOf(document.body.dataset);
const { decapPort = DEFAULT_DECAP_PORT, articleYears = '', liveStories = '[]' } = document.body.dataset;
const years = articleYears.split(' ').filter(Boolean);
const stories = JSON.parse(liveStories) as LiveStoryOption[];

/** What Decap hands a backend to save an entry, reduced to what is checked here. */
interface PersistedEntry {
  dataFiles: { path: string; newPath?: string }[];
}

interface BackendImplementation {
  persistEntry(entry: PersistedEntry, options: { collectionName?: string; newEntry?: boolean }): Promise<unknown>;
  /** decap-server answers a missing file with `data: null`; git hosts reject. */
  getEntry(path: string): Promise<{ data: string | null } | undefined>;
}

/**
 * Every year shares one `/articles/<slug>/` namespace, but Decap only sees the
 * folder of the year being saved: a new article's address is looked up in the
 * other years too (one file request per year), so two articles never share a URL.
 */
async function takenInAnotherYear(implementation: BackendImplementation, year: string, path: string): Promise<string | undefined> {
  const slug = articleSlug(path);
  if (!slug) return undefined;
  const found = await Promise.all(
    years.filter((other) => other !== year).map((other) => implementation.getEntry(articleFile(other, slug)).then((file) => file?.data != null, () => false)),
  );
  return found.some(Boolean) ? addressTaken(slug, t) : undefined;
}

/**
 * Decap computes an entry's file path only after the `preSave` event, so an
 * article that would land in another article's folder is stopped where the
 * path is known: in the backend, before anything is written or committed.
 * Decap shows the error in its "Failed to persist entry" notice. `proxy` is
 * the backend Decap switches to when it finds decap-server.
 */
for (const name of ['proxy', productionBackend.name]) {
  const backend = CMS.getBackend(name);
  if (!backend) continue;
  const init = backend.init;
  backend.init = (...args: unknown[]) => {
    const implementation = (init as (...a: unknown[]) => BackendImplementation)(...args);
    const persistEntry = implementation.persistEntry.bind(implementation);
    implementation.persistEntry = async (entry, options) => {
      const year = collectionYear(options.collectionName);
      if (year) {
        const paths = entry.dataFiles.map((file) => file.newPath ?? file.path);
        const problem =
          paths.map((path) => articlePathProblem(path, t)).find(Boolean) ?? (options.newEntry ? await takenInAnotherYear(implementation, year, paths[0] ?? '') : undefined);
        if (problem) throw new Error(problem);
      }
      return persistEntry(entry, options);
    };
    return implementation;
  };
}

CMS.registerWidget(ALT_TEXT_WIDGET, altTextControl(t) as never);

CMS.registerWidgetValueSerializer('image', {
  serialize: (value: unknown) => (typeof value === 'string' ? relativeImagePath(value) : value),
  deserialize: (value: unknown) => value,
});

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    let data = entry.get('data') as EntryData;
    const [image] = HERO_IMAGE_SRC;
    const src = data.getIn([...HERO_IMAGE_SRC]);
    // An image object without a file (alt or caption typed, then the image removed) is no image.
    if (data.getIn([image]) !== undefined && (typeof src !== 'string' || src.trim() === '')) {
      data = data.delete(image);
    }
    data = dateTexts(data.toJS()).reduce((restored, [path, text]) => restored.setIn(path, text), data);
    return blankPaths(data.toJS()).reduce((cleaned, path) => cleaned.deleteIn(path), data);
  },
});

for (const css of [serifCss, sansCss, siteCss, previewCss]) CMS.registerPreviewStyle(css, { raw: true });
for (const year of years) CMS.registerPreviewTemplate(articlesCollection(year), articlePreview(dates, t));
CMS.registerPreviewTemplate('authors', AuthorPreview);

// Decap's own interface in the publication's language, when Decap has it: its phrases arrive as a chunk of their own.
const locale = decapLocale(dates.locale);
if (locale !== DECAP_ENGLISH) CMS.registerLocale(locale, await decapPhrases(locale));

CMS.init({ config: cmsConfig({ localBackendUrl: `http://${location.hostname}:${decapPort}/api/v1`, articleYears: years, liveStories: stories, locale, t }) });
