import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrawPool, type CardJob } from '../../src/og/draw-pool.ts';
import { cardFile } from '../../src/og/cache.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-pool-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const job = (n: number, heroFile?: string): CardJob => ({
  planned: { path: `og/story-${n}.jpg`, card: { title: `Story number ${n}`, topic: 'World', authors: ['Amara Okafor'], siteName: 'Broadsheet', heroFile } },
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

  it('draws guesses into the cache under their keys, skips those already there, and stops when told', async () => {
    const cache = { dir, renderer: 'test-renderer' };
    const guesses = [1, 2, 3].map((n) => ({ planned: job(n).planned }));
    const first = new DrawPool(root, guesses.slice(0, 1), cache);
    first.grow(1);
    await first.finish(1);
    expect(first.drawn).toBe(1);
    const again = new DrawPool(root, guesses, cache);
    again.grow(1);
    await again.finish(1);
    // The first was already in the cache.
    expect(again.drawn).toBe(2);
    for (const { planned } of guesses) expect(fs.existsSync(cardFile(planned.card, cache.renderer, dir))).toBe(true);

    const many = Array.from({ length: 200 }, (_, n) => ({ planned: job(100 + n).planned }));
    const stopped = new DrawPool(root, many, cache);
    stopped.grow(1);
    await stopped.stop();
    expect(stopped.drawn).toBeLessThan(many.length);
    const drawn = many.filter(({ planned }) => fs.existsSync(cardFile(planned.card, cache.renderer, dir))).length;
    expect(drawn).toBe(stopped.drawn);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
