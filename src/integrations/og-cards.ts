/**
 * Draws the Open Graph cards from the list the OG route hands over
 * (`src/og/plan.ts`). A card drawn by an earlier build is hard-linked from
 * the card cache; new or changed ones are drawn on worker threads
 * (`src/og/draw-pool.ts`): one from the moment the route hands over the list,
 * one per core once the pages are done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkOrCopy } from '../lib/link-file.ts';
import { cardFile, rendererDigest } from '../og/cache.ts';
import { DrawPool, type CardJob } from '../og/draw-pool.ts';
import { planFile, readPlan, type PlannedCard } from '../og/plan.ts';
import { site } from '../site.config.ts';

const cardCache = path.join(site.cacheDir, 'broadsheet-og');

/** How often the build looks for the route's list of cards while the pages render. */
const PLAN_POLL_MS = 200;

interface Drawing {
  plan: PlannedCard[];
  files: string[];
  missing: CardJob[];
  pool: DrawPool;
}

/** Works out which cards are missing from the cache and starts drawing them on `threads` threads. */
function startDrawing(root: string, plan: PlannedCard[], threads: number): Drawing {
  const renderer = rendererDigest(root);
  const files = plan.map(({ card }) => cardFile(card, renderer, cardCache));
  const missing = plan.map((planned, index) => ({ planned, file: files[index]! })).filter(({ file }) => !fs.existsSync(file));
  fs.mkdirSync(cardCache, { recursive: true });
  const pool = new DrawPool(root, missing);
  pool.grow(threads);
  return { plan, files, missing, pool };
}

export function ogCardsIntegration(): AstroIntegration {
  let root = '';
  let drawing: Drawing | undefined;
  let poll: NodeJS.Timeout | undefined;
  const stopPolling = () => {
    clearInterval(poll);
    poll = undefined;
  };
  return {
    name: 'broadsheet:og-cards',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        // A list left by an earlier build must never stand in for this one's.
        fs.rmSync(planFile(site.cacheDir), { force: true });
        drawing = undefined;
        // The route writes the list before Astro renders the first page: one thread draws beside the page walk.
        poll = setInterval(() => {
          const plan = readPlan(site.cacheDir);
          if (!plan) return;
          stopPolling();
          drawing = startDrawing(root, plan, 1);
        }, PLAN_POLL_MS).unref();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        stopPolling();
        if (!drawing) {
          const plan = readPlan(site.cacheDir);
          if (!plan) throw new Error(`The OG card route wrote no list of cards (${planFile(site.cacheDir)}): no card can be drawn.`);
          drawing = startDrawing(root, plan, 0);
        }
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
        logger.info(`${plan.length} OG cards: ${missing.length} drawn, ${plan.length - missing.length} reused, in ${seconds} s after the pages (${beside} drawn while they rendered)`);
      },
    },
  };
}
