/**
 * The newsroom formats on the built sample site: live coverage, article
 * formats, series, the age notice, the newsletter form and the alert banner,
 * first as files, then as a reader meets them in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { repoRoot, SAMPLE_NOW, testOutput } from '../support/paths.ts';
import { buildSite } from '../support/build.ts';
import { PAGE_UPDATES } from '../../src/lib/live.ts';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const LIVE = 'storm-ilka-north-sea-live';
const ENDED = 'river-data-talks-final-night-live';
const OPINION = 'city-budgets-need-a-storm-line';
const SPONSORED = 'heat-pump-installers-training-partner';
const OLD = 'leap-second-phase-out-timekeepers';

const dist = inject('sampleSiteDir');
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
const page = (slug: string) => read(`articles/${slug}/index.html`);
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, json]) => JSON.parse(json!) as Record<string, unknown>);
const ids = (html: string) => [...html.matchAll(/data-update-id="([^"]+)"/g)].map(([, id]) => id!);

interface Feed {
  status: string;
  updates: { id: string; time: string; html: string }[];
}

describe('live coverage, as built', () => {
  const html = page(LIVE);
  const feed = JSON.parse(read(`articles/${LIVE}/updates.json`)) as Feed;

  it('shows the pinned update first, then the others newest first', () => {
    const order = ids(html);
    expect(order).toHaveLength(12);
    expect(order[0]).toBe('20261129-081500');
    const rest = order.slice(1);
    expect(rest).toEqual([...rest].sort().reverse());
    expect(html).toMatch(/class="update pinned"[^>]*id="update-20261129-081500"/);
  });

  it('lists the key events, each linking to an update on the page', () => {
    const keyEvents = html.slice(html.indexOf('class="key-events"'), html.indexOf('</nav>', html.indexOf('class="key-events"')));
    const links = [...keyEvents.matchAll(/href="#(update-[^"]+)"/g)].map(([, anchor]) => anchor!);
    expect(links).toEqual(['update-20261129-112500', 'update-20261129-091000', 'update-20261129-070500']);
    for (const anchor of links) expect(html).toContain(`id="${anchor}"`);
  });

  it('gives every update a permalink and a share button', () => {
    for (const id of ids(html)) expect(html).toContain(`<a href="#update-${id}">Link to this update</a>`);
    expect(html.match(/<button type="button" data-share-update hidden>Share<\/button>/g)).toHaveLength(12);
  });

  it('renders images in updates through the image pipeline', () => {
    const image = /<img[^>]*alt="Waves breaking over a harbour wall[^>]*>/.exec(html)?.[0];
    expect(image).toMatch(/src="\/_astro\/harbour-wall\.[^"]+\.webp"/);
    expect(image).toMatch(/width="\d+" height="\d+"/);
  });

  it('publishes LiveBlogPosting structured data with every update', () => {
    const posting = jsonLd(html).find((data) => data['@type'] === 'LiveBlogPosting')!;
    expect(posting['coverageStartTime']).toBe('2026-11-29T07:00:00.000Z');
    expect(posting['coverageEndTime']).toBeUndefined();
    const updates = posting['liveBlogUpdate'] as { '@type': string; url: string; headline: string }[];
    expect(updates).toHaveLength(12);
    expect(updates[0]).toMatchObject({ '@type': 'BlogPosting', url: `https://broadsheet.example/articles/${LIVE}/#update-20261129-114500` });
    expect(updates.find((update) => update.url.endsWith('091000'))?.headline).toBe('Maeslant barrier ordered closed');
  });

  it('polls its own updates.json, which carries the newest updates as the page renders them', () => {
    expect(html).toContain(`data-src="/articles/${LIVE}/updates.json" data-status="live" data-poll="30"`);
    expect(feed.status).toBe('live');
    expect(feed.updates.map((update) => update.id)).toEqual([...ids(html)].sort().reverse());
    const pinned = feed.updates.find((update) => update.id === '20261129-081500')!;
    expect(html).toContain(pinned.html.replace('class="update"', 'class="update pinned"').slice(0, 60));
  });

  it('says when an ended story stopped, and polls nothing', () => {
    const ended = page(ENDED);
    expect(ended).toContain('data-status="ended"');
    expect(ended).toMatch(/Coverage ended <time datetime="2026-11-28T01:30:00.000Z">/);
    const posting = jsonLd(ended).find((data) => data['@type'] === 'LiveBlogPosting')!;
    expect(posting['coverageEndTime']).toBe('2026-11-28T01:30:00.000Z');
    expect((JSON.parse(read(`articles/${ENDED}/updates.json`)) as Feed).status).toBe('ended');
  });

  it('marks the running story "Live" on the home page, and not the ended one', () => {
    const home = read('index.html');
    const card = (slug: string) => {
      const at = home.indexOf(`href="/articles/${slug}/"`);
      return home.slice(home.lastIndexOf('<article class="card', at), at);
    };
    expect(card(LIVE)).toContain('<span class="label live">Live</span>');
    expect(home.includes(`href="/articles/${ENDED}/"`) ? card(ENDED) : '').not.toContain('label live');
  });

  it('lets hosts cache the polled files briefly', () => {
    const headers = read('_headers');
    expect(headers).toMatch(/\/articles\/\*\/updates\.json\n {2}Cache-Control: public, max-age=15/);
    expect(headers).toMatch(/\/alerts\.json\n {2}Cache-Control: public, max-age=60/);
  });
});

describe('a long live story, as built', () => {
  const content = path.join(testOutput, 'long-live-content');
  const out = path.join(testOutput, 'long-live-site');
  const story = 'harbour-storm-live';
  const total = PAGE_UPDATES + 5;
  let main = '';
  let earlier = '';

  beforeAll(async () => {
    fs.rmSync(content, { recursive: true, force: true });
    fs.cpSync(path.join(repoRoot, 'tests/fixtures/valid'), content, { recursive: true });
    fs.mkdirSync(path.join(content, 'live', story), { recursive: true });
    for (let index = 0; index < total; index++) {
      const time = new Date(Date.parse('2026-11-28T08:00:00Z') + index * 60_000).toISOString();
      const lines = ['---', `story: ${story}`, `time: ${time}`, ...(index === 1 ? ['keyEvent: true', 'headline: Gates shut'] : []), '---', '', `Update ${index}.`];
      fs.writeFileSync(path.join(content, 'live', story, `u${String(index).padStart(3, '0')}.md`), lines.join('\n'));
    }
    const result = await buildSite({ contentDir: content, outDir: out, env: { BROADSHEET_NOW: SAMPLE_NOW } });
    expect(result.code, result.output).toBe(0);
    main = fs.readFileSync(path.join(out, 'articles', story, 'index.html'), 'utf8');
    earlier = fs.readFileSync(path.join(out, 'articles', story, 'earlier', 'index.html'), 'utf8');
  }, 120_000);

  it('shows the newest updates and links to a page of the earlier ones', () => {
    expect(ids(main)).toHaveLength(PAGE_UPDATES);
    expect(ids(main)[0]).toBe(`u${String(total - 1).padStart(3, '0')}`);
    expect(main).toContain(`<a href="/articles/${story}/earlier/">5 earlier updates</a>`);
    expect(ids(earlier)).toEqual(['u004', 'u003', 'u002', 'u001', 'u000']);
    expect(earlier).toContain(`href="/articles/${story}/"`);
  });

  it('links a key event to the page it is on, and lists only the page’s updates in its structured data', () => {
    expect(main).toContain(`href="/articles/${story}/earlier/#update-u001"`);
    expect(earlier).toContain('id="update-u001"');
    const posting = jsonLd(main).find((data) => data['@type'] === 'LiveBlogPosting')!;
    expect(posting['liveBlogUpdate']).toHaveLength(PAGE_UPDATES);
  });

  it('writes valid HTML on both pages', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const file of [path.join(out, 'articles', story, 'index.html'), path.join(out, 'articles', story, 'earlier', 'index.html')]) {
      const report = await validator.validateFile(file);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`)), file).toEqual([]);
    }
  });
});

describe('article formats, as built', () => {
  it('labels the format in the kicker and uses its schema.org type', () => {
    const opinion = page(OPINION);
    expect(opinion).toMatch(/<p class="kicker-line"><span class="labels"><span class="label">Opinion<\/span><\/span>/);
    expect(jsonLd(opinion)[0]?.['@type']).toBe('OpinionNewsArticle');
    expect(jsonLd(page('eu-chip-subsidy-review'))[0]?.['@type']).toBe('AnalysisNewsArticle');
    expect(jsonLd(page(OLD))[0]?.['@type']).toBe('BackgroundNewsArticle');
    expect(jsonLd(page('cable-repair-ships-shortage'))[0]?.['@type']).toBe('NewsArticle');
  });

  it("puts the columnist's portrait in an opinion piece's headline block", () => {
    expect(page(OPINION)).toMatch(/<article class="article voice"[\s\S]*<div class="voice-title"><h1>[^<]+<\/h1><img[^>]+class="avatar"/);
    expect(page('cable-repair-ships-shortage')).not.toContain('class="voice-title"');
  });

  it('labels sponsored content on its page, on cards, in feeds and in the search index', () => {
    const sponsored = page(SPONSORED);
    expect(sponsored).toContain('<span class="label paid">Sponsored</span>');
    expect(sponsored).toContain('class="paid-notice" role="note"');
    expect(jsonLd(sponsored)[0]?.['@type']).toBe('AdvertiserContentArticle');
    expect(sponsored).toContain('data-label="Sponsored"');
    expect(read('topics/technology/index.html')).toMatch(new RegExp(`<span class="label paid">Sponsored</span>(?:(?!</article>)[\\s\\S])*href="/articles/${SPONSORED}/"`));
    expect(read('rss.xml')).toContain('<title>Sponsored: What it takes to train a heat pump installer in twelve weeks</title>');
    const feed = JSON.parse(read('feed.json')) as { items: { url: string; title: string; tags: string[] }[] };
    const item = feed.items.find((entry) => entry.url.endsWith(`/articles/${SPONSORED}/`))!;
    expect(item.title).toBe('Sponsored: What it takes to train a heat pump installer in twelve weeks');
    expect(item.tags[0]).toBe('Sponsored');
  });

  it('offers the format as a search filter', () => {
    expect(page(OPINION)).toMatch(/data-pagefind-filter="year\[data-year\], format\[data-format\], topic\[data-topic\]"[^>]*data-format="Opinion"/);
  });
});

describe('series, as built', () => {
  const order = ['mekong-drought-rice-farmers', ENDED, 'un-water-talks-geneva-shared-rivers'];

  it('lists the parts in order on the series page', () => {
    const html = read('series/river-commons/index.html');
    const found = order.map((slug) => html.indexOf(`href="/articles/${slug}/"`));
    expect(found.every((at) => at > 0)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect(html).toContain('<h1>The river commons</h1>');
  });

  it('shows each part where it sits, linking to the others', () => {
    const html = page(ENDED);
    expect(html).toContain('Part 2 of 3');
    expect(html).toContain('<span aria-current="page">River data talks in Geneva go into the night: as it happened</span>');
    expect(html).toContain(`href="/articles/${order[0]}/"`);
    expect(html).toContain(`href="/articles/${order[2]}/"`);
    expect(page(order[0]!)).toContain('Part 1 of 3');
  });

  it('has a feed and appears in the sitemap and the series index', () => {
    const rss = read('series/river-commons/rss.xml');
    expect(rss.match(/<item>/g)).toHaveLength(3);
    expect(read('sitemap-pages.xml')).toContain('<loc>https://broadsheet.example/series/river-commons/</loc>');
    expect(read('series/index.html')).toContain('href="/series/river-commons/"');
  });
});

describe('age notice, as built', () => {
  it('tells readers an old article is old, near the headline, as a note', () => {
    expect(page(OLD)).toMatch(/<p class="age-notice" role="note"[^>]*>This article is more than 1 year old<\/p>/);
    expect(page('cable-repair-ships-shortage')).not.toContain('class="age-notice"');
  });
});

describe('newsletter sign-up, as built', () => {
  const html = page('cable-repair-ships-shortage');

  it('appears after the article and in the footer, posting to the provider', () => {
    const forms = html.match(/<form class="newsletter" action="https:\/\/newsletters\.example\/subscribe\/broadsheet" method="post"/g);
    expect(forms).toHaveLength(2);
    expect(html).toContain('name="email" autocomplete="email" required');
    expect(read('index.html').match(/<form class="newsletter"/g)).toHaveLength(1);
  });

  it("allows the provider's origin in form-action and nowhere else", () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(policy).toContain("form-action 'self' https://newsletters.example");
    expect(policy.split('https://newsletters.example').length).toBe(2);
    // Fetches fall back to default-src: the provider's origin is not in it.
    expect(policy).toContain("default-src 'self';");
  });
});

describe('feature stylesheets, as built', () => {
  /** The optional stylesheets a page links, by name (`live`, `series`, …), leaving out the ones every page links. */
  const optional = (slug: string) =>
    [...page(slug).matchAll(/<link rel="stylesheet" href="\/_astro\/([a-z]+)\.[\w-]+\.css"/g)]
      .map(([, name]) => name!)
      .filter((name) => !['Base', 'newsletter'].includes(name));

  it('links each only from the pages that show what it styles', () => {
    expect(optional('cable-repair-ships-shortage')).toEqual([]);
    expect(optional(LIVE)).toEqual(['live']);
    expect(optional(ENDED)).toEqual(['live', 'series']);
    expect(optional(OPINION)).toEqual(['formats']);
    expect(optional(SPONSORED)).toEqual(['formats']);
    expect(optional('open-source-maintainers-public-funding')).toEqual(['corrections']);
    expect(optional('banks-post-quantum-encryption-migration')).toContain('mdx');
  });
});

describe('in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let tab: Page;
  const site = path.join(testOutput, 'newsroom-site');

  beforeAll(async () => {
    // A copy, so the polled files can change under an open page.
    fs.rmSync(site, { recursive: true, force: true });
    fs.cpSync(dist, site, { recursive: true });
    server = await serveStatic(site);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (url: string) => {
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(`${server.url}${url}`, { waitUntil: 'networkidle' });
    return tab;
  };

  it('offers a new update written to updates.json as "1 new update" without reloading, and shows it on click', async () => {
    const feedFile = path.join(site, 'articles', LIVE, 'updates.json');
    const original = fs.readFileSync(feedFile, 'utf8');
    try {
      const live = await open(`/articles/${LIVE}/`);
      const title = await live.title();
      await live.evaluate(() => Object.assign(window, { stillThisPage: true }));
      const feed = JSON.parse(original) as Feed;
      const html = feed.updates[0]!.html.replaceAll('20261129-114500', '20261129-120500').replace(/<div class="prose">[\s\S]*?<\/div>/, '<div class="prose"><p>The wind has started to ease in Zeeland.</p></div>');
      fs.writeFileSync(feedFile, JSON.stringify({ ...feed, updates: [{ id: '20261129-120500', time: '2026-11-29T12:05:00Z', html }, ...feed.updates] }));

      // The page checks again whenever the tab becomes visible; this stands in for the 30-second timer.
      await live.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      const button = live.locator('.new-updates button');
      await button.waitFor({ state: 'visible' });
      expect(await button.textContent()).toBe('1 new update');
      expect(await live.title()).toBe(`(1) ${title}`);
      expect(await live.locator('#update-20261129-120500').count()).toBe(0);

      await button.click();
      const added = live.locator('[data-stream] > .update').first();
      expect(await added.getAttribute('id')).toBe('update-20261129-120500');
      expect(await added.locator('.prose').textContent()).toBe('The wind has started to ease in Zeeland.');
      expect(await live.evaluate(() => document.activeElement?.id)).toBe('update-20261129-120500');
      expect(await live.title()).toBe(title);
      expect(await button.isVisible()).toBe(false);
      expect(await live.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    } finally {
      fs.writeFileSync(feedFile, original);
      await tab.close();
    }
  });

  it('polls nothing on an ended story', async () => {
    const requests: string[] = [];
    const ended = await browser.newPage();
    ended.on('request', (request) => requests.push(request.url()));
    await ended.goto(`${server.url}/articles/${ENDED}/`, { waitUntil: 'networkidle' });
    await ended.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await ended.waitForTimeout(300);
    expect(requests.filter((url) => url.endsWith('updates.json'))).toEqual([]);
    await ended.close();
  });

  it('shows the alert banner from alerts.json without moving the page, and hides it when the alert is cleared or expired', async () => {
    const alertsFile = path.join(site, 'alerts.json');
    const original = fs.readFileSync(alertsFile, 'utf8');
    try {
      const home = await open('/');
      const banner = home.locator('.site-alert');
      await banner.waitFor({ state: 'visible' });
      expect(await banner.textContent()).toContain('Storm Ilka: red warnings on the North Sea coast');
      expect(await banner.locator('a').getAttribute('href')).toBe(`/articles/${LIVE}/`);
      expect(await banner.getAttribute('data-level')).toBe('breaking');
      // Fixed to the window: the page under it sits exactly where it sits without an alert.
      const layout = () => home.evaluate(() => [...document.querySelectorAll('main, .site-footer')].map((element) => element.getBoundingClientRect().top + window.scrollY));
      expect(await banner.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
      const withAlert = await layout();

      // Without an alert, a page loads none of the banner's code or style.
      const loaded: string[] = [];
      home.on('request', (request) => loaded.push(new URL(request.url()).pathname));
      fs.writeFileSync(alertsFile, JSON.stringify({ alerts: [] }));
      await home.reload({ waitUntil: 'networkidle' });
      expect(await banner.isVisible()).toBe(false);
      expect(await layout()).toEqual(withAlert);
      expect(loaded).toContain('/alerts.json');
      expect(loaded.filter((file) => /alert-banner|alerts\.[\w-]+\.css/.test(file))).toEqual([]);

      const expired = { id: 'old', text: 'Yesterday’s news', level: 'notice', expires: new Date(Date.now() - 60_000).toISOString() };
      const running = { id: 'new', text: 'Polling stations open until 22:00', level: 'notice', expires: new Date(Date.now() + 3_600_000).toISOString() };
      fs.writeFileSync(alertsFile, JSON.stringify({ alerts: [expired] }));
      await home.reload({ waitUntil: 'networkidle' });
      expect(await banner.isVisible()).toBe(false);
      fs.writeFileSync(alertsFile, JSON.stringify({ alerts: [expired, running] }));
      await home.reload({ waitUntil: 'networkidle' });
      await banner.waitFor({ state: 'visible' });
      expect(await banner.textContent()).toContain('Polling stations open until 22:00');
      await banner.locator('[data-dismiss]').click();
      expect(await banner.isVisible()).toBe(false);
      await home.reload({ waitUntil: 'networkidle' });
      expect(await banner.isVisible()).toBe(false);
    } finally {
      fs.writeFileSync(alertsFile, original);
      await tab.close();
    }
  });

  it('submits the newsletter form to its action with the email field, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    const posted: { url: string; body: string }[] = [];
    await plain.route('https://newsletters.example/**', async (route) => {
      posted.push({ url: route.request().url(), body: route.request().postData() ?? '' });
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Thanks</p>' });
    });
    await plain.goto(`${server.url}/articles/cable-repair-ships-shortage/`);
    const form = plain.locator('form.newsletter').first();
    await form.locator('input[type="email"]').fill('reader@example.org');
    await form.locator('button[type="submit"]').click();
    await plain.waitForURL('https://newsletters.example/**');
    expect(posted).toEqual([{ url: 'https://newsletters.example/subscribe/broadsheet', body: 'email=reader%40example.org' }]);
    await context.close();
  });

  it('labels sponsored content in search results', async () => {
    const search = await open('/search/?q=heat%20pump%20installer');
    const result = search.locator('.result', { hasText: 'What it takes to train a heat pump installer' });
    await result.waitFor();
    expect(await result.locator('.kicker').textContent()).toBe('Sponsored · Technology');
    await search.close();
  });
});
