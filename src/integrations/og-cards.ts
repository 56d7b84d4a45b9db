/**
 * Draws the Open Graph cards once the pages are built, from the list the OG
 * route hands over (`src/og/plan.ts`). A card drawn by an earlier build is
 * hard-linked from the card cache; new or changed ones are drawn on worker
 * threads, one per core (`src/og/draw-worker.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { linkOrCopy } from '../lib/link-file.ts';
import { cardFile, rendererDigest } from '../og/cache.ts';
import type { DrawRequest, DrawResult } from '../og/draw-worker.ts';
import { planFile, readPlan, type PlannedCard } from '../og/plan.ts';
import { site } from '../site.config.ts';

const cardCache = path.join(site.cacheDir, 'broadsheet-og');

/** Draws each card into its file on `threads` workers; resolves when all are written. */
async function drawAll(root: string, cards: { planned: PlannedCard; file: string }[], threads: number): Promise<void> {
  const workers = Array.from({ length: Math.min(threads, cards.length) }, () => new Worker(path.join(root, 'src/og/draw-worker.ts')));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= cards.length) return resolve();
              const id = next++;
              const { planned, file } = cards[id]!;
              worker.postMessage({ id, card: planned.card, file } satisfies DrawRequest);
            };
            worker.on('message', (result: DrawResult) => {
              if (result.error) reject(new Error(`OG card ${cards[result.id]!.planned.path} could not be drawn: ${result.error}`));
              else send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export function ogCardsIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'broadsheet:og-cards',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      // A list left by an earlier build must never stand in for this one's.
      'astro:build:start': () => fs.rmSync(planFile(site.cacheDir), { force: true }),
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const plan = readPlan(site.cacheDir);
        if (!plan) throw new Error(`The OG card route wrote no list of cards (${planFile(site.cacheDir)}): no card can be drawn.`);
        const renderer = rendererDigest(root);
        const files = plan.map(({ card }) => cardFile(card, renderer, cardCache));
        const missing = plan.map((planned, index) => ({ planned, file: files[index]! })).filter(({ file }) => !fs.existsSync(file));
        fs.mkdirSync(cardCache, { recursive: true });
        await drawAll(root, missing, os.availableParallelism());
        const out = fileURLToPath(dir);
        fs.mkdirSync(path.join(out, 'og'), { recursive: true });
        plan.forEach(({ path: where }, index) => linkOrCopy(files[index]!, path.join(out, where)));
        // Cards of old headlines and deleted articles go, so the cache a CI run saves stays the size of the site.
        const used = new Set(files.map((file) => path.basename(file)));
        for (const file of fs.readdirSync(cardCache)) {
          if (file.endsWith('.jpg') && !used.has(file)) fs.rmSync(path.join(cardCache, file));
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`${plan.length} OG cards: ${missing.length} drawn, ${plan.length - missing.length} reused, in ${seconds} s`);
      },
    },
  };
}
