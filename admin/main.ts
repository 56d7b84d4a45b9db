/**
 * Boots Decap CMS for /admin/. The page passes in what only the build knows
 * (the site's locale and time zone, decap-server's port) as data attributes.
 */
import CMS from 'decap-cms-app';
import siteCss from '../src/styles/global.css?inline';
import serifCss from '@fontsource-variable/source-serif-4/index.css?inline';
import sansCss from '@fontsource-variable/inter/index.css?inline';
import previewCss from './preview.css?inline';
import { ALT_TEXT_WIDGET, ARTICLES, articlePathProblem, cmsConfig, HERO_IMAGE_SRC, productionBackend } from './config.ts';
import { blankPaths, dateTexts, relativeImagePath, type FieldPath } from './cleanup.ts';
import { AltTextControl } from './widgets.ts';
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
const { decapPort = DEFAULT_DECAP_PORT } = document.body.dataset;

/** What Decap hands a backend to save an entry, reduced to what is checked here. */
interface PersistedEntry {
  dataFiles: { path: string; newPath?: string }[];
}

interface BackendImplementation {
  persistEntry(entry: PersistedEntry, options: { collectionName?: string }): Promise<unknown>;
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
    implementation.persistEntry = (entry, options) => {
      const problem =
        options.collectionName === ARTICLES
          ? entry.dataFiles.map((file) => articlePathProblem(file.newPath ?? file.path)).find(Boolean)
          : undefined;
      return problem ? Promise.reject(new Error(problem)) : persistEntry(entry, options);
    };
    return implementation;
  };
}

CMS.registerWidget(ALT_TEXT_WIDGET, AltTextControl as never);

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
CMS.registerPreviewTemplate('articles', articlePreview(dates));
CMS.registerPreviewTemplate('authors', AuthorPreview);

CMS.init({ config: cmsConfig({ localBackendUrl: `http://${location.hostname}:${decapPort}/api/v1` }) });
