/**
 * Keeps the build benchmark working: a tiny run end to end. The real
 * measurements (1,000 articles and more) are run by hand, see docs/benchmark.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.ts';
import { runScript } from '../support/run-script.ts';

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-results-'));
afterAll(() => fs.rmSync(resultsDir, { recursive: true, force: true }));

const runBench = (args: string[], script = 'bench/run.ts') => runScript(script, args);

it('builds a 30-article corpus cold, then publishes, and reports sane figures as one JSON line', { timeout: 600_000 }, async () => {
  const { code, stdout, stderr } = await runBench(['--articles', '30', '--images-every', '10', '--json-only', '--results', resultsDir, '--publish', 'edit-body,add-article']);
  expect(code, stderr).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const result = JSON.parse(lines[0]!);

  expect(result.benchmark).toBe('broadsheet-build');
  expect(result.corpus).toMatchObject({ articles: 30, heroImages: 3, authors: 20, topics: 12, imagesEvery: 10 });
  expect(result.corpus.words).toBeGreaterThanOrEqual(30 * 800);

  expect(result.cold.runs).toBe(1);
  expect(result.cold.all).toHaveLength(1);
  expect(result.cold.wallSeconds).toBeGreaterThan(1);
  expect(result.cold.cpuSeconds).toBeGreaterThan(1);
  expect(result.cold.peakRssMB).toBeGreaterThan(100);
  expect(result.cold.peakRssMB).toBeLessThan(8000);
  expect(result.cold.all[0].phases['Total build']).toBeGreaterThan(0);
  expect(result.cold.all[0].peakRssAtSeconds).toBeGreaterThan(0);
  expect(result.cold.all[0].peakRssAtSeconds).toBeLessThanOrEqual(result.cold.all[0].wallSeconds);

  expect(result.htmlPages).toBeGreaterThan(30);
  expect(result.pages).toBeGreaterThanOrEqual(result.htmlPages);
  expect(result.distMB).toBeGreaterThan(0);
  // Three heroes and twenty avatars, each in several widths.
  expect(result.imagesEncoded).toBeGreaterThan(23);

  expect(result.articlePage.page).toBe(`articles/${result.corpus.typicalSlug}`);
  expect(result.articlePage.htmlBytes).toBeGreaterThan(5_000);
  expect(result.articlePage.totalBytes).toBeGreaterThanOrEqual(result.articlePage.htmlBytes + result.articlePage.cssBytes);
  expect(result.articlePage.totalGzipBytes).toBeLessThan(result.articlePage.totalBytes);

  expect(result.search.indexFiles).toBeGreaterThan(0);
  expect(result.search.seconds === null || result.search.seconds > 0).toBe(true);

  expect(result.warm.editedArticle).toBe(result.corpus.editSlug);
  expect(result.warm.wallSeconds).toBeGreaterThan(1);
  expect(result.warm.imagesEncoded).toBeGreaterThanOrEqual(0);
  expect(result.warm.imagesEncoded + result.warm.imagesReused).toBeGreaterThan(0);
  expect(Object.keys(result.publish)).toEqual(['edit-body', 'add-article']);
  expect(result.publish['edit-body']).toEqual(result.warm);
  expect(result.warm.cacheRestoreSeconds).toBeGreaterThan(0);
  // Each publish's steps, from Astro's own --timings report: a change in its format shows here.
  expect(result.warm.steps['content sync']).toBeGreaterThan(0);
  expect(result.warm.steps['generate pages']).toBeGreaterThan(0);
  // A new article renders itself and the lists it joins, and reuses the rest.
  const added = result.publish['add-article'];
  expect(added.editedArticle).toMatch(/^breaking-/);
  expect(added.routesRendered).toBeGreaterThan(1);
  expect(added.routesRestored).toBeGreaterThan(added.routesRendered);

  const files = fs.readdirSync(resultsDir);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^\d{4}-\d\d-\d\d-30\.json$/);
  expect(JSON.parse(fs.readFileSync(path.join(resultsDir, files[0]!), 'utf8'))).toEqual([result]);
  expect(fs.existsSync(path.join(repoRoot, 'bench/.corpus/30'))).toBe(false);
});

it("measures Astro's own floor on near-empty pages, checking that each step reused what it should", { timeout: 300_000 }, async () => {
  const floorResults = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-floor-results-'));
  const { code, stdout, stderr } = await runBench(['--pages', '20', '--json-only', '--results', floorResults], 'bench/floor.ts');
  expect(code, stderr).toBe(0);
  const result = JSON.parse(stdout.trim());
  expect(result.benchmark).toBe('astro-floor');
  expect(Object.keys(result.results)).toEqual(['20']);
  const steps = result.results['20'];
  expect(Object.keys(steps)).toEqual(['cold', 'unchanged', 'in place', 'all changed']);
  for (const step of Object.values(steps) as { wallSeconds: number; cpuSeconds: number; peakRssMB: number }[]) {
    expect(step.wallSeconds).toBeGreaterThan(0);
    expect(step.cpuSeconds).toBeGreaterThan(0);
    expect(step.peakRssMB).toBeGreaterThan(50);
  }
  expect(fs.existsSync(path.join(repoRoot, 'bench/.corpus/floor-20'))).toBe(false);
  const files = fs.readdirSync(floorResults);
  expect(files).toEqual([`${result.date.slice(0, 10)}-floor.json`]);
  expect(JSON.parse(fs.readFileSync(path.join(floorResults, files[0]!), 'utf8'))).toEqual([result]);
  fs.rmSync(floorResults, { recursive: true, force: true });
});
