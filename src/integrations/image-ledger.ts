/**
 * Keeps the image ledger (`src/lib/image-ledger.ts`): hears which images each
 * rendered page reports (`prerender-watch.ts`), and carries over the last
 * build's record for the pages Astro copies instead. The output's image
 * variants and the held originals are judged against it (`restore-pages.ts`,
 * `held-images.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { decodeLedger, encodeLedger, ledgerTotals, nextLedger, pageImages, pageKey, type ImageLedger } from '../lib/image-ledger.ts';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import { CACHE } from './cache-layout.ts';
import type { PrerenderListener } from './prerender-watch.ts';

/** Images resolved while listing the pages (`getStaticPaths`): part of every build, whatever renders. */
const LISTING = '\0listing';

/** The ledger the last build left in `cacheDir`; empty when there is none. */
function readImageLedger(cacheDir: string): ImageLedger {
  const file = path.join(cacheDir, CACHE.imageLedger);
  return fs.existsSync(file) ? decodeLedger(fs.readFileSync(file, 'utf8')) : new Map();
}

export interface ImageRecord {
  /** Every variant the last build's pages used: what to link into the output before the build. */
  lastVariants(): string[];
  /** Every variant, processed original and untransformed source this build's pages use, as far as known; `complete` when every page's are. */
  totals(): ReturnType<typeof ledgerTotals> & { complete: boolean };
}

export function imageLedgerIntegration(): AstroIntegration & { record: ImageRecord; listener: PrerenderListener } {
  let cacheDir = '';
  let previous: ImageLedger | undefined;
  // Read once, before this build writes its own: the links before the walk and the ledger after it both need it.
  const last = () => (previous ??= readImageLedger(cacheDir));
  let pages: string[] = [];
  const rendered: ImageLedger = new Map();
  let result: ReturnType<typeof nextLedger> | undefined;
  const finish = () => (result ??= nextLedger(last(), [LISTING, ...pages], rendered));

  return {
    name: 'broadsheet:image-ledger',
    record: {
      lastVariants: () => [...ledgerTotals(last()).variants],
      totals: () => {
        const { ledger, missing } = finish();
        return { ...ledgerTotals(ledger), complete: missing.length === 0 };
      },
    },
    listener: {
      listed: (listed, metadata) => {
        pages = listed;
        rendered.set(LISTING, pageImages(metadata));
      },
      // A render without metadata leaves its page out, so the ledger says its images are unknown.
      rendered: (pathname, metadata) => {
        if (metadata) rendered.set(pageKey(pathname), pageImages(metadata));
      },
    },
    hooks: {
      // In the setup, so the folder is known to every step's later hooks whatever their order.
      'astro:config:setup': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ logger }) => {
        const { ledger, missing } = finish();
        if (missing.length > 0) logger.warn(`The images of ${missing.length} page(s) are unknown (first: ${missing[0]}): the last build's image variants are all kept.`);
        writeFileAtomic(path.join(cacheDir, CACHE.imageLedger), encodeLedger(ledger));
      },
    },
  };
}
