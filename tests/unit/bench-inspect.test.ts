import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageWeight, readBuildLog, readTimings } from '../../bench/inspect.ts';
import { owner } from '../../bench/profile.ts';

describe('readBuildLog', () => {
  const log = [
    '04:04:24 [build] ✓ Completed in 1.50s.',
    '04:04:36 [broadsheet:page-walk] Page walk: 112 pages listed: 5 rendered, 107 kept from the last build, in 3.21 s; images: 2 encoded, 1 reused, in 0.85 s; rendering by section: og 2.00 s, articles 0.01 s, (root) 0.01 s',
    '04:04:55 [broadsheet:pagefind] Search index: 30 articles in 2 indexes by date (1 re-indexed) in 0.71 s; 151.6 KiB of index data, 683.2 KiB in 59 files',
    '04:04:55 [broadsheet:og-cards] 30 OG cards: 2 drawn, 28 reused, in 0.05 s after the pages (1 drawn beside the build)',
    '04:04:55 [build] 112 page(s) built in 16.10s',
  ].join('\n');

  it("reads pages, phase times, image counts and the search index time from the build steps' own lines", () => {
    expect(readBuildLog(log)).toEqual({
      pages: 112,
      routesSeconds: 3.21,
      imagesSeconds: 0.85,
      imagesEncoded: 2,
      imagesReused: 1,
      routeSecondsBySection: { og: 2, articles: 0.01, '(root)': 0.01 },
      searchIndexSeconds: 0.71,
      routesRestored: 107,
      routesRendered: 5,
      ogCards: { drawn: 2, reused: 28, seconds: 0.05 },
    });
  });

  it('gives null for what the log does not say', () => {
    expect(readBuildLog('[build] Complete!')).toMatchObject({ pages: null, routesSeconds: null, imagesSeconds: null, searchIndexSeconds: null, ogCards: null });
  });
});

describe('readTimings', () => {
  const report = [
    '17:31:07 [build] Complete!',
    '',
    ' build timings ',
    'total 2.77s · 130 pages · output "static"',
    '',
    'Build phases',
    '  resolve config                       184ms   6.6% █▄····················',
    '  setup                                1.27s  45.7% ·▄█████████▅··········',
    '    content sync                       1.11s  40.0% ··▂████████▅··········',
    '  generate pages                      1m 3s  11.6% ···················██▆',
    '',
    'Vite plugins (327ms of the build)',
    '  @mdx-js/rolldown                      73ms        ·············▁▅▁······  1,242 calls · transform 65ms',
    '',
    'Integrations (127ms in hooks)',
    '  broadsheet:validate-content           61ms   2.2% ·▃▁···················  astro:config:setup 61ms',
    '  broadsheet:pagefind                    8ms   0.3% ·····················▁  astro:build:done 7ms',
  ].join('\n');

  it("reads Astro's phases and each integration's hooks, and nothing else", () => {
    expect(readTimings(report)).toEqual({
      'resolve config': 0.18,
      setup: 1.27,
      'content sync': 1.11,
      'generate pages': 63,
      'broadsheet:validate-content': 0.06,
      'broadsheet:pagefind': 0.01,
    });
  });

  it('reads nothing from a build without the report', () => {
    expect(readTimings('[build] Complete!')).toEqual({});
  });
});

describe('pageWeight', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-dist-'));
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), text);
  };

  it('adds linked CSS, loaded scripts with their static imports, and inline scripts, but not JSON-LD or other hosts', () => {
    write('_astro/site.css', 'a{}'.repeat(100));
    write('_astro/page.js', 'import{x}from"./shared.js";x();');
    write('_astro/shared.js', 'export const x=()=>1;');
    write('_astro/lazy.js', 'export default 1;');
    const html = [
      '<link rel="stylesheet" href="/_astro/site.css">',
      '<link rel="stylesheet" href="https://cdn.example/other.css">',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<script>document.documentElement.dataset.theme="dark"</script>',
      '<script type="module" src="/_astro/page.js"></script>',
    ].join('');
    write('articles/one/index.html', html);

    const weight = pageWeight(dist, 'articles/one');
    const inline = 'document.documentElement.dataset.theme="dark"'.length;
    expect(weight).toMatchObject({
      page: 'articles/one',
      htmlBytes: html.length,
      cssBytes: 300,
      jsBytes: 'import{x}from"./shared.js";x();'.length + 'export const x=()=>1;'.length + inline,
    });
    expect(weight.totalBytes).toBe(weight.htmlBytes + weight.cssBytes + weight.jsBytes - inline);
  });
});

describe('owner', () => {
  it('attributes profile samples to packages, the site, Node and V8', () => {
    expect(owner('file:///work/main/node_modules/satori/dist/index.js', 'f')).toBe('satori');
    expect(owner('file:///work/main/node_modules/@resvg/resvg-js/index.js', 'f')).toBe('@resvg/resvg-js');
    expect(owner('file:///work/main/src/og/render.ts', 'f')).toBe('src/og');
    expect(owner('node:internal/fs/promises', 'f')).toBe('node internals');
    expect(owner('', '(garbage collector)')).toBe('(garbage collector)');
  });
});
