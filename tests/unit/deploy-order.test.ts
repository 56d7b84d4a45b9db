import { describe, expect, it } from 'vitest';
import { changedPhase, PHASE_NAMES, uploadOrder } from '../../src/deploy/order.ts';
import type { SiteChange } from '../../src/deploy/manifest.ts';

const change = (parts: Partial<SiteChange>): SiteChange => ({ added: [], changed: [], removed: [], bytes: 0, ...parts });

describe('changedPhase', () => {
  it('sends a changed file after what it points to, by the kinds of file a build writes', () => {
    const phases: Record<string, string[]> = {
      2: [
        'og/sahel-solar-mini-grids.jpg',
        'favicon.svg',
        'admin/cms.js',
        'pagefind/2026-11/pagefind.js',
        'pagefind/2026-11/wasm.en-gb.pagefind',
        'pagefind/2026-11/pagefind.en-gb_468a109d2f1a4.pf_meta',
        'pagefind/2026-11/pagefind-entry.json',
        'pagefind/shards.json',
        'alerts.json',
        'articles/storm-ilka-north-sea-live/updates.json',
      ],
      3: ['articles/sahel-solar-mini-grids/index.html', 'articles/storm-ilka-north-sea-live/earlier/index.html'],
      4: ['index.html', '404.html', 'topics/world/2/index.html', 'tags/index.html', 'search/index.html', 'archive/2026/index.html', 'admin/index.html'],
      5: ['rss.xml', 'topics/world/rss.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'news-sitemap.xml', 'feed.json', 'robots.txt', '_headers', '_redirects'],
    };
    for (const [phase, files] of Object.entries(phases)) {
      for (const file of files) expect(changedPhase(file), file).toBe(Number(phase));
    }
  });
});

describe('uploadOrder', () => {
  it('always gives six phases, uploads first and deletions last', () => {
    const phases = uploadOrder(change({}));
    expect(phases.map((phase) => phase.name)).toEqual([...PHASE_NAMES]);
    expect(phases.map((phase) => phase.action)).toEqual(['upload', 'upload', 'upload', 'upload', 'upload', 'delete']);
    expect(phases.every((phase) => phase.paths.length === 0)).toBe(true);
  });

  it('sends every new file before any changed one, and deletes removed files after both', () => {
    // A new article with a hero and a new tag: the edited article before it links to it, its search
    // fragment names its page, and it links to its tag page, which lists it back.
    const publish = change({
      added: [
        '_astro/hero.CKzxsf_x_Z1qfTII.webp',
        'articles/new-story/index.html',
        'og/new-story.jpg',
        'pagefind/2026-11/fragment/en-gb_9f2a1c3.pf_fragment',
        'pagefind/2026-11/pagefind.en-gb_52b7e11c0d9aa.pf_meta',
        'tags/new-tag/index.html',
      ],
      changed: [
        'articles/story-before/index.html',
        'feed.json',
        'index.html',
        'pagefind/2026-11/pagefind-entry.json',
        'rss.xml',
        'sitemap-0.xml',
        'tags/index.html',
      ],
      removed: ['pagefind/2026-11/pagefind.en-gb_468a109d2f1a4.pf_meta'],
    });
    expect(uploadOrder(publish).map(({ name, paths }) => [name, paths])).toEqual([
      ['new files', publish.added],
      ['changed assets and data', ['pagefind/2026-11/pagefind-entry.json']],
      ['article pages', ['articles/story-before/index.html']],
      ['other pages', ['index.html', 'tags/index.html']],
      ['feeds, sitemaps and site-wide lists', ['feed.json', 'rss.xml', 'sitemap-0.xml']],
      ['deletions', ['pagefind/2026-11/pagefind.en-gb_468a109d2f1a4.pf_meta']],
    ]);
  });

  it('uploads each added or changed file exactly once, and nothing removed', () => {
    const publish = change({
      added: ['a.css', 'articles/a/index.html'],
      changed: ['b.png', 'articles/b/index.html', 'x/index.html', 'x/rss.xml', 'data.json'],
      removed: ['old/index.html', 'old.css'],
    });
    const phases = uploadOrder(publish);
    const uploaded = phases.filter((phase) => phase.action === 'upload').flatMap((phase) => phase.paths);
    expect(uploaded.sort()).toEqual([...publish.added, ...publish.changed].sort());
    expect(phases.at(-1)!.paths).toEqual(publish.removed);
  });

  it('keeps every first deploy in one phase: nothing is served yet, so nothing can link too early', () => {
    const first = change({ added: ['index.html', 'rss.xml', '_astro/app.css'] });
    expect(uploadOrder(first).map((phase) => phase.paths.length)).toEqual([3, 0, 0, 0, 0, 0]);
  });
});
