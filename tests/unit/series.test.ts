import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partLabel, seriesOrder } from '../../src/lib/series.ts';
import { translator, type Dictionary } from '../../src/i18n/translate.ts';

const t = translator(JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary, 'en-GB');

const member = (id: string, day: number, part?: number) => ({ id, publishedAt: new Date(Date.UTC(2026, 10, day)), part });

describe('series order', () => {
  it('puts numbered parts in number order, whatever their dates', () => {
    const order = seriesOrder([member('c', 1, 3), member('a', 9, 1), member('b', 5, 2)]);
    expect(order.map((part) => part.id)).toEqual(['a', 'b', 'c']);
  });

  it('orders unnumbered parts oldest first, after the numbered ones', () => {
    const order = seriesOrder([member('late', 20), member('one', 25, 1), member('early', 2)]);
    expect(order.map((part) => part.id)).toEqual(['one', 'early', 'late']);
  });

  it('says which part of how many', () => {
    expect(partLabel(1, 5, t)).toBe('Part 2 of 5');
  });
});
