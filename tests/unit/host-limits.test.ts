import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostFromEnv, hostProblem, type OutputStats } from '../../src/lib/host-limits.ts';
import { outputStats } from '../../src/integrations/host-limits.ts';

const GB = 1024 ** 3;
const stats = (overrides: Partial<OutputStats>): OutputStats => ({
  files: 1_000,
  bytes: 100 * 1024 ** 2,
  fullestFolder: { path: 'articles', entries: 500 },
  largestFile: { path: 'index.html', bytes: 50_000 },
  ...overrides,
});

describe('hostProblem', () => {
  it('says nothing when the output fits', () => {
    for (const host of ['github-pages', 'cloudflare-pages', 'netlify', 's3', 'folder'] as const) expect(hostProblem(stats({}), host)).toBeUndefined();
  });

  it("names GitHub Pages' size limit and a host that fits", () => {
    expect(hostProblem(stats({ bytes: 1.2 * GB }), 'github-pages')).toBe(
      'This site does not fit GitHub Pages: the site is 1229 MB and GitHub Pages publishes at most 1024 MB. It fits Cloudflare Pages (free plan).',
    );
  });

  it("names Cloudflare's file count, then the paid plan or storage that holds more", () => {
    expect(hostProblem(stats({ files: 40_147 }), 'cloudflare-pages')).toBe(
      'This site does not fit Cloudflare Pages (free plan): the site has 40,147 files and Cloudflare Pages (free plan) takes at most 20,000. It fits Cloudflare Pages (paid plan).',
    );
    expect(hostProblem(stats({ files: 374_000, fullestFolder: { path: 'articles', entries: 100_000 } }), 'cloudflare-pages-paid')).toBe(
      'This site does not fit Cloudflare Pages (paid plan): the site has 374,000 files and Cloudflare Pages (paid plan) takes at most 100,000. It fits S3-compatible storage (npm run deploy).',
    );
  });

  it("names Netlify's entries per folder, and the folder", () => {
    expect(hostProblem(stats({ files: 80_000, fullestFolder: { path: 'articles', entries: 60_000 } }), 'netlify')).toContain('articles/ holds 60,000 entries and Netlify takes at most 54,000 in one folder');
  });

  it('names a file too large for Cloudflare', () => {
    expect(hostProblem(stats({ largestFile: { path: 'media/film.mp4', bytes: 30 * 1024 ** 2 } }), 'cloudflare-pages')).toContain('media/film.mp4 is 30 MB');
  });
});

describe('hostFromEnv', () => {
  it('reads a known host, nothing when unset, and refuses an unknown one by name', () => {
    expect(hostFromEnv(undefined)).toBeUndefined();
    expect(hostFromEnv('netlify')).toBe('netlify');
    expect(() => hostFromEnv('geocities')).toThrow(/BROADSHEET_HOST must be one of github-pages, .* got "geocities"/);
  });
});

describe('outputStats', () => {
  it('counts files and bytes, and finds the fullest folder and the largest file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-stats-'));
    fs.mkdirSync(path.join(dir, 'articles', 'a'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'articles', 'b'));
    fs.mkdirSync(path.join(dir, 'articles', 'c'));
    fs.writeFileSync(path.join(dir, 'index.html'), 'x'.repeat(10));
    fs.writeFileSync(path.join(dir, 'articles', 'a', 'index.html'), 'x'.repeat(300));
    fs.writeFileSync(path.join(dir, 'articles', 'b', 'index.html'), 'x'.repeat(20));
    expect(outputStats(dir)).toEqual({ files: 3, bytes: 330, fullestFolder: { path: 'articles', entries: 3 }, largestFile: { path: path.join('articles', 'a', 'index.html'), bytes: 300 } });
    fs.rmSync(dir, { recursive: true });
  });
});
