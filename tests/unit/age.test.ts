import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ageNotice, fullYearsBetween } from '../../src/lib/age.ts';
import { translator, type Dictionary } from '../../src/i18n/translate.ts';

const t = translator(JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary, 'en-GB');

const at = (iso: string) => new Date(iso);

describe('age notice', () => {
  it('counts whole calendar years', () => {
    expect(fullYearsBetween(at('2024-05-07T09:00:00Z'), at('2026-05-07T08:59:59Z'))).toBe(1);
    expect(fullYearsBetween(at('2024-05-07T09:00:00Z'), at('2026-05-07T09:00:00Z'))).toBe(2);
    expect(fullYearsBetween(at('2026-05-07T09:00:00Z'), at('2026-01-01T00:00:00Z'))).toBe(0);
  });

  it("treats 28 February as a leap day's anniversary", () => {
    expect(fullYearsBetween(at('2024-02-29T12:00:00Z'), at('2025-02-28T12:00:00Z'))).toBe(1);
    expect(fullYearsBetween(at('2024-02-29T12:00:00Z'), at('2025-02-28T11:00:00Z'))).toBe(0);
  });

  it('speaks once the threshold is reached, in whole years', () => {
    expect(ageNotice(at('2025-11-28T00:00:00Z'), at('2026-11-29T00:00:00Z'), 1, t)).toBe('This article is more than 1 year old');
    expect(ageNotice(at('2023-06-01T00:00:00Z'), at('2026-11-29T00:00:00Z'), 1, t)).toBe('This article is more than 3 years old');
    expect(ageNotice(at('2026-01-01T00:00:00Z'), at('2026-11-29T00:00:00Z'), 1, t)).toBeUndefined();
    expect(ageNotice(at('2024-01-01T00:00:00Z'), at('2026-11-29T00:00:00Z'), 3, t)).toBeUndefined();
  });

  it('is off at a threshold of 0', () => {
    expect(ageNotice(at('2001-01-01T00:00:00Z'), at('2026-11-29T00:00:00Z'), 0, t)).toBeUndefined();
  });
});
