import { describe, expect, it } from 'vitest';
import { initials } from '../../src/lib/initials.ts';

describe('initials', () => {
  it('takes the first and last names', () => {
    expect(initials('Amara Okafor')).toBe('AO');
    expect(initials('  Jean-Luc de la Fontaine ')).toBe('JF');
  });
  it('copes with one word and non-Latin names', () => {
    expect(initials('Cher')).toBe('C');
    expect(initials('Léa Ørsted')).toBe('LØ');
    expect(initials('李 伟')).toBe('李伟');
  });
});
