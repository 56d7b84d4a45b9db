/**
 * Draws the Open Graph cards once the pages are built, from the list the OG
 * route hands over (`src/og/plan.ts`). A card drawn by an earlier build is
 * hard-linked from the card cache; new or changed ones are drawn one per core
 * at a time, since Takumi and sharp draw and encode off the main thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkOrCopy } from '../lib/link-file.ts';
import { cachedOgCard, rendererDigest } from '../og/cache.ts';
import { planFile, readPlan, type PlannedCard } from '../og/plan.ts';
import { site } from '../site.config.ts';

const cardCache = path.join(site.cacheDir, 'broadsheet-og');

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
        const out = fileURLToPath(dir);
        fs.mkdirSync(path.join(out, 'og'), { recursive: true });
        let drawn = 0;
        let next = 0;
        const used = new Set<string>();
        const place = async ({ path: where, card }: PlannedCard) => {
          const cached = await cachedOgCard(card, renderer, cardCache);
          used.add(path.basename(cached.file));
          if (cached.drawn) drawn++;
          linkOrCopy(cached.file, path.join(out, where));
        };
        const worker = async () => {
          while (next < plan.length) await place(plan[next++]!);
        };
        await Promise.all(Array.from({ length: os.availableParallelism() }, worker));
        // Cards of old headlines and deleted articles go, so the cache a CI run saves stays the size of the site.
        for (const file of fs.readdirSync(cardCache)) {
          if (file.endsWith('.jpg') && !used.has(file)) fs.rmSync(path.join(cardCache, file));
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`${plan.length} OG cards: ${drawn} drawn, ${plan.length - drawn} reused, in ${seconds} s`);
      },
    },
  };
}
