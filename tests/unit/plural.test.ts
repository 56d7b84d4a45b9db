import { describe, expect, it } from 'vitest';
import { plural } from '../../src/lib/plural.ts';

describe('plural', () => {
  it('uses the singular for one and the plural otherwise, zero included', () => {
    expect(plural(1, 'part')).toBe('1 part');
    expect(plural(0, 'part')).toBe('0 parts');
    expect(plural(12, 'update')).toBe('12 updates');
  });
});
