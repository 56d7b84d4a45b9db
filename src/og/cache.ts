/**
 * Keeps rendered OG cards between builds, keyed by everything that shows on
 * the card and everything that draws it (this folder's code, the renderer's
 * and the fonts' versions), so an unchanged card is never rendered twice and
 * a changed design never serves an old one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { renderOgCard, rendererVersions, type OgCard } from './render.ts';
import { site } from '../site.config.ts';

const cacheDir = path.join(site.cacheDir, 'broadsheet-og');

let rendererDigest: string | undefined;

/** The source of the card code (this folder and the font helper it uses) and the versions of what draws it. */
function renderer(): string {
  rendererDigest ??= crypto
    .createHash('sha256')
    .update(JSON.stringify(import.meta.glob(['./*.ts', '../lib/font-subsets.ts'], { query: '?raw', import: 'default', eager: true })))
    .update(JSON.stringify(rendererVersions()))
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
