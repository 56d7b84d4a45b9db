/**
 * Draws the Open Graph cards the content check described (`src/og/cards.ts`).
 * A card drawn by an earlier build is hard-linked from the card cache; new or
 * changed ones are drawn on worker threads (`src/og/draw-pool.ts`): one from
 * the end of the setup, beside Astro's content sync, bundling and page walk,
 * which leave a core idle; one per core once the pages are done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkOrCopy } from '../lib/link-file.ts';
import { cardFile, rendererDigest } from '../og/cache.ts';
import { DrawPool } from '../og/draw-pool.ts';
import type { PlannedCard } from '../og/plan.ts';
import { site } from '../site.config.ts';
import { CACHE } from './cache-layout.ts';

const cardCache = path.join(site.cacheDir, CACHE.og);

interface Drawing {
  plan: PlannedCard[];
  files: string[];
  missing: number;
  pool: DrawPool;
}

/** Works out which cards are missing from the cache and starts drawing them on one thread. */
function startDrawing(root: string, plan: PlannedCard[]): Drawing {
  const renderer = rendererDigest(root);
  const files = plan.map(({ card }) => cardFile(card, renderer, cardCache));
  const missing = plan.map((planned, index) => ({ planned, file: files[index]! })).filter(({ file }) => !fs.existsSync(file));
  fs.mkdirSync(cardCache, { recursive: true });
  const pool = new DrawPool(root, missing);
  pool.grow(1);
  return { plan, files, missing: missing.length, pool };
}

/** `cards`: the content check's list of the cards this build draws. */
export function ogCardsIntegration(cards: () => PlannedCard[]): AstroIntegration {
  let building = false;
  let drawing: Drawing | undefined;
  return {
    name: 'broadsheet:og-cards',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // After every setup hook, so after the cache guard has judged the card cache.
      'astro:config:done': ({ config }) => {
        if (building) drawing = startDrawing(fileURLToPath(config.root), cards());
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!drawing) throw new Error('The OG cards were never started: broadsheet:og-cards did not see the build begin.');
        const started = performance.now();
        const { plan, files, missing, pool } = drawing;
        const beside = pool.drawn;
        await pool.finish(os.availableParallelism());
        const out = fileURLToPath(dir);
        fs.mkdirSync(path.join(out, 'og'), { recursive: true });
        plan.forEach(({ path: where }, index) => linkOrCopy(files[index]!, path.join(out, where)));
        // Cards of old headlines and deleted articles go, so the cache a CI run saves stays the size of the site.
        const used = new Set(files.map((file) => path.basename(file)));
        for (const file of fs.readdirSync(cardCache)) {
          if (file.endsWith('.jpg') && !used.has(file)) fs.rmSync(path.join(cardCache, file));
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`${plan.length} OG cards: ${missing} drawn, ${plan.length - missing} reused, in ${seconds} s after the pages (${beside} drawn beside the build)`);
      },
    },
  };
}
