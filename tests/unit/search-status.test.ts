import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pick, translator, type Dictionary } from '../../src/i18n/translate.ts';
import { SEARCH_STATUS_WORDS, searchStatus } from '../../src/lib/search-status.ts';

const english = JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary;
// Only the words the page hands the browser, so a word missing from that list fails here.
const t = translator(pick(english, SEARCH_STATUS_WORDS), 'en-GB');

describe('the search status line', () => {
  it('counts the results for the words searched, and says since when', () => {
    expect(searchStatus(t, { count: 1, query: 'tide', filtered: false, since: undefined })).toBe('1 result for “tide”.');
    expect(searchStatus(t, { count: 12345, query: 'tide', filtered: false, since: '3 March 2026' })).toBe('12,345 results for “tide” since 3 March 2026.');
  });

  it('mentions the filters, with or without words', () => {
    expect(searchStatus(t, { count: 12, query: '', filtered: true, since: undefined })).toBe('12 results with these filters.');
    expect(searchStatus(t, { count: 1, query: '', filtered: true, since: '3 March 2026' })).toBe('1 result with these filters since 3 March 2026.');
    expect(searchStatus(t, { count: 2, query: 'tide', filtered: true, since: undefined })).toBe('2 results for “tide” with these filters.');
    expect(searchStatus(t, { count: 2, query: 'tide', filtered: true, since: '3 March 2026' })).toBe('2 results for “tide” with these filters since 3 March 2026.');
  });

  it('suggests what to change when nothing is found', () => {
    expect(searchStatus(t, { count: 0, query: 'tide', filtered: false, since: '3 March 2026' })).toBe('No results for “tide”. Try another word.');
    expect(searchStatus(t, { count: 0, query: '', filtered: true, since: undefined })).toBe('No results with these filters. Try removing one.');
    expect(searchStatus(t, { count: 0, query: 'tide', filtered: true, since: undefined })).toBe('No results for “tide” with these filters. Try removing one.');
  });
});
