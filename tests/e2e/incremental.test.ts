/**
 * Never stale: after each publish in a scripted sequence, the incremental
 * build (reusing the previous build's cache) must equal, file for file, a
 * clean build of the same content with no cache at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { scenario } from '../../bench/scenarios.ts';
import { buildSite, type BuildResult } from '../support/build.ts';
import { describeDiff, diffDirs } from '../support/compare-dirs.ts';
import { testOutput } from '../support/paths.ts';
import { NOT_APPLIED } from '../../src/integrations/content-store.ts';

const NOW = '2026-11-01T00:00:00Z';
const work = path.join(testOutput, 'incremental');
const contentDir = path.join(work, 'content');
const incremental = path.join(work, 'incremental');
const clean = path.join(work, 'clean');
const env = { BROADSHEET_NOW: NOW };

/** Publishes grouped in pairs: each step is one incremental build checked against one clean build. */
const STEPS = [
  ['edit-body', 'change-headline'],
  ['add-article', 'delete-article', 'drop-hero'],
  ['rename-author', 'move-topic'],
  ['change-settings', 'draft-article'],
  ['post-update', 'join-series'],
  ['post-update', 'end-live'],
];

async function build(outDir: string): Promise<BuildResult> {
  const result = await buildSite({ contentDir, outDir, env });
  expect(result.code, result.output).toBe(0);
  return result;
}

/** A clean build in a fresh folder with a fresh cache, compared with the incremental output. */
async function expectSameAsClean() {
  fs.rmSync(clean, { recursive: true, force: true });
  fs.rmSync(`${clean}.cache`, { recursive: true, force: true });
  await build(clean);
  const diff = diffDirs(incremental, clean);
  expect(describeDiff(diff, ['incremental', 'clean'])).toBe('');
}

/** Pages Astro reused: "(cached)" when already linked into the output (`restore-pages.ts`), "(restored)" when it copied them. */
const REUSED = /\((?:cached|restored)\)$/;
const restoredPages = (result: BuildResult) => result.output.split('\n').filter((line) => REUSED.test(line.trim())).length;

describe('an incremental build', () => {
  beforeAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    await generateCorpus({ dir: contentDir, articles: 24, imagesEvery: 8, seed: 5, now: new Date(NOW) });
    await build(incremental);
  });

  for (const names of STEPS) {
    it(`equals a clean build after: ${names.join(', ')}`, async () => {
      for (const name of names) scenario(name).apply(contentDir, new Date(NOW));
      const result = await build(incremental);
      // The settings show on every page, so that step may restore nothing; every other step must reuse pages.
      if (!names.includes('change-settings')) expect(restoredPages(result)).toBeGreaterThan(0);
      await expectSameAsClean();
    });
  }

  it('re-renders no article page for a posted alert, and still equals a clean build', async () => {
    scenario('post-alert').apply(contentDir, new Date(NOW));
    const result = await build(incremental);
    const articles = result.output.match(/\/articles\/[^ ]+\/index\.html \([^)]*\)/g) ?? [];
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.filter((line) => !REUSED.test(line))).toEqual([]);
    await expectSameAsClean();
    expect(fs.readFileSync(path.join(incremental, 'alerts.json'), 'utf8')).toContain('Flood barrier closed');
  });

  it('discards a cache that a killed build left behind, and says so', async () => {
    const stateFile = path.join(`${incremental}.cache`, 'broadsheet-build.json');
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { complete: boolean };
    fs.writeFileSync(stateFile, JSON.stringify({ ...state, complete: false }));
    // A page cached under its current key but holding other bytes: only a discarded cache keeps it out.
    const cachedArticles = path.join(`${incremental}.cache`, 'dist', 'articles');
    const cachedPage = fs.readdirSync(cachedArticles)[0]!;
    fs.writeFileSync(path.join(cachedArticles, cachedPage, 'index.html'), 'half-written');
    const result = await build(incremental);
    expect(result.output).toContain('Build cache discarded: the last build did not finish.');
    expect(restoredPages(result)).toBe(0);
    expect(diffDirs(incremental, clean)).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  });

  it('reuses everything when nothing changed', async () => {
    const result = await build(incremental);
    expect(result.output).not.toContain('Build cache discarded');
    expect(result.output).toContain('CMS bundle unchanged');
    expect(result.output).not.toContain(NOT_APPLIED);
    expect(restoredPages(result)).toBeGreaterThan(40);
    expect(result.output).not.toMatch(/├─ \/articles\/.*\(\+\d/);
    // Every image size is the image cache's own file, linked in (`restore-pages.ts`), not a copy of it.
    const variants = fs.readdirSync(path.join(incremental, '_astro')).filter((file) => file.endsWith('.webp'));
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.filter((file) => fs.statSync(path.join(incremental, '_astro', file)).nlink < 2)).toEqual([]);
    const cards = fs.readdirSync(path.join(incremental, 'og'));
    expect(result.output).toContain(`${cards.length} OG cards: 0 drawn, ${cards.length} reused`);
    // After headline changes and a deletion, the card cache holds the site's cards and no others.
    const cachedCards = fs.readdirSync(path.join(`${incremental}.cache`, 'broadsheet-og')).filter((file) => file.endsWith('.jpg'));
    expect(cachedCards).toHaveLength(cards.length);
  });
});
