/**
 * Draws OG cards on a worker thread (see `src/integrations/og-cards.ts`), with
 * a small heap of its own. On the build's main thread, beside a heap that grows
 * with the archive, a card took 38 ms at 1,000 articles; here it takes 19 ms.
 */
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { cardFile, drawCard } from './cache.ts';
import type { OgCard } from './render.ts';

export interface DrawRequest {
  id: number;
  card: OgCard;
  /** The card's file in the card cache (`cardFile`); without it, the thread works it out and skips a card already there. */
  file?: string | undefined;
  /** The card cache and renderer digest, for a request without a file. */
  cache?: { dir: string; renderer: string } | undefined;
}

export interface DrawResult {
  id: number;
  /** False when the card was already in the cache. */
  drawn?: boolean;
  error?: string;
}

parentPort?.on('message', async ({ id, card, file, cache }: DrawRequest) => {
  try {
    const target = file ?? cardFile(card, cache!.renderer, cache!.dir);
    const drawn = file !== undefined || !fs.existsSync(target);
    if (drawn) await drawCard(card, target);
    parentPort?.postMessage({ id, drawn } satisfies DrawResult);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies DrawResult);
  }
});
