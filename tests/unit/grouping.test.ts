import { describe, expect, it } from 'vitest';
import { push } from '../../src/lib/grouping.ts';

describe('push', () => {
  it('groups values under their keys, in the order they came, starting a list for a new key', () => {
    const groups = new Map<string, number[]>();
    push(groups, 'a', 1);
    push(groups, 'b', 2);
    push(groups, 'a', 3);
    expect([...groups]).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });
});
