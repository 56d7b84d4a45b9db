import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queryValue, shareLinks } from '../../src/lib/share-links.ts';
import { translator, type Dictionary } from '../../src/i18n/translate.ts';

const t = translator(JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary, 'en-GB');

const url = 'https://broadsheet.example/articles/ports-winter/';
const title = 'Ports & harbours: 50% more #freight? "Yes" + more';

describe('share links', () => {
  it('keep the colons and slashes of a URL readable in a query', () => {
    expect(queryValue(url)).toBe(url);
  });

  it.each(shareLinks(url, title, t).filter((link) => link.href.startsWith('https:')))('$label gets back the exact URL and title', ({ href }) => {
    const params = [...new URL(href).searchParams.values()].join(' ');
    expect(params).toContain(url);
    if (!href.includes('facebook') && !href.includes('linkedin')) expect(params).toContain(title);
  });

  it('escape what would end or split a query value', () => {
    expect(queryValue('a&b=c#d?e f+g')).toBe('a%26b%3Dc%23d%3Fe%20f%2Bg');
  });

  it('mail the URL and title exactly', () => {
    const mail = shareLinks(url, title, t).find((link) => link.label === 'Email')!;
    const [, query = ''] = mail.href.split('?');
    const fields = Object.fromEntries(query.split('&').map((pair) => pair.split('=').map(decodeURIComponent)));
    expect(fields).toEqual({ subject: title, body: url });
  });
});
