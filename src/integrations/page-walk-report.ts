/**
 * Reports, in one line at the end of a build, what Astro's page walk did
 * (`src/lib/page-walk.ts`), from what it tells `prerender-watch.ts` and the
 * image ledger: the benchmark reads this line, never Astro's own log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatPageWalk, sectionOf } from '../lib/page-walk.ts';
import { CACHE } from './cache-layout.ts';
import type { ImageRecord } from './image-ledger.ts';
import type { PrerenderListener } from './prerender-watch.ts';

/** `images`: the image ledger, which knows every variant this build's pages use. */
export function pageWalkReportIntegration(images: ImageRecord): AstroIntegration & { listener: PrerenderListener } {
  let building = false;
  /** The variants Astro's image cache held before this build: any other one this build uses, it encoded. */
  let cachedImages = new Set<string>();
  let listed = 0;
  let listingSeconds = 0;
  let listedAt = 0;
  let lastRenderAt = 0;
  let finishedAt = 0;
  const bySection: Record<string, number> = {};
  let rendered = 0;
  return {
    name: 'broadsheet:page-walk',
    listener: {
      listed: (pages, _metadata, seconds) => {
        listed = pages.length;
        listingSeconds = seconds;
        listedAt = lastRenderAt = performance.now();
      },
      rendered: (pathname, _metadata, seconds) => {
        rendered += 1;
        lastRenderAt = performance.now();
        const section = sectionOf(pathname);
        bySection[section] = (bySection[section] ?? 0) + seconds;
      },
      finished: () => {
        finishedAt = performance.now();
      },
    },
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // After every setup hook, so after the cache guard has judged the image cache.
      'astro:config:done': ({ config }) => {
        const dir = path.join(fileURLToPath(config.cacheDir), CACHE.astro.images);
        if (building && fs.existsSync(dir)) cachedImages = new Set(fs.readdirSync(dir));
      },
      'astro:build:done': ({ logger }) => {
        const variants = [...images.totals().variants].map((file) => path.basename(file));
        const reused = variants.filter((name) => cachedImages.has(name)).length;
        logger.info(
          formatPageWalk({
            listed,
            rendered,
            seconds: listingSeconds + (lastRenderAt - listedAt) / 1000,
            bySection,
            imagesEncoded: variants.length - reused,
            imagesReused: reused,
            imageSeconds: Math.max(0, finishedAt - lastRenderAt) / 1000,
          }),
        );
      },
    },
  };
}
