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

  const base = {
    url: 'https://news.example/articles/live/',
    headline: 'Storm live',
    description: 'Dek',
    images: [],
    datePublished: new Date('2026-11-29T07:00:00Z'),
    authors: [],
    section: 'World',
    keywords: [],
    corrections: [],
    publisher,
  };

  it("uses the format's schema.org type", () => {
    const data = newsArticle({ ...base, schemaType: 'OpinionNewsArticle' }) as unknown as Record<string, unknown>;
    expect(data['@type']).toBe('OpinionNewsArticle');
  });

  it('describes a live story as a LiveBlogPosting with its updates and, once ended, its end', () => {
    const update = { url: 'https://news.example/articles/live/#update-1', headline: 'Barrier closed', datePublished: new Date('2026-11-29T09:10:00Z'), body: 'The barrier closed.' };
    const running = newsArticle({ ...base, live: { start: base.datePublished, updates: [update] } }) as unknown as Record<string, unknown>;
    expect(running['@type']).toBe('LiveBlogPosting');
    expect(running['coverageStartTime']).toBe('2026-11-29T07:00:00.000Z');
    expect(running).not.toHaveProperty('coverageEndTime');
    expect(running['liveBlogUpdate']).toEqual([
      { '@type': 'BlogPosting', url: update.url, headline: 'Barrier closed', datePublished: '2026-11-29T09:10:00.000Z', articleBody: 'The barrier closed.' },
    ]);
    const ended = newsArticle({ ...base, live: { start: base.datePublished, end: new Date('2026-11-29T20:00:00Z'), updates: [] } }) as unknown as Record<string, unknown>;
    expect(ended['coverageEndTime']).toBe('2026-11-29T20:00:00.000Z');
  });

  it('numbers breadcrumbs from one and gives the site a search action', () => {
    const list = breadcrumbs([{ name: 'Home', url: 'https://news.example/' }, { name: 'World', url: 'https://news.example/topics/world/' }]) as unknown as { itemListElement: { position: number }[] };
    expect(list.itemListElement.map((item) => item.position)).toEqual([1, 2]);
    const site = webSite('B', 'https://news.example/', 'd', 'https://news.example/search/?q={search_term_string}') as unknown as { potentialAction: { target: { urlTemplate: string } } };
    expect(site.potentialAction.target.urlTemplate).toContain('{search_term_string}');
  });
});
