import { describe, expect, it } from 'vitest';
// Astro's own code for an imported image (not a public export): the test needs the real proxy.
import { getProxyCode } from '../../node_modules/astro/dist/assets/utils/proxy.js';
import { cacheKey } from '../../src/lib/cache-key.ts';

describe('cacheKey', () => {
  it('is the same for equal values whatever the order of object keys', () => {
    expect(cacheKey({ a: 1, b: { c: 2, d: 3 } })).toBe(cacheKey({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('changes with any value, nested or not, and with the order of list items', () => {
    const key = cacheKey('chrome', [{ title: 'One' }, { title: 'Two' }]);
    expect(cacheKey('chrome', [{ title: 'One' }, { title: 'Two!' }])).not.toBe(key);
    expect(cacheKey('chrome', [{ title: 'Two' }, { title: 'One' }])).not.toBe(key);
    expect(cacheKey('other', [{ title: 'One' }, { title: 'Two' }])).not.toBe(key);
  });

  it('tells dates apart by their time', () => {
    expect(cacheKey(new Date('2026-01-01T00:00:00Z'))).not.toBe(cacheKey(new Date('2026-01-01T00:00:01Z')));
  });

  it('reads an imported image without marking its source file as shipped', () => {
    const global = globalThis as { astroAsset?: { referencedImages: Set<string> } | undefined };
    const saved = global.astroAsset;
    global.astroAsset = { referencedImages: new Set() };
    try {
      const metadata = { src: '/_astro/hero.abc.jpg', width: 2000, height: 1250, format: 'jpg' as const, fsPath: '/content/hero.jpg' };
      const image = new Function(`return (${getProxyCode(metadata, false)})`)() as typeof metadata;
      expect(cacheKey({ image })).toBe(cacheKey({ image: metadata }));
      expect([...global.astroAsset.referencedImages]).toEqual([]);
      // The proxy does mark on a plain read, so the test above can fail.
      expect(image.width).toBe(2000);
      expect([...global.astroAsset.referencedImages]).toEqual(['/content/hero.jpg']);
    } finally {
      global.astroAsset = saved;
    }
  });
});
