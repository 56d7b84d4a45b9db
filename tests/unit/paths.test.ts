import { describe, expect, it } from 'vitest';
import { absoluteUrl, paths, tagSlug } from '../../src/lib/paths.ts';
import { isSlug, slugify } from '../../src/lib/slug.ts';

describe('paths', () => {
  it('builds listing URLs: the front page, then archived pages by number', () => {
    expect(paths.topic('world')).toBe('/topics/world/');
    expect(paths.topic('world', 1)).toBe('/topics/world/1/');
    expect(paths.topic('world', 2)).toBe('/topics/world/2/');
    expect(paths.author('amara-okafor', 3)).toBe('/authors/amara-okafor/3/');
    expect(paths.article('a-story')).toBe('/articles/a-story/');
    expect(paths.archiveYear(2025)).toBe('/archive/2025/');
    expect(paths.archiveDay(2026, 3, 7)).toBe('/archive/2026/03/07/');
  });

  it('slugs tags and encodes the search query', () => {
    expect(paths.tag('United Nations')).toBe('/tags/united-nations/');
    expect(tagSlug('Ядерная энергия')).toBe('ядерная-энергия');
    expect(tagSlug(' الطاقة الشمسية ')).toBe('الطاقة-الشمسية');
    expect(paths.tag(tagSlug('إِعْلَام'))).toBe('/tags/إِعْلَام/');
    expect(absoluteUrl('https://news.example', paths.tag('ядерная-энергия'))).toBe('https://news.example/tags/%D1%8F%D0%B4%D0%B5%D1%80%D0%BD%D0%B0%D1%8F-%D1%8D%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F/');
    expect(paths.search('a&b c')).toBe('/search/?q=a%26b%20c');
  });

  it('joins paths onto the site URL', () => {
    expect(absoluteUrl('https://news.example', '/articles/x/')).toBe('https://news.example/articles/x/');
  });
});

describe('slugs', () => {
  it('folds accents, drops punctuation, collapses separators', () => {
    expect(slugify('Café crème: Zürich’s “new” plan & more!')).toBe('cafe-creme-zurichs-new-plan-and-more');
    expect(slugify('  --Hello   World--  ')).toBe('hello-world');
  });
  it('cuts long slugs at a word boundary', () => {
    expect(slugify('one two three four', 12)).toBe('one-two');
  });
  it('recognises valid slugs', () => {
    expect(isSlug('a-valid-slug-2')).toBe(true);
    expect(isSlug('Not_valid')).toBe(false);
    expect(isSlug('double--hyphen')).toBe(false);
  });
});
