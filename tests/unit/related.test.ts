import { describe, expect, it } from 'vitest';
import { relatedArticles, type Relatable } from '../../src/lib/related.ts';

const article = (id: string, day: number, topicIds: string[], tags: string[] = []): Relatable => ({
  id,
  topicIds,
  tags,
  publishedAt: new Date(Date.UTC(2026, 0, day)),
});

describe('relatedArticles', () => {
  // Newest first, as the function expects.
  const articles = [
    article('f', 6, ['tech'], ['chips']),
    article('e', 5, ['world'], []),
    article('d', 4, ['tech', 'world'], ['chips', 'trade']),
    article('c', 3, ['science'], ['chips']),
    article('b', 2, ['tech'], []),
    article('a', 1, ['tech'], ['chips', 'trade']),
  ];
  const related = relatedArticles(articles, 3);

  it('never lists an article as related to itself', () => {
    for (const [id, list] of related) expect(list.map((item) => item.id)).not.toContain(id);
  });

  it('picks the articles sharing most topics and tags, then lists them newest first', () => {
    // For "a": d shares tech + chips + trade (5), f tech + chips (4), b tech (3), c chips (1).
    expect(related.get('a')!.map((item) => item.id)).toEqual(['f', 'd', 'b']);
  });

  it('breaks ties in favour of newer articles', () => {
    // For "e": only d shares a topic (world, primary for e): d alone.
    expect(related.get('e')!.map((item) => item.id)).toEqual(['d']);
  });

  it('returns nothing for an article that shares nothing', () => {
    const lonely = relatedArticles([article('x', 1, ['alone']), article('y', 2, ['other'])]);
    expect(lonely.get('x')).toEqual([]);
  });
});
