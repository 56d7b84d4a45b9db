import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, renderOgCard } from '../../src/og/render.ts';

const base = { topic: 'World', authors: ['Amara Okafor'], siteName: 'Broadsheet' };

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
});

describe('the Open Graph card cache', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    vi.stubEnv('BROADSHEET_CACHE_DIR', dir);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders a card once and reuses it until the article changes', async () => {
    vi.resetModules();
    const { cachedOgCard } = await import('../../src/og/cache.ts');
    const card = { ...base, title: 'A headline that stays the same' };
    await cachedOgCard(card);
    const cards = path.join(dir, 'broadsheet-og');
    const [file] = fs.readdirSync(cards);
    // Mark the cached card: getting the mark back proves the second build did not render again.
    const marked = Buffer.from('cached card');
    fs.writeFileSync(path.join(cards, file!), marked);
    expect((await cachedOgCard(card)).equals(marked)).toBe(true);
    const changed = await cachedOgCard({ ...card, title: 'A headline that changed' });
    expect(changed.equals(marked)).toBe(false);
    expect(fs.readdirSync(cards)).toHaveLength(2);
  });
});
