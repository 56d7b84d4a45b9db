import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { repoRoot, testOutput } from '../support/paths.ts';

/** Builds the valid fixture as if it were `now`; returns the output folder. */
async function buildValidFixture(name: string, now: string): Promise<string> {
  const outDir = path.join(testOutput, name);
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await buildSite({ contentDir: path.join(repoRoot, 'tests/fixtures/valid'), outDir, env: { BROADSHEET_NOW: now } });
  expect(result.code, result.output).toBe(0);
  return outDir;
}

describe('production builds refuse broken content', () => {
  it('fails on the broken fixture, naming every broken file and field in one run, and writes no site', async () => {
    const outDir = path.join(testOutput, 'broken-site');
    fs.rmSync(outDir, { recursive: true, force: true });
    const result = await buildSite({ contentDir: path.join(repoRoot, 'tests/fixtures/broken'), outDir });
    expect(result.code).not.toBe(0);
    for (const line of [
      'broken/articles/2026/empty-title/index.md › title',
      'broken/articles/2026/unknown-author/index.md › authors.1',
      'broken/articles/2026/unknown-topic/index.md › topics.0',
      'broken/articles/2026/duplicate-slug/index.mdx › slug',
      'broken/articles/2026/missing-image/index.md › image.src',
      'broken/articles/2026/image-without-alt/index.md › image.alt',
      'broken/articles/2026/impossible-date/index.md › publishedAt',
      'broken/articles/2026/updated-before-published/index.md › updatedAt',
      'broken/articles/2026/mdx-syntax-error/index.mdx › line 10',
      'broken/articles/2026/yaml-syntax-error/index.md › line 4',
      'broken/authors/nameless.yml › name',
      'broken/topics/unnamed.yml › name',
      'broken/articles/2026/bad-format/index.md › format',
      'broken/articles/2026/unknown-series/index.md › series',
      'broken/articles/2026/unknown-translation/index.md › translationOf',
      'broken/live/live-story/no-time.md › time',
      'broken/live/live-story/too-early.md › time',
    ]) {
      expect(result.output).toContain(line);
    }
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });

  it('builds the valid fixture with drafts and scheduled articles left out', async () => {
    const outDir = await buildValidFixture('valid-site', '2026-06-01T00:00:00Z');
    expect(fs.existsSync(path.join(outDir, 'articles/first-story/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'articles/hidden-draft/index.html'))).toBe(false);
    expect(fs.existsSync(path.join(outDir, 'articles/future-story/index.html'))).toBe(false);
    // No newsletter in its settings, no series, no live stories, no alerts file: none of them appear.
    const first = fs.readFileSync(path.join(outDir, 'articles/first-story/index.html'), 'utf8');
    expect(first).not.toContain('class="newsletter"');
    expect(first).toContain("form-action 'self'\"");
    expect(first).not.toContain('live-updates');
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'alerts.json'), 'utf8'))).toEqual({ alerts: [] });
    expect(fs.readdirSync(path.join(outDir, 'series'))).toEqual(['index.html']);
  });

  it('publishes a scheduled article once a build runs after its time', async () => {
    const outDir = await buildValidFixture('valid-site-later', '2099-01-01T09:00:00Z');
    expect(fs.existsSync(path.join(outDir, 'articles/future-story/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'articles/hidden-draft/index.html'))).toBe(false);
  });
});
