/**
 * Keeps rendered OG cards between builds, keyed by everything that shows on
 * the card, so an unchanged article is never rendered twice.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { renderOgCard, type OgCard } from './render.ts';

/** Bump when the card design changes, to invalidate every cached card. */
const DESIGN_VERSION = 3;
const cacheDir = path.resolve(process.env['BROADSHEET_OG_CACHE'] ?? 'node_modules/.cache/broadsheet-og');

function cardKey(card: OgCard): string {
  const hero = card.heroFile && fs.existsSync(card.heroFile) ? fs.statSync(card.heroFile) : undefined;
  const input = JSON.stringify({ DESIGN_VERSION, ...card, hero: hero && [hero.size, hero.mtimeMs] });
  return crypto.createHash('sha256').update(input).digest('hex').slice(0, 32);
}

export async function cachedOgCard(card: OgCard): Promise<Buffer> {
  const file = path.join(cacheDir, `${cardKey(card)}.jpg`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const png = await renderOgCard(card);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, png);
  return png;
}
