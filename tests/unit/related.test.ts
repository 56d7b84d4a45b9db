import { describe, expect, it } from 'vitest';
import { relatedArticles, windowStart, type Relatable } from '../../src/lib/related.ts';

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

  it('lists only what shares something', () => {
    // For "e": only d shares a topic (world, primary for e): d alone.
    expect(related.get('e')!.map((item) => item.id)).toEqual(['d']);
  });

  it('breaks a tie in favour of the article published nearer in time, then the newer', () => {
    const tied = [
      article('p5', 5, ['tech']),
      article('p4', 4, ['tech']),
      article('p3', 3, ['tech']),
      article('p2', 2, ['tech']),
      article('p1', 1, ['tech']),
    ];
    // For p2, every other article scores the same: p3 and p1 are one away (p3 is newer), then p4.
    expect(relatedArticles(tied, 3).get('p2')!.map((item) => item.id)).toEqual(['p4', 'p3', 'p1']);
  });

  it('returns nothing for an article that shares nothing', () => {
    const lonely = relatedArticles([article('x', 1, ['alone']), article('y', 2, ['other'])]);
    expect(lonely.get('x')).toEqual([]);
  });

  it('looks at the articles published nearest in time, so a new article leaves the archive untouched', () => {
    const many = Array.from({ length: 200 }, (_, index) => article(`n${index}`, 200 - index, ['tech']));
    const before = relatedArticles(many);
    const after = relatedArticles([article('new', 201, ['tech']), ...many]);
    // Old articles keep their related stories; the newest ones take the new article in.
    expect(after.get('n150')).toEqual(before.get('n150'));
    expect(after.get('n0')!.map((item) => item.id)).toContain('new');
    // Equal scores: the nearest in time win, listed newest first.
    expect(before.get('n150')!.map((item) => item.id)).toEqual(['n148', 'n149', 'n151', 'n152']);
  });
});

describe('windowStart', () => {
  it('centres on the position and stays inside the list', () => {
    expect(windowStart(10, 5, 4)).toBe(3);
    expect(windowStart(10, 0, 4)).toBe(0);
    expect(windowStart(10, 9, 4)).toBe(6);
    expect(windowStart(2, 1, 4)).toBe(0);
  });
});
