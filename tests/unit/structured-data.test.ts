import { describe, expect, it } from 'vitest';
import { breadcrumbs, newsArticle, webSite } from '../../src/lib/structured-data.ts';

const publisher = { name: 'Broadsheet', url: 'https://news.example/', logo: 'https://news.example/logo.png' };

describe('structured data', () => {
  it('describes a news article with every author, the publisher and corrections', () => {
    const data = newsArticle({
      url: 'https://news.example/articles/a/',
      headline: 'A',
      description: 'Dek',
      images: ['https://news.example/og/a.png'],
      datePublished: new Date('2026-11-27T07:30:00Z'),
      authors: [
        { name: 'One', url: 'https://news.example/authors/one/' },
        { name: 'Two', url: 'https://news.example/authors/two/' },
      ],
      section: 'World',
      keywords: ['water'],
      corrections: [{ date: new Date('2026-11-28T00:00:00Z'), text: 'Fixed a figure.' }],
      publisher,
    }) as unknown as Record<string, unknown>;
    expect(data['@type']).toBe('NewsArticle');
    expect(data['dateModified']).toBe('2026-11-27T07:30:00.000Z');
    expect((data['author'] as unknown[]).length).toBe(2);
    expect(data['correction']).toEqual([{ '@type': 'CorrectionComment', datePublished: '2026-11-28T00:00:00.000Z', text: 'Fixed a figure.' }]);
    expect((data['publisher'] as { logo: { url: string } }).logo.url).toBe(publisher.logo);
  });

  it('numbers breadcrumbs from one and gives the site a search action', () => {
    const list = breadcrumbs([{ name: 'Home', url: 'https://news.example/' }, { name: 'World', url: 'https://news.example/topics/world/' }]) as unknown as { itemListElement: { position: number }[] };
    expect(list.itemListElement.map((item) => item.position)).toEqual([1, 2]);
    const site = webSite('B', 'https://news.example/', 'd', 'https://news.example/search/?q={search_term_string}') as unknown as { potentialAction: { target: { urlTemplate: string } } };
    expect(site.potentialAction.target.urlTemplate).toContain('{search_term_string}');
  });
});
