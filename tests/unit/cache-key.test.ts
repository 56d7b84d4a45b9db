import { describe, expect, it } from 'vitest';
import { AsyncLocalStorage } from 'node:async_hooks';
import { collectPrerenderMetadata, installRenderScope } from 'astro/app';
import { createImageAsset } from 'astro/assets/image-asset';
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

  it('reads an imported image without marking its source file as shipped', async () => {
    installRenderScope(new AsyncLocalStorage());
    const metadata = { src: '/_astro/hero.abc.jpg', width: 2000, height: 1250, format: 'jpg' as const };
    // Astro's own object for an imported image: reading its `src` inside a render marks the source as shipped.
    const image = createImageAsset(metadata, '/content/hero.jpg', true);
    const keyed = await collectPrerenderMetadata(async () => cacheKey({ image }));
    expect(keyed.value).toBe(cacheKey({ image: metadata }));
    expect(keyed.metadata?.referencedImages).toEqual([]);
    // A plain read does mark it, so the test above can fail.
    const read = await collectPrerenderMetadata(async () => image.src);
    expect(read.metadata?.referencedImages).toEqual(['/content/hero.jpg']);
  });
});
