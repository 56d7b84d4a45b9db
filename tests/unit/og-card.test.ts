import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedOgCard, rendererDigest } from '../../src/og/cache.ts';
import { OG_HEIGHT, OG_WIDTH, renderOgCard } from '../../src/og/render.ts';

const base = { topic: 'World', byline: 'By Amara Okafor', siteName: 'Broadsheet' };

/** Mean absolute difference between two cards, 0–255. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((image) => sharp(image).greyscale().raw().toBuffer()));
  let total = 0;
  for (let i = 0; i < x!.length; i++) total += Math.abs(x![i]! - y![i]!);
  return total / x!.length;
}

describe('Open Graph cards', () => {
  it('are 1200×630 JPEGs', async () => {
    const meta = await sharp(await renderOgCard({ ...base, title: 'Ports prepare for a record winter' })).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([OG_WIDTH, OG_HEIGHT, 'jpeg']);
  });

  it.each([
    ['Cyrillic', 'Переговоры о воде продолжаются'],
    ['Arabic', 'محادثات المياه تدخل أسبوعها الثاني'],
    ['Chinese', '水资源谈判进入第二周'],
    ['Japanese', '水資源の交渉は二週目に入った'],
  ])('draw %s headlines with real glyphs', async (_script, title) => {
    // Private-use characters have no glyph in any font: the card shows no headline at all.
    const blank = await renderOgCard({ ...base, title: '\uE000'.repeat([...title].length) });
    const drawn = await renderOgCard({ ...base, title });
    expect(await difference(blank, drawn)).toBeGreaterThan(1);
  });

  it('mirror for a language written right to left: the red edge and the text change sides', async () => {
    const card = { topic: 'العالم', byline: 'بقلم أمارا أوكافور', siteName: 'برودشيت', title: 'محادثات المياه تدخل أسبوعها الثاني' };
    const redAt = async (image: Buffer, x: number) => {
      const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
      const at = (OG_HEIGHT / 2) * info.width * info.channels + x * info.channels;
      return data[at]! > 120 && data[at + 1]! < 60;
    };
    const ltr = await renderOgCard(card);
    const rtl = await renderOgCard({ ...card, direction: 'rtl' });
    expect([await redAt(ltr, 8), await redAt(ltr, OG_WIDTH - 8)]).toEqual([true, false]);
    expect([await redAt(rtl, 8), await redAt(rtl, OG_WIDTH - 8)]).toEqual([false, true]);
    expect(await difference(ltr, rtl)).toBeGreaterThan(1);
  });
});

describe('the Open Graph card cache', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('draws a card once and reuses it until the article changes', async () => {
    const renderer = rendererDigest(process.cwd());
    const card = { ...base, title: 'A headline that stays the same' };
    const first = await cachedOgCard(card, renderer, dir);
    expect(first.drawn).toBe(true);
    // Mark the cached card: getting the mark back proves the second build did not draw again.
    fs.writeFileSync(first.file, 'cached card');
    const again = await cachedOgCard(card, renderer, dir);
    expect([again.drawn, fs.readFileSync(again.file, 'utf8')]).toEqual([false, 'cached card']);
    const changed = await cachedOgCard({ ...card, title: 'A headline that changed' }, renderer, dir);
    expect(changed.drawn).toBe(true);
    expect(fs.readdirSync(dir)).toHaveLength(2);
  });

  it('draws every card again when the code that draws them changes', async () => {
    const card = { ...base, title: 'Same words, new design' };
    const before = await cachedOgCard(card, 'renderer-a', dir);
    const after = await cachedOgCard(card, 'renderer-b', dir);
    expect(after.drawn).toBe(true);
    expect(after.file).not.toBe(before.file);
  });

  it('covers the card code in the renderer digest', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'og-code-'));
    for (const file of ['src/og/render.ts', 'src/og/blend.ts', 'src/lib/font-subsets.ts', 'src/lib/images.ts']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.copyFileSync(file, path.join(root, file));
    }
    const digest = rendererDigest(root);
    fs.appendFileSync(path.join(root, 'src/og/blend.ts'), '\n');
    expect(rendererDigest(root)).not.toBe(digest);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
