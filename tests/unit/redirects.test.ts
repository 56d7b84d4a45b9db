import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { applyRule, compileRule, isPattern, placeholders, ruleMatcher, ruleProblem } from '../../src/lib/redirect-rules.ts';
import { redirectPage, redirectPageFile } from '../../src/lib/redirect-page.ts';
import { translator, type Dictionary } from '../../src/i18n/translate.ts';
import { redirectsFile } from '../../src/lib/redirects-file.ts';
import { isBuildFolder, missingPage, pageShapeOf } from '../../src/lib/site-pages.ts';
import { repoRoot } from '../support/paths.ts';

describe('redirect rules', () => {
  it('match a placeholder to one segment and a final splat to the rest', () => {
    expect(applyRule({ from: '/2019/:month/:slug/', to: '/articles/:slug/' }, '/2019/05/harbour-news/')).toBe('/articles/harbour-news/');
    expect(applyRule({ from: '/2019/:month/:slug/', to: '/articles/:slug/' }, '/2019/05/06/harbour-news/')).toBeUndefined();
    expect(applyRule({ from: '/category/:slug/page/*', to: '/topics/:slug/' }, '/category/news/page/3/')).toBe('/topics/news/');
    expect(applyRule({ from: '/old/*', to: '/new/:splat' }, '/old/a/b')).toBe('/new/a/b');
    expect(compileRule('/a.b/:x/').test('/a-b/1/')).toBe(false);
    expect(ruleMatcher([{ from: '/x/:a/', to: '/first/' }, { from: '/x/:b/', to: '/second/' }])('/x/1/')).toBe('/first/');
  });

  it('are told from single addresses, and checked for what both hosts can read', () => {
    expect(isPattern('/2019/:month/:slug/')).toBe(true);
    expect(isPattern('/2019/05/post/')).toBe(false);
    expect(placeholders('/a/:x/:y/*')).toEqual(['x', 'y', 'splat']);
    expect(ruleProblem({ from: '/2019/:month/:slug/', to: '/articles/:slug/' })).toBeUndefined();
    expect(ruleProblem({ from: '/a/:slug/', to: '/articles/:name/' })).toMatch(/:name, which its source does not capture/);
    expect(ruleProblem({ from: '/a/*/b/', to: '/c/' })).toMatch(/\* at its very end/);
    expect(ruleProblem({ from: '/a/', to: '/b/' })).toMatch(/no :placeholder/);
    expect(ruleProblem({ from: '/?p=:id', to: '/b/' })).toMatch(/query string/);
  });
});

describe('site pages', () => {
  const ids = { articles: new Set(['a']), topics: new Set(['world']), authors: new Set(['ana']), tags: new Set(['harbour-and-quay']), series: new Set<string>() };

  it('read an address back into the page it names', () => {
    expect(pageShapeOf('/articles/a/')).toEqual({ shape: 'article', ids: 'articles', id: 'a' });
    expect(pageShapeOf('/topics/world/rss.xml')).toEqual({ shape: 'topic feed', ids: 'topics', id: 'world' });
    expect(pageShapeOf('/rss.xml')).toEqual({ shape: 'feed' });
    expect(pageShapeOf('/articles/a/b/')).toBeUndefined();
    expect(pageShapeOf('/2019/05/a/')).toBeUndefined();
  });

  it('say why an address names no page of the content', () => {
    expect(missingPage('/articles/a/', ids)).toBeUndefined();
    expect(missingPage('/tags/harbour-and-quay/', ids)).toBeUndefined();
    expect(missingPage('/articles/b/', ids)).toBe('no article "b"');
    expect(missingPage('/authors/bo/rss.xml', ids)).toBe('no author "bo"');
    expect(missingPage('/about/', ids)).toBe('no page of this site has that address');
    expect(isBuildFolder('/_astro/x.js')).toBe(true);
    expect(isBuildFolder('/pagefind/x')).toBe(true);
    expect(isBuildFolder('/og/a.jpg')).toBe(true);
    expect(isBuildFolder('/admin/')).toBe(true);
    expect(isBuildFolder('/2019/')).toBe(false);
  });
});

describe('the content check of redirects.yml', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirects-check-'));
  const content = path.join(dir, 'content');
  fs.cpSync(path.join(repoRoot, 'tests/fixtures/valid'), content, { recursive: true });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const check = (yaml: string) => {
    fs.writeFileSync(path.join(content, 'redirects.yml'), yaml);
    return validateContent(content);
  };

  it('accepts redirects to pages the content has, and hands them to the build', () => {
    const result = check('rules:\n  - { from: "/2019/:month/:slug/", to: "/articles/:slug/" }\nredirects:\n  - { from: /2019/05/first/, to: /articles/first-story/ }\n  - { from: "/?p=12", to: /topics/alpha/ }\n  - { from: /tag/fixtures/, to: /tags/fixtures/ }\n  - { from: /elsewhere/, to: "https://example.org/page" }\n');
    expect(result.problems).toEqual([]);
    expect(result.redirects?.redirects).toHaveLength(4);
  });

  it('names the file and the entry of a redirect to no page, and of one over a page the site has', () => {
    const { problems } = check(
      'rules:\n  - { from: "/a/:slug/", to: "/nowhere/:slug/" }\nredirects:\n  - { from: /2019/05/first/, to: /articles/no-such-story/ }\n  - { from: /articles/first-story/, to: /articles/second-story/ }\n  - { from: /x/, to: /articles/first-story/ }\n  - { from: /x/, to: /topics/alpha/ }\n  - { from: /_astro/a.js, to: / }\n  - { from: relative, to: / }\n',
    );
    expect(problems).toEqual([
      { file: 'content/redirects.yml', field: 'redirects.5.from', message: 'must be an address on this site starting with /, e.g. /2019/05/old-post/' },
    ]);
    const fixed = check(
      'rules:\n  - { from: "/a/:slug/", to: "/nowhere/:slug/" }\nredirects:\n  - { from: /2019/05/first/, to: /articles/no-such-story/ }\n  - { from: /articles/first-story/, to: /articles/second-story/ }\n  - { from: /x/, to: /articles/first-story/ }\n  - { from: /x/, to: /topics/alpha/ }\n  - { from: /_astro/a.js, to: / }\n',
    ).problems;
    expect(fixed).toEqual([
      { file: 'content/redirects.yml', field: 'rules.0', message: '"/a/:slug/" leads to "/nowhere/:slug/", which has the shape of no page of this site' },
      { file: 'content/redirects.yml', field: 'redirects.0.to', message: '"/2019/05/first/" leads to "/articles/no-such-story/", which names no page of this site (no article "no-such-story")' },
      { file: 'content/redirects.yml', field: 'redirects.1.from', message: '"/articles/first-story/" is the address of a page this site has' },
      { file: 'content/redirects.yml', field: 'redirects.3.from', message: '"/x/" is listed twice (also redirects.2)' },
      { file: 'content/redirects.yml', field: 'redirects.4.from', message: '"/_astro/a.js" is inside a folder the build writes itself' },
    ]);
  });
});

describe('the _redirects file', () => {
  const redirects = {
    rules: [{ from: '/:slug/', to: '/articles/:slug/' }],
    redirects: [
      { from: '/harbour-news/', to: '/articles/harbour-news/' },
      { from: '/taken/', to: '/articles/taken-2/' },
      { from: '/?p=12', to: '/articles/taken-2/' },
    ],
  };

  it('lists only the addresses no rule covers, then the rules, and guards the site’s own pages from them', () => {
    const file = redirectsFile({ redirects, siteAddresses: ['/', '/search/', '/rss.xml', '/articles/a/', '/archive/'], queryLines: false });
    const lines = file.text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual(['/archive/ /archive/ 200', '/search/ /search/ 200', '/taken/ /articles/taken-2/ 301', '/:slug/ /articles/:slug/ 301']);
    expect(file).toMatchObject({ staticLines: 3, dynamicLines: 1 });
  });

  it('writes WordPress’s ?p=ID links in Netlify’s form, for Netlify only', () => {
    const file = redirectsFile({ redirects: { rules: [], redirects: [{ from: '/blog/?p=12&x=1', to: '/articles/a/' }] }, siteAddresses: [], queryLines: true });
    expect(file.text).toContain('/blog/ p=12 x=1 /articles/a/ 301');
  });
});

describe('redirect pages', () => {
  it('send the browser on, name the new address as canonical, stay out of search indexes, and allow no script', () => {
    const t = translator(JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary, 'en-GB');
    const html = redirectPage('/articles/a/', 'https://news.example', 'en-GB', t);
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/articles/a/">');
    expect(html).toContain('<link rel="canonical" href="https://news.example/articles/a/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<title>This page has moved</title>');
    expect(html).toContain('<p>This page has moved to <a href="/articles/a/">https://news.example/articles/a/</a>.</p>');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
  });

  it('go where a static host looks for the old address', () => {
    expect(redirectPageFile('/2019/05/post/')).toBe('2019/05/post/index.html');
    expect(redirectPageFile('/post')).toBe('post/index.html');
    expect(redirectPageFile('/old/page.html')).toBe('old/page.html');
    expect(redirectPageFile('/2024/02/%d0%bf%d0%be%d1%80%d1%82/')).toBe('2024/02/порт/index.html');
    for (const from of ['/?p=12', '/:slug/', '/../etc/', '/a/%2e%2e/b/', '/']) expect(redirectPageFile(from), from).toBeUndefined();
  });
});
