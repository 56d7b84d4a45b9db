/**
 * The build cache folder (`site.cacheDir`, `node_modules/.astro` unless set):
 * every name in it, and what each holds. What each record's key covers, and
 * so what makes it stale, is written in `docs/build-cache.md`;
 * `build-cache.ts` throws away what a build cannot trust.
 */
import { ASTRO_CACHE } from './astro-internals.ts';

export const CACHE = {
  /** Astro's own (`astro-internals.ts`): its page manifest and page copies, the content store, the encoded images. */
  astro: ASTRO_CACHE,
  /** The guard's record: a fingerprint of the code and settings, and whether the last build finished. */
  state: 'broadsheet-build.json',
  /** The last build's output files, linked into the next output before Astro walks the routes (`restore-pages.ts`). */
  pageList: 'broadsheet-pages.json',
  /** The images each page of the last build used (`image-ledger.ts`). */
  imageLedger: 'broadsheet-images.json',
  /** Each article's rendered body, named by its entry and its source's digest (`src/content/body-store.ts`). */
  bodies: 'broadsheet-bodies',
  /** The dev server's bodies: apart, so that a build run beside it never removes one it shows. */
  devBodies: 'broadsheet-bodies-dev',
  /** The search index's shards, each under the digest of its articles' records (`pagefind.ts`). */
  search: 'broadsheet-search',
  /** OG cards under the digest of what each shows (`src/og/`). */
  og: 'broadsheet-og',
  /** The CMS bundle under the digest of its sources (`admin-bundle.ts`). */
  admin: 'broadsheet-admin',
  /** The last output, moved aside while the build goes on and deleted on a thread (`restore-pages.ts`). */
  oldOutput: 'broadsheet-old-output',
} as const;

/**
 * What a distrusted cache loses: everything that describes or holds a
 * previous build's output. The OG cards, the CMS bundle and Astro's encoded
 * images stay, each being keyed by everything it is made from.
 */
export const BUILD_STATE: readonly string[] = [
  ASTRO_CACHE.manifest,
  ASTRO_CACHE.pages,
  ASTRO_CACHE.store,
  ASTRO_CACHE.content,
  CACHE.bodies,
  CACHE.search,
  CACHE.pageList,
  CACHE.imageLedger,
];
