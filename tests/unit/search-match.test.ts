import { describe, expect, it } from 'vitest';
import { enoughAgreement, matchedWords, queryWords, realMatchShards } from '../../src/lib/search-match.ts';

/** Years in the order written (object keys that look like numbers would be sorted). */
const years = (entries: Record<string, string[]>) => new Map(Object.entries(entries).sort(([a], [b]) => b.localeCompare(a)));

describe('telling real matches from near-misses across yearly indexes', () => {
  it('splits a query into lower-case words without punctuation', () => {
    expect(queryWords('  Tidewater, Glaciers! ')).toEqual(['tidewater', 'glaciers']);
  });

  it('reads the matched words from the text at the matched positions', () => {
    expect(matchedWords('Ice at the tidewater\nfront, melting.', [3, 4])).toEqual(['tidewater', 'front']);
  });

  it('drops a year that only has the shorter word Pagefind falls back to', () => {
    expect(realMatchShards('tidewater', years({ 2026: ['tidewater'], 2025: ['tides'] }))).toEqual(['2026']);
  });

  it('keeps years whose matches differ from the query by an ending', () => {
    expect(realMatchShards('glaciers', years({ 2026: ['glaciers'], 2025: ['glacier'], 2024: ['glacial'] }))).toEqual(['2026', '2025', '2024']);
    expect(realMatchShards('negotiations', years({ 2026: ['negotiations'], 2025: ['negotiated'] }))).toEqual(['2026', '2025']);
    expect(realMatchShards('housing', years({ 2026: ['housing'], 2025: ['house'], 2024: ['ho'] }))).toEqual(['2026', '2025']);
  });

  it('needs every word of the query', () => {
    const matched = years({ 2026: ['tidewater', 'glacier'], 2025: ['tides', 'glaciers'] });
    expect(realMatchShards('tidewater glacier', matched)).toEqual(['2026']);
  });

  it('keeps a match that differs by an ending when no year has the word itself', () => {
    expect(realMatchShards('tidewaters', years({ 2026: ['tidewater'], 2025: ['tides'] }))).toEqual(['2026']);
  });

  it('finds nothing for a word in no article, even in a single index', () => {
    expect(realMatchShards('inflation', years({ 2026: ['in'] }))).toEqual([]);
    expect(realMatchShards('inflation', years({ 2026: ['in'], 2025: ['infant'] }))).toEqual([]);
    expect(realMatchShards('zzz', years({ 2026: ['zz'], 2025: ['zz'] }))).toEqual([]);
    expect(realMatchShards('running', years({ 2026: ['run'] }))).toEqual(['2026']);
  });

  it('needs all of a short word, and a stem of at least three letters', () => {
    expect(enoughAgreement('at')).toBe(2);
    expect(enoughAgreement('taxes')).toBe(3);
    expect(enoughAgreement('inflation')).toBe(5);
    expect(realMatchShards('at', years({ 2026: ['a'] }))).toEqual([]);
    expect(realMatchShards('taxes', years({ 2026: ['tax'] }))).toEqual(['2026']);
  });
});
