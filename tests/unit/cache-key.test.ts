import { describe, expect, it } from 'vitest';
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
});
