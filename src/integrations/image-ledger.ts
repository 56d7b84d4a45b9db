/**
 * Keeps the image ledger (`src/lib/image-ledger.ts`): wraps Astro's own
 * prerenderer, through the public `setPrerenderer`, to hear which images each
 * rendered page reports, and carries over the last build's record for the
 * pages Astro copies instead. The output's image variants and the held
 * originals are judged against it (`restore-pages.ts`, `held-images.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { decodeLedger, encodeLedger, ledgerTotals, nextLedger, pageImages, pageKey, type ImageLedger } from '../lib/image-ledger.ts';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import { CACHE } from './cache-layout.ts';

/** Images resolved while listing the pages (`getStaticPaths`): part of every build, whatever renders. */
const LISTING = '\0listing';

/** The ledger the last build left in `cacheDir`; empty when there is none. */
export function readImageLedger(cacheDir: string): ImageLedger {
  const file = path.join(cacheDir, CACHE.imageLedger);
  return fs.existsSync(file) ? decodeLedger(fs.readFileSync(file, 'utf8')) : new Map();
}

export interface ImageRecord {
  /** Every variant, processed original and untransformed source this build's pages use, as far as known; `complete` when every page's are. */
  totals(): ReturnType<typeof ledgerTotals> & { complete: boolean };
}

export function imageLedgerIntegration(): AstroIntegration & { record: ImageRecord } {
  let cacheDir = '';
  let previous: ImageLedger = new Map();
  let pages: string[] = [];
  const rendered: ImageLedger = new Map();
  let result: ReturnType<typeof nextLedger> | undefined;
  const finish = () => (result ??= nextLedger(previous, [LISTING, ...pages], rendered));

  const wrap = (base: AstroPrerenderer): AstroPrerenderer => ({
    name: base.name,
    ...(base.setup && { setup: () => base.setup!() }),
    ...(base.teardown && { teardown: () => base.teardown!() }),
    getStaticPaths: async () => {
      const listed = await base.getStaticPaths();
      pages = (Array.isArray(listed) ? listed : listed.paths).map(({ pathname }) => pathname);
      rendered.set(LISTING, pageImages(Array.isArray(listed) ? undefined : listed.metadata));
      return listed;
    },
    render: async (request, options) => {
      const page = await base.render(request, options);
      // A render without metadata leaves its page out, so the ledger says its images are unknown.
      if (!(page instanceof Response) && page.metadata) rendered.set(pageKey(decodeURI(new URL(request.url).pathname)), pageImages(page.metadata));
      return page;
    },
  });

  return {
    name: 'broadsheet:image-ledger',
    record: {
      totals: () => {
        const { ledger, missing } = finish();
        return { ...ledgerTotals(ledger), complete: missing.length === 0 };
      },
    },
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        previous = readImageLedger(cacheDir);
        setPrerenderer((base) => wrap(base));
      },
      'astro:build:done': ({ logger }) => {
        const { ledger, missing } = finish();
        if (missing.length > 0) logger.warn(`The images of ${missing.length} page(s) are unknown (first: ${missing[0]}): the last build's image variants are all kept.`);
        writeFileAtomic(path.join(cacheDir, CACHE.imageLedger), encodeLedger(ledger));
      },
    },
  };
}
