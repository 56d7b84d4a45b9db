import { describe, expect, it } from 'vitest';
import { indexedPart, pageDigest, shardKey, shardOf, shardOrder } from '../../src/lib/search-shards.ts';

describe('yearly search shards', () => {
  it('puts a page in the year its search filter names', () => {
    expect(shardOf('<span hidden data-pagefind-filter="year[data-year]" data-year="2024"></span>')).toBe('2024');
    expect(shardOf('<p>No year here</p>')).toBeUndefined();
  });

  it('lists the newest year first', () => {
    expect(shardOrder(['2023', '2026', '2024'])).toEqual(['2026', '2024', '2023']);
  });

  it('keys a shard by its pages and their bytes, in any order', () => {
    const a = { file: 'articles/a/index.html', digest: pageDigest('<p>a</p>') };
    const b = { file: 'articles/b/index.html', digest: pageDigest('<p>b</p>') };
    const key = shardKey('2026', [a, b], {});
    expect(shardKey('2026', [b, a], {})).toBe(key);
    expect(key).toMatch(/^2026-/);
    expect(shardKey('2026', [a], {})).not.toBe(key);
    expect(shardKey('2026', [a, { ...b, digest: pageDigest('<p>b!</p>') }], {})).not.toBe(key);
    expect(shardKey('2026', [a, b], { excludeSelectors: ['x'] })).not.toBe(key);
  });

  it('keys a page by what Pagefind reads of it: the marked body and the language', () => {
    const page = (related: string, body = 'Body', lang = 'en-GB') =>
      `<html lang="${lang}"><body><article data-pagefind-body><h1>${body}</h1><article class="card">Inner</article></article><div>${related}</div></body></html>`;
    expect(indexedPart(page('One'))).toBe(indexedPart(page('Two')));
    expect(indexedPart(page('One'))).toContain('Inner</article></article>');
    expect(indexedPart(page('One', 'Changed'))).not.toBe(indexedPart(page('One')));
    expect(indexedPart(page('One', 'Body', 'fr'))).not.toBe(indexedPart(page('One')));
    expect(indexedPart('<p>No body marked</p>')).toBe('<p>No body marked</p>');
  });
});
