import { describe, expect, it } from 'vitest';
import { basePath, detectStructure, mergeRedirects, planRedirects, type RedirectedPost } from '../../src/import/wordpress/redirects.ts';
import { ruleMatcher } from '../../src/lib/redirect-rules.ts';

const post = (id: string, link: string, postName: string, postDate: string, slug = postName): RedirectedPost => ({ id, link, postName, postDate, slug });

const dated = [
  post('1', 'https://old.example/2019/05/harbour-news/', 'harbour-news', '2019-05-04 10:00:00'),
  post('2', 'https://old.example/2020/11/ferry-times/', 'ferry-times', '2020-11-30 23:30:00'),
  post('3', 'https://old.example/2020/12/taken/', 'taken', '2020-12-01 08:00:00', 'taken-2'),
];

describe('detectStructure', () => {
  it('recognises the permalink structure most posts follow, with or without the trailing slash', () => {
    expect(detectStructure(dated, '')?.structure.name).toBe('/%year%/%monthnum%/%postname%/');
    expect(detectStructure([post('1', 'https://old.example/2019/05/04/a', 'a', '2019-05-04 10:00:00')], '')).toMatchObject({ structure: { name: '/%year%/%monthnum%/%day%/%postname%/' }, slash: false });
    expect(detectStructure([post('1', 'https://old.example/blog/a/', 'a', '2019-05-04 10:00:00')], '/blog')?.structure.name).toBe('/%postname%/');
    expect(detectStructure([post('1', 'https://old.example/archives/1', 'a', '2019-05-04 10:00:00')], '')).toBeUndefined();
  });

  it('reads the old site path from its address', () => {
    expect(basePath('https://old.example')).toBe('');
    expect(basePath('https://old.example/news/')).toBe('/news');
  });
});

describe('planRedirects', () => {
  const plan = planRedirects({
    siteUrl: 'https://old.example',
    posts: dated,
    topics: [
      { id: 'harbour', nicename: 'harbour', path: ['harbour'] },
      { id: 'ferries', nicename: 'ferries', path: ['harbour', 'ferries'] },
    ],
    tags: [
      { slug: 'tides', name: 'Tides' },
      { slug: 'quay', name: 'Harbour & Quay' },
    ],
    authors: [
      { id: 'ana', nicename: 'ana' },
      { id: 'bo-ek', nicename: 'bo_ek' },
    ],
  });
  const to = (from: string) => plan.redirects.find((redirect) => redirect.from === from)?.to;

  it('redirects every old address of a post, archive and feed', () => {
    expect(to('/2019/05/harbour-news/')).toBe('/articles/harbour-news/');
    expect(to('/?p=3')).toBe('/articles/taken-2/');
    expect(to('/category/harbour/ferries/')).toBe('/topics/ferries/');
    expect(to('/category/harbour/feed/')).toBe('/topics/harbour/rss.xml');
    expect(to('/tag/quay/')).toBe('/tags/harbour-and-quay/');
    expect(to('/author/bo_ek/')).toBe('/authors/bo-ek/');
    expect(to('/author/ana/feed/')).toBe('/authors/ana/rss.xml');
    expect(to('/feed/')).toBe('/rss.xml');
  });

  it('covers the posts with one rule per year, the year kept literal, and the archives where ids are the old slugs', () => {
    expect(plan.structure).toBe('/%year%/%monthnum%/%postname%/');
    expect(plan.rules.slice(0, 2)).toEqual([
      { from: '/2019/:month/:slug/', to: '/articles/:slug/' },
      { from: '/2020/:month/:slug/', to: '/articles/:slug/' },
    ]);
    expect(plan.rules).toContainEqual({ from: '/category/:slug/', to: '/topics/:slug/' });
    expect(plan.rules).toContainEqual({ from: '/tag/:slug/', to: '/tags/:slug/' });
    expect(plan.rules).toContainEqual({ from: '/author/:slug/', to: '/authors/:slug/' });
  });

  it('sends every listed old address where the rules send it, except the ones a host needs a line for', () => {
    const matches = ruleMatcher(plan.rules);
    const exceptions = plan.redirects.filter((redirect) => !redirect.from.includes('?') && matches(redirect.from) !== redirect.to).map((redirect) => redirect.from);
    expect(exceptions).toEqual(['/2020/12/taken/', '/category/harbour/ferries/', '/category/harbour/ferries/feed/', '/tag/quay/', '/author/bo_ek/', '/author/bo_ek/feed/', '/feed/', '/feed/rss2/', '/feed/atom/']);
  });

  it('never redirects an address the new site has a page at', () => {
    const taken = planRedirects({ siteUrl: 'https://old.example', posts: [post('1', 'https://old.example/search/', 'search', '2019-01-01 00:00:00', 'search-2')], topics: [], tags: [], authors: [] });
    expect(taken.taken).toEqual(['/search/']);
    expect(taken.redirects.map((redirect) => redirect.from)).toEqual(['/?p=1', '/feed/', '/feed/rss2/', '/feed/atom/']);
  });
});

describe('mergeRedirects', () => {
  it('keeps what the file had, replaces entries for the same old address, and adds the rest', () => {
    const merged = mergeRedirects(
      { rules: [{ from: '/2019/:month/:slug/', to: '/articles/:slug/' }], redirects: [{ from: '/old/', to: '/articles/a/' }, { from: '/hand-written/', to: '/about-us/' }] },
      { rules: [{ from: '/2019/:month/:slug/', to: '/articles/:slug/' }], redirects: [{ from: '/old/', to: '/articles/b/' }, { from: '/new/', to: '/articles/c/' }] },
    );
    expect(merged).toEqual({
      rules: [{ from: '/2019/:month/:slug/', to: '/articles/:slug/' }],
      redirects: [
        { from: '/old/', to: '/articles/b/' },
        { from: '/hand-written/', to: '/about-us/' },
        { from: '/new/', to: '/articles/c/' },
      ],
    });
  });
});
