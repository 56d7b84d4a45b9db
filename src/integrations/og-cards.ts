/**
 * Draws the Open Graph cards from the list the OG route hands over
 * (`src/og/plan.ts`). A card drawn by an earlier build is hard-linked from
 * the card cache; new or changed ones are drawn on worker threads
 * (`src/og/draw-pool.ts`): one from the moment the route hands over the list,
 * one per core once the pages are done. A first build, which finds most
 * cards missing, also draws the cards the content check expects
 * (`src/og/guess.ts`) on one thread while Astro syncs the content and
 * bundles, which leaves a core idle; that thread stops when the list comes.
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
import type { ContentFacts } from './validate-content.ts';
import type { PrerenderListener } from './prerender-watch.ts';
import { CACHE } from './cache-layout.ts';

const cardCache = path.join(site.cacheDir, CACHE.og);

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

/** Starts drawing the guessed cards on one thread, unless the cache already holds most cards (a publish, where it would only compete for the CPU). */
function drawAhead(root: string, guesses: PlannedCard[]): DrawPool | undefined {
  const cached = fs.existsSync(cardCache) ? fs.readdirSync(cardCache).length : 0;
  if (guesses.length === 0 || cached >= guesses.length / 2) return undefined;
  fs.mkdirSync(cardCache, { recursive: true });
  const pool = new DrawPool(root, guesses.map((planned) => ({ planned })), { dir: cardCache, renderer: rendererDigest(root) });
  pool.grow(1);
  return pool;
}

/** `listener` is to be told when the routes have listed their pages (`prerender-watch.ts`). */
export function ogCardsIntegration(facts: ContentFacts): AstroIntegration & { listener: PrerenderListener } {
  let root = '';
  let ahead: DrawPool | undefined;
  let drawing: Promise<Drawing> | undefined;
  /** Stops drawing guesses (the cards being drawn finish) and says how many it drew. */
  const stopAhead = async () => {
    const pool = ahead;
    ahead = undefined;
    await pool?.stop();
    return pool?.drawn ?? 0;
  };
  let drawnAhead = 0;
  return {
    name: 'broadsheet:og-cards',
    listener: {
      // The route wrote its list while listing its pages: one thread draws beside the page walk.
      listed: () => {
        const plan = readPlan(site.cacheDir);
        if (!plan) return;
        drawing = stopAhead().then((drawn) => {
          drawnAhead = drawn;
          return startDrawing(root, plan, 1);
        });
      },
    },
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        root = fileURLToPath(config.root);
        if (command === 'build') ahead = drawAhead(root, facts.cardGuesses);
      },
      'astro:build:start': () => {
        // A list left by an earlier build must never stand in for this one's.
        fs.rmSync(planFile(site.cacheDir), { force: true });
        drawing = undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        if (!drawing) {
          drawnAhead = await stopAhead();
          const plan = readPlan(site.cacheDir);
          if (!plan) throw new Error(`The OG card route wrote no list of cards (${planFile(site.cacheDir)}): no card can be drawn.`);
          drawing = Promise.resolve(startDrawing(root, plan, 0));
        }
        const { plan, files, missing, pool } = await drawing;
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
        const drawn = Math.min(plan.length, missing.length + drawnAhead);
        logger.info(
          `${plan.length} OG cards: ${drawn} drawn, ${plan.length - drawn} reused, in ${seconds} s after the pages (${drawnAhead} drawn ahead while the content synced, ${beside} while the pages rendered)`,
        );
      },
    },
  };
}
