/**
 * Keeps rendered OG cards between builds, keyed by everything that shows on
 * the card and everything that draws it (this folder's code, the renderer's
 * and the fonts' versions), so an unchanged card is never rendered twice and
 * a changed design never serves an old one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { renderOgCard, type OgCard } from './render.ts';
import { site } from '../site.config.ts';

const cacheDir = path.join(site.cacheDir, 'broadsheet-og');
const require = createRequire(import.meta.url);
const DRAWN_WITH = ['satori', '@fontsource/noto-serif', '@fontsource/noto-sans', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-sc'];

let rendererDigest: string | undefined;

/** This folder's source and the versions of the packages that draw the card. */
function renderer(): string {
  rendererDigest ??= crypto
    .createHash('sha256')
    .update(JSON.stringify(import.meta.glob('./*.ts', { query: '?raw', import: 'default', eager: true })))
    .update(JSON.stringify(DRAWN_WITH.map((name) => (require(`${name}/package.json`) as { version: string }).version)))
    .update(JSON.stringify(sharp.versions))
    .digest('hex');
  return rendererDigest;
}

function cardKey(card: OgCard): string {
  const hero = card.heroFile && fs.existsSync(card.heroFile) ? crypto.createHash('sha256').update(fs.readFileSync(card.heroFile)).digest('hex') : undefined;
  const input = JSON.stringify({ renderer: renderer(), ...card, hero });
  return crypto.createHash('sha256').update(input).digest('hex').slice(0, 32);
}

export async function cachedOgCard(card: OgCard): Promise<Buffer> {
  const file = path.join(cacheDir, `${cardKey(card)}.jpg`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const jpeg = await renderOgCard(card);
  fs.mkdirSync(cacheDir, { recursive: true });
  // Written under a temporary name first: a killed build never leaves half a card under a real key.
  fs.writeFileSync(`${file}.tmp`, jpeg);
  fs.renameSync(`${file}.tmp`, file);
  return jpeg;
}
