import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrawPool, type CardJob } from '../../src/og/draw-pool.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-pool-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const job = (n: number, heroFile?: string): CardJob => ({
  planned: { path: `og/story-${n}.jpg`, card: { title: `Story number ${n}`, topic: 'World', byline: 'By Amara Okafor', siteName: 'Broadsheet', heroFile } },
  file: path.join(dir, `card-${n}.jpg`),
});

describe('the OG card drawing pool', () => {
  it('draws every card once, on a thread started early and threads added later', async () => {
    const jobs = [1, 2, 3, 4, 5].map((n) => job(n));
    const pool = new DrawPool(root, jobs);
    pool.grow(1);
    await pool.finish(2);
    expect(pool.drawn).toBe(jobs.length);
    for (const { file } of jobs) expect((await sharp(file).metadata()).format).toBe('jpeg');
  });

  it('draws nothing and starts no thread for an empty list', async () => {
    const pool = new DrawPool(root, []);
    pool.grow(2);
    await pool.finish(2);
    expect(pool.drawn).toBe(0);
  });

  it('fails with the card that could not be drawn', async () => {
    const pool = new DrawPool(root, [job(1), job(2, path.join(dir, 'missing-hero.jpg')), job(3)]);
    pool.grow(1);
    await expect(pool.finish(2)).rejects.toThrow('OG card og/story-2.jpg could not be drawn');
  });
});
