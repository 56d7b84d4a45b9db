/**
 * The cards a build must draw, handed from the site's code (which has the
 * content) to the build hook that draws them (`src/integrations/og-cards.ts`).
 * Cards are images, not pages: drawn outside Astro's page walk, an unchanged
 * card costs a hard link instead of a page-cache lookup and a copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import type { OgCard } from './render.ts';
import { CACHE } from '../integrations/cache-layout.ts';

export interface PlannedCard {
  /** Where the card goes, from the site root (`paths.ogCard`). */
  path: string;
  card: OgCard;
}

export const planFile = (cacheDir: string) => path.join(cacheDir, CACHE.og, 'plan.json');

export function writePlan(cacheDir: string, cards: PlannedCard[]): void {
  const file = planFile(cacheDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify(cards));
}

export function readPlan(cacheDir: string): PlannedCard[] | undefined {
  const file = planFile(cacheDir);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PlannedCard[]) : undefined;
}
