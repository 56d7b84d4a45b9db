/**
 * Everything Broadsheet relies on in Astro that Astro does not document:
 * the names in its cache folder, the shape of its incremental build manifest,
 * the id of its content store module, how an imported image marks its
 * source as shipped, where its content store class lives (for the loader
 * tests), and what the glob loader is handed to parse frontmatter. Nothing else in the code names them. Each was read in
 * Astro's source for the releases in `TESTED`; the build stops at its start,
 * with one line, under any other release, since a changed name would not
 * fail but quietly serve stale pages or drop the speed-ups.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { getUntrackedImage } from 'astro/assets/image-asset';

/** The Astro releases this module was checked against: from, and below. */
export const TESTED = { from: '7.4.8', below: '7.5.0' } as const;

/** What Astro keeps in its cache folder (`astro/dist/core/build/incremental.js`, `assets/build/generate.js`, `content/paths.js`). */
export const ASTRO_CACHE = {
  /** The incremental build's manifest: each page's key, output file and images. */
  manifest: 'incremental-build.json',
  /** A copy of each page rendered with a cache key, by its output path. */
  pages: 'dist',
  /** Each encoded image variant, under its output file's name. */
  images: 'assets',
  /** The content store that `astro build` writes and its pages read; the dev server keeps its own in `.astro/`. */
  store: 'data-store.json',
  /** The content layer's other files. */
  content: 'content',
} as const;

/** Astro's virtual module for the content store (`astro/dist/content/consts.js`), as resolved. */
export const STORE_MODULE = '\0astro:data-layer-content';

/** The incremental build manifest's top-level keys (`astro/dist/core/build/incremental.js`). */
const MANIFEST_KEYS = ['version', 'configHash', 'routes'];

/** Whether `value` is the incremental build manifest, told by its shape. */
export function isBuildManifest(value: unknown): boolean {
  return typeof value === 'object' && value !== null && MANIFEST_KEYS.every((key) => key in value);
}

/**
 * An imported image with the same data, minus the mark: reading `src` on
 * Astro's own object records its source as used, and Astro then ships the
 * full-size original beside the variants.
 */
export function untrackedImage<T>(image: T): T {
  return getUntrackedImage(image);
}

/**
 * A fresh content store of the kind Astro's content layer hands to loaders
 * (`astro/dist/content/mutable-data-store.js`, which Astro does not export),
 * scoped to one collection: what the loader tests load into. Imported on
 * call, so the build never loads it.
 */
export async function contentStore(collection: string): Promise<LoaderContext['store']> {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'dist/content/mutable-data-store.js');
  const { MutableDataStore } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { MutableDataStore: new () => { scopedStore(collection: string): LoaderContext['store'] } };
  return new MutableDataStore().scopedStore(collection);
}

/** What Astro hands its loaders beyond `LoaderContext`: the content entry types by file extension (`content/content-layer.js`). */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): unknown;
}
type WithEntryTypes = LoaderContext & { entryTypes?: Map<string, EntryType> };

/**
 * `loader` (Astro's glob loader), made to parse only the files that changed.
 * The glob loader reads each file's frontmatter before it compares the file's
 * digest with its stored entry's (`content/loaders/glob.js`), so each publish
 * parsed every article's frontmatter to find the one that changed: 1.6 s of
 * the 4.8 s content sync at 10,000 articles. A file whose contents are its
 * stored entry's, by digest, is handed to the loader with empty data, which
 * it never reads: it keeps that entry as it is. Only for a loader whose ids
 * come from file paths alone; without entry types in its context (a later
 * Astro), the loader runs as it is.
 */
export function parseOnlyChanged(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const { entryTypes, store, config, generateDigest } = context as WithEntryTypes;
      if (!entryTypes) return loader.load(context);
      const root = fileURLToPath(config.root);
      const idByFile = new Map<string, string>();
      for (const entry of store.values()) if (entry.filePath) idByFile.set(entry.filePath, entry.id);
      // Against the store as it is now: under the dev server a file may change back to what it was at the start.
      const unchanged = (fileUrl: URL, contents: string) => {
        const file = path.relative(root, fileURLToPath(fileUrl)).split(path.sep).join('/');
        const id = idByFile.get(file);
        const stored = id === undefined ? undefined : store.get(id);
        return stored?.filePath === file && stored.digest === generateDigest(contents);
      };
      const skipping = new Map(
        [...entryTypes].map(([extension, type]) => [
          extension,
          { ...type, getEntryInfo: (params: { contents: string; fileUrl: URL }) => (unchanged(params.fileUrl, params.contents) ? { data: {}, body: '' } : type.getEntryInfo(params)) },
        ]),
      );
      return loader.load({ ...context, entryTypes: skipping } as WithEntryTypes);
    },
  };
}

/** `[major, minor, patch]` of a release such as `7.4.8` (a pre-release counts as its release). */
function parts(version: string): number[] {
  return version.split(/[.-]/).slice(0, 3).map(Number);
}

function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index++) if (x[index] !== y[index]) return x[index]! - y[index]!;
  return 0;
}

/** Why Astro `version` cannot be used, in one line; undefined when it was tested. */
export function untestedAstro(version: string): string | undefined {
  if (compare(version, TESTED.from) >= 0 && compare(version, TESTED.below) < 0) return undefined;
  return `Astro ${version} is outside the releases Broadsheet was tested with (${TESTED.from} up to ${TESTED.below}, not included): install those (npm ci), or check src/integrations/astro-internals.ts against the new release and widen TESTED.`;
}

/** The installed Astro's release, from its package file. */
export function astroVersion(): string {
  return (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;
}

/** First of the integrations: stops `astro build` and `astro dev` under an untested Astro. */
export function astroVersionIntegration(version = astroVersion()): AstroIntegration {
  return {
    name: 'broadsheet:astro-version',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const reason = untestedAstro(version);
        if (!reason) return;
        // One line, not a stack trace: nothing is wrong with the code that reports it.
        logger.error(reason);
        process.exit(1);
      },
    },
  };
}
