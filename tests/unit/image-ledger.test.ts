import { describe, expect, it } from 'vitest';
import { decodeLedger, encodeLedger, ledgerTotals, nextLedger, pageImages, pageKey, type ImageLedger } from '../../src/lib/image-ledger.ts';

const hero = (name: string, size: number) => ({ originalPath: `/_astro/${name}.jpg`, finalPath: `/_astro/${name}_${size}.webp` });

describe('the image ledger', () => {
  it('takes a page’s variants, originals and linked sources from what its render reported', () => {
    expect(pageImages({ staticImages: [hero('a', 1), hero('a', 2), hero('a', 1)], referencedImages: ['/content/a.jpg'] })).toEqual({
      variants: ['_astro/a_1.webp', '_astro/a_2.webp'],
      originals: ['_astro/a.jpg'],
      sources: ['/content/a.jpg'],
    });
    expect(pageImages(undefined)).toEqual({ variants: [], originals: [], sources: [] });
  });

  it('knows a page by its address with or without the trailing slash', () => {
    expect(pageKey('/articles/a/')).toBe('/articles/a');
    expect(pageKey('/articles/a')).toBe('/articles/a');
    expect(pageKey('/')).toBe('/');
  });

  it('keeps a copied page’s images from the last build, takes a rendered page’s afresh, and drops a page that went', () => {
    const previous: ImageLedger = new Map([
      ['/a', pageImages({ staticImages: [hero('a', 1)] })],
      ['/b', pageImages({ staticImages: [hero('b', 1)] })],
      ['/gone', pageImages({ staticImages: [hero('gone', 1)] })],
    ]);
    const rendered: ImageLedger = new Map([['/b', pageImages({ staticImages: [hero('b', 2)] })]]);
    const { ledger, missing } = nextLedger(previous, ['/a/', '/b/'], rendered);
    expect(missing).toEqual([]);
    expect([...ledgerTotals(ledger).variants].sort()).toEqual(['_astro/a_1.webp', '_astro/b_2.webp']);
  });

  it('names the copied pages whose images it does not know', () => {
    expect(nextLedger(new Map(), ['/a/', '/b/'], new Map([['/b', pageImages(undefined)]])).missing).toEqual(['/a']);
  });

  it('reads back what it stores, and reads anything else as empty', () => {
    const ledger: ImageLedger = new Map([
      ['/a', pageImages({ staticImages: [hero('a', 1), hero('shared', 1)], referencedImages: ['/content/a.jpg'] })],
      ['/b', pageImages({ staticImages: [hero('shared', 1)] })],
      ['/c', pageImages(undefined)],
    ]);
    expect(decodeLedger(encodeLedger(ledger))).toEqual(ledger);
    expect(decodeLedger('not json')).toEqual(new Map());
    expect(decodeLedger('["_astro/a.webp"]')).toEqual(new Map());
  });
});
