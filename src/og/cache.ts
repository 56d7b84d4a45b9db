/**
 * Keeps drawn OG cards between builds, keyed by everything that shows on the
 * card and everything that draws it (the card code, the renderer's and the
 * fonts' versions), so an unchanged card is never drawn twice and a changed
 * design never serves an old one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import { renderOgCard, rendererVersions, type OgCard } from './render.ts';

/** The files whose code draws a card, from the project root. */
const CARD_CODE = ['src/og/render.ts', 'src/og/blend.ts', 'src/lib/font-subsets.ts', 'src/lib/images.ts'];

/** A digest of the card code and the versions of what draws it. */
export function rendererDigest(root: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of CARD_CODE) hash.update(file).update(fs.readFileSync(path.join(root, file)));
  return hash.update(JSON.stringify(rendererVersions())).digest('hex');
}

export function cardKey(card: OgCard, renderer: string): string {
  const hero = card.heroFile && fs.existsSync(card.heroFile) ? crypto.createHash('sha256').update(fs.readFileSync(card.heroFile)).digest('hex') : undefined;
  const input = JSON.stringify({ renderer, ...card, hero });
  return crypto.createHash('sha256').update(input).digest('hex').slice(0, 32);
}

/** Where the card with this content, drawn by this renderer, lives in the card cache. */
export function cardFile(card: OgCard, renderer: string, cacheDir: string): string {
  return path.join(cacheDir, `${cardKey(card, renderer)}.jpg`);
}

/** Draws a card into the cache under the name `cardFile` gave it. */
export async function drawCard(card: OgCard, file: string): Promise<void> {
  const jpeg = await renderOgCard(card);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A killed build never leaves half a card under a real key.
  writeFileAtomic(file, jpeg);
}

/** The cached card's file, drawn first if no build has drawn it yet. Returns whether it was drawn. */
export async function cachedOgCard(card: OgCard, renderer: string, cacheDir: string): Promise<{ file: string; drawn: boolean }> {
  const file = cardFile(card, renderer, cacheDir);
  if (fs.existsSync(file)) return { file, drawn: false };
  await drawCard(card, file);
  return { file, drawn: true };
}
