/**
 * The WordPress importer end to end: the fixtures' exports imported with the
 * real command into content folders under .test-output/, checked on disk and
 * by the content check, and one real build of the imported publication, whose
 * pages, redirects (through a server that applies `_redirects`, and as
 * redirect pages for hosts without rules) and sanitised bodies are checked.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { childEnv } from '../support/child-env.ts';
import { repoRoot, testOutput } from '../support/paths.ts';
import { serveWithRedirects } from '../support/redirects-server.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const fixtures = path.join(repoRoot, 'tests/fixtures/wordpress');
const uploads = path.join(fixtures, 'uploads');
const work = path.join(testOutput, 'wordpress-import');
const published = path.join(work, 'gazette');
const dist = path.join(work, 'gazette-site');
const NOW = '2026-11-29T12:00:00Z';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run import:wordpress -- …`, as a person runs it. */
function runImport(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/node'), ['scripts/import-wordpress.ts', ...args], {
      cwd: repoRoot,
      env: childEnv({ BROADSHEET_NOW: NOW }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function frontmatter(contentDir: string, year: string, slug: string): Record<string, unknown> {
  const text = fs.readFileSync(path.join(contentDir, 'articles', year, slug, 'index.md'), 'utf8');
  return yaml.load(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
}

const articleFile = (contentDir: string, year: string, slug: string) => path.join(contentDir, 'articles', year, slug, 'index.md');
const readYaml = (file: string) => yaml.load(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Follows redirects by hand, so that each hop is checked: the final response and the addresses passed through. */
async function follow(base: string, address: string): Promise<{ status: number; body: string; hops: string[] }> {
  const hops: string[] = [];
  let url = new URL(address, base).href;
  for (let hop = 0; hop < 5; hop += 1) {
    const response = await fetch(url, { redirect: 'manual' });
    if (response.status === 301 || response.status === 302) {
      url = new URL(response.headers.get('location')!, url).href;
      hops.push(new URL(url).pathname);
      continue;
    }
    return { status: response.status, body: await response.text(), hops };
  }
  throw new Error(`${address} redirects more than 5 times`);
}

describe('npm run import:wordpress', () => {
  let first: Run;
  let hostile: Run;
  let second: Run;
  let localEdit: string;
  let buildOutput = '';

  beforeAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    first = await runImport([path.join(fixtures, 'site.xml'), '--uploads', uploads, '--content', published]);
    // An editor changes an imported article before the next import.
    const edited = articleFile(published, '2023', 'brass-bands-return-to-the-quay');
    localEdit = `${fs.readFileSync(edited, 'utf8')}\nThe desk added this paragraph in Broadsheet.\n`;
    fs.writeFileSync(edited, localEdit);
    hostile = await runImport([path.join(fixtures, 'hostile.xml'), '--uploads', uploads, '--content', published]);
    second = await runImport([path.join(fixtures, 'site-newer.xml'), '--uploads', uploads, '--content', published]);
    const build = await buildSite({ contentDir: published, outDir: dist, env: { BROADSHEET_NOW: NOW } });
    if (build.code !== 0) throw new Error(`The imported publication did not build:\n${build.output}`);
    buildOutput = build.output;
  });

  describe('into an empty folder', () => {
    it('runs cleanly and leaves content the check finds nothing wrong with', () => {
      for (const run of [first, hostile, second]) expect(run.code, run.stderr).toBe(0);
      expect(validateContent(published).problems).toEqual([]);
    });

    it('writes the settings from the export, with the largest categories as the navigation', () => {
      expect(readYaml(path.join(published, 'settings.yml'))).toMatchObject({
        name: 'The Harbour Gazette',
        tagline: 'News from the estuary towns, every weekday',
        navigation: ['news', 'harbour', 'culture', 'sport', 'world'],
      });
    });

    it('writes authors with names, bios and links, co-authors and guest authors included', () => {
      expect(readYaml(path.join(published, 'authors/mara.yml'))).toEqual({
        name: 'Mara Quinlan',
        bio: 'Mara Quinlan edits the Gazette and writes about the council, the harbour board and anything else that floats.',
        links: { website: 'https://mara-quinlan.example' },
      });
      expect(readYaml(path.join(published, 'authors/tobias-reed.yml'))).toEqual({ name: 'Tobias Reed' });
      expect(readYaml(path.join(published, 'authors/guest-writer.yml'))).toEqual({ name: 'guest-writer' });
      expect(fs.readFileSync(path.join(published, 'authors/mara.yml'), 'utf8')).not.toContain('@');
    });

    it('writes a topic per category used, nested ones after their own', () => {
      expect(readYaml(path.join(published, 'topics/harbour.yml'))).toEqual({ name: 'Harbour', description: 'Ferries, moorings and the people who work the quay.' });
      expect(fs.readdirSync(path.join(published, 'topics')).sort()).toEqual(['culture.yml', 'harbour.yml', 'news.yml', 'sport.yml', 'world.yml']);
      expect(frontmatter(published, '2024', 'ferry-timetable-extended')['topics']).toEqual(['harbour', 'news']);
      // Yoast's primary category leads.
      expect(frontmatter(published, '2023', 'brass-bands-return-to-the-quay')['topics']).toEqual(['sport', 'culture']);
    });

    it('maps a post to the schema: dates, byline, tags, featured, hero image', () => {
      expect(frontmatter(published, '2024', 'ferry-timetable-extended')).toEqual({
        title: 'Winter ferry timetable extended to mid-May',
        description: 'The winter timetable runs two weeks longer while the new pontoon is finished.',
        publishedAt: '2024-03-12T09:30:00Z',
        updatedAt: '2024-04-25T09:15:00Z',
        authors: ['tobias-reed'],
        topics: ['harbour', 'news'],
        tags: ['Ferries', 'Tides'],
        image: { src: './harbour-dawn.jpg', alt: 'The harbour at dawn, the ferry leaving the quay', caption: 'The first ferry leaves as the sun comes up.' },
        featured: true,
      });
      expect(frontmatter(published, '2023', 'brass-bands-return-to-the-quay')['authors']).toEqual(['mara', 'ilse', 'guest-writer']);
      expect(frontmatter(published, '2024', 'council-backs-sea-wall-repairs')['description']).toBe('Councillors voted nine to two for repairs to the eastern sea wall, which start in May.');
    });

    it('keeps drafts as drafts and scheduled posts scheduled', () => {
      expect(frontmatter(published, '2024', 'new-mooring-fees-what-boat-owners-will-pay')).toMatchObject({ draft: true, publishedAt: '2024-05-02T09:00:00Z' });
      expect(frontmatter(published, '2024', 'letters-keep-the-lighthouse-lit')).toMatchObject({ draft: true });
      const scheduled = frontmatter(published, '2030', 'summer-regatta-route');
      expect(scheduled['publishedAt']).toBe('2030-06-01T08:00:00Z');
      expect(scheduled['draft']).toBeUndefined();
    });

    it('imports odd posts with their problem reported, and skips what it cannot date', () => {
      expect(frontmatter(published, '2024', '112')['title']).toBe('Tide tables for the spring weekend are posted…');
      expect(frontmatter(published, '2024', 'photo-call-lifeboat-station')['description']).toBe('Photo call at the lifeboat station');
      expect(frontmatter(published, '2024', 'lifeboat-crew-rota')['publishedAt']).toBe('2024-04-10T11:00:00Z');
      expect(fs.readFileSync(articleFile(published, '2024', 'rowing-club-wins-estuary-cup'), 'utf8')).toContain('The crew celebrated on the slipway.');
      expect(first.stdout).toMatch(/post 112 .*no title in WordPress/);
      expect(first.stdout).toMatch(/post 113 .*body is empty/);
      expect(first.stdout).toMatch(/post 115 .*dated by its last change/);
      expect(first.stdout).toMatch(/post 116 .*HTML left open.*<em>, <strong>/);
      expect(first.stdout).toMatch(/post 114 .*no date at all/);
    });

    it('lists what it did not import, by post ID and title, and keeps the report outside the content', () => {
      const notImported = first.stdout.slice(first.stdout.indexOf('## Not imported'), first.stdout.indexOf("## Needs an editor's look"));
      for (const [id, reason] of [['107', 'private'], ['108', 'trash'], ['109', 'password-protected'], ['110', 'a page'], ['114', 'no date']]) {
        expect(notImported).toMatch(new RegExp(`post ${id} “[^”]+”: .*${reason}`));
      }
      expect(notImported).not.toMatch(/post 111/);
      const report = fs.readFileSync(path.join(published, '.import/wordpress-report.md'), 'utf8');
      expect(report).toContain('site-newer.xml');
      expect(fs.readdirSync(dist).some((name) => name.startsWith('.import'))).toBe(false);
    });

    it('copies the images an article uses beside it, and leaves out one it cannot get', () => {
      expect(fs.readdirSync(path.join(published, 'articles/2024/ferry-timetable-extended')).sort()).toEqual(['ferry-deck.jpg', 'festival-crowd.png', 'festival-stage.png', 'harbour-dawn.jpg', 'index.md']);
      const body = fs.readFileSync(articleFile(published, '2024', 'ferry-timetable-extended'), 'utf8');
      expect(body).toContain('![Passengers on the open deck of the morning ferry](./ferry-deck.jpg)\n\n*The morning crossing in February.*');
      expect(body).toContain('<iframe src="https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0" title="The pontoon works, filmed from the breakwater."></iframe>');
      expect(body).toContain('[the autumn festival](/articles/brass-bands-return-to-the-quay/)');
      const withoutImage = fs.readFileSync(articleFile(published, '2024', 'council-backs-sea-wall-repairs'), 'utf8');
      expect(withoutImage).not.toContain('sea-wall-cracks');
      expect(withoutImage).toContain('Work starts in May');
      expect(first.stdout).toMatch(/post 103 .*sea-wall-cracks\.jpg.*left out/);
    });
  });

  describe('again, from a newer export', () => {
    it('adds the new post, updates the changed one and duplicates nothing', () => {
      expect(frontmatter(published, '2024', 'fireworks-move-to-the-breakwater')['title']).toBe('Harbour fireworks move to the breakwater');
      expect(fs.readFileSync(articleFile(published, '2024', 'ferry-timetable-extended'), 'utf8')).toContain('will now run until mid-May');
      const slugs = fs.readdirSync(path.join(published, 'articles/2024'));
      expect(slugs.filter((slug) => slug.startsWith('ferry-timetable-extended'))).toEqual(['ferry-timetable-extended']);
      expect(second.stdout).toMatch(/1 article published/);
      expect(second.stdout).toMatch(/1 article updated/);
      expect(second.stdout).toMatch(/1 article unchanged/);
    });

    it('leaves an article edited in Broadsheet as it is, and says so', () => {
      expect(fs.readFileSync(articleFile(published, '2023', 'brass-bands-return-to-the-quay'), 'utf8')).toBe(localEdit);
      expect(second.stdout).toMatch(/post 102 “Brass bands return to the quay”: changed in WordPress, but .* edited in Broadsheet since the last import/);
    });

    it('keeps an article whose post has since gone to the trash, and says so', () => {
      expect(fs.existsSync(articleFile(published, '2024', 'rowing-club-wins-estuary-cup'))).toBe(true);
      expect(second.stdout).toMatch(/post 116 “Rowing club wins the estuary cup”: now in the trash in WordPress, but imported before/);
    });
  });

  describe('the built publication', () => {
    it('builds with no warning', () => {
      expect(buildOutput.split('\n').filter((line) => line.includes('[WARN]'))).toEqual([]);
    });

    const page = (slug: string) => fs.readFileSync(path.join(dist, 'articles', slug, 'index.html'), 'utf8');

    it('has every published article, with its hero, body images and embed, and no draft or scheduled one', () => {
      const ferry = page('ferry-timetable-extended');
      expect(ferry).toContain('Winter ferry timetable extended to mid-May');
      expect(ferry).toMatch(/<figure class="hero[^"]*"[\s\S]*?<img[^>]+alt="The harbour at dawn, the ferry leaving the quay"/);
      expect(ferry).toMatch(/<img[^>]+alt="Passengers on the open deck of the morning ferry"[^>]+src="\/_astro\/ferry-deck\./);
      expect(ferry).toContain('src="https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0"');
      expect(ferry).toMatch(/<table>[\s\S]*Quay to Island/);
      for (const slug of ['new-mooring-fees-what-boat-owners-will-pay', 'letters-keep-the-lighthouse-lit', 'summer-regatta-route']) {
        expect(fs.existsSync(path.join(dist, 'articles', slug)), slug).toBe(false);
      }
      expect(fs.readFileSync(path.join(dist, 'authors/mara/index.html'), 'utf8')).toContain('Mara Quinlan');
      expect(fs.readFileSync(path.join(dist, 'topics/news/index.html'), 'utf8')).toContain('Winter ferry timetable extended to mid-May');
    });

    it('carries no script, event attribute or foreign frame from a hostile post, and resolved no external entity', () => {
      const notice = page('notice-to-mariners');
      expect(notice).toContain('The harbour office issued a notice to mariners');
      expect(notice).not.toMatch(/script ran|on(error|toggle|click)=|evil\.example|javascript:/);
      const leaked = fs.readFileSync(path.join(fixtures, 'hostile-entity.txt'), 'utf8').trim();
      expect(notice).not.toContain(leaked);
      expect(fs.readFileSync(articleFile(published, '2024', 'notice-to-mariners'), 'utf8')).not.toContain(leaked);
      expect(hostile.stdout).toMatch(/post 901 .*undefined entity/);
    });

    describe('redirects', () => {
      let ruled: StaticServer;
      let plain: StaticServer;
      const redirects = () => (readYaml(path.join(published, 'redirects.yml'))['redirects'] as { from: string; to: string }[]).filter((entry) => !entry.from.includes('?'));

      beforeAll(async () => {
        ruled = await serveWithRedirects(dist);
        plain = await serveStatic(dist);
      });
      afterAll(async () => {
        await ruled?.close();
        await plain?.close();
      });

      it('lists one line per old address only where no rule covers it', () => {
        const file = fs.readFileSync(path.join(dist, '_redirects'), 'utf8');
        expect(file).toContain('/2024/:month/:slug/ /articles/:slug/ 301');
        expect(file).toContain('/author/tobias_reed/ /authors/tobias-reed/ 301');
        expect(file).not.toContain('/2024/03/ferry-timetable-extended/');
        expect(file).not.toMatch(/p=\d/);
        const lines = file.split('\n').filter((line) => line && !line.startsWith('#'));
        expect(lines.length).toBeLessThan(redirects().length / 2);
      });

      it('sends every old address to the right page on a host that reads _redirects', async () => {
        expect(redirects().length).toBeGreaterThan(30);
        for (const { from, to } of redirects()) {
          const result = await follow(ruled.url, from);
          expect(result.status, from).toBe(200);
          expect(result.hops.at(-1), from).toBe(new URL(to, ruled.url).pathname);
          if (to.startsWith('/articles/')) {
            const slug = to.split('/')[2]!;
            const year = fs.readdirSync(path.join(published, 'articles')).find((candidate) => fs.existsSync(articleFile(published, candidate, slug)))!;
            expect(result.body, from).toContain(String(frontmatter(published, year, slug)['title']).replace(/&/g, '&amp;'));
          }
        }
        // The site's own pages are not taken over by a rule.
        for (const own of ['/search/', '/archive/', '/tags/']) expect((await follow(ruled.url, own)).status, own).toBe(200);
      });

      it('leaves a valid redirect page at each old address for hosts without rules', async () => {
        const validator = new HtmlValidate(new FileSystemConfigLoader());
        for (const { from, to } of redirects()) {
          const response = await fetch(new URL(from, plain.url), { redirect: 'manual' });
          expect(response.status, from).toBe(200);
          const html = await response.text();
          expect(html, from).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
          expect(html, from).toContain(`<link rel="canonical" href="https://broadsheet.example${to}">`);
          expect(html, from).toContain('<meta name="robots" content="noindex">');
          expect(html, from).toContain(`<a href="${to}">`);
        }
        const report = await validator.validateFile(path.join(dist, '2024/03/ferry-timetable-extended/index.html'));
        expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId} ${message.message}`))).toEqual([]);
      });

      it('moves a browser on at once from a redirect page, without a content security policy violation', async () => {
        const browser = await launchBrowser();
        try {
          const tab = await browser.newPage();
          const violations: string[] = [];
          tab.on('console', (message) => {
            if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
          });
          await tab.goto(`${plain.url}/2024/03/ferry-timetable-extended/`);
          await tab.waitForURL(`${plain.url}/articles/ferry-timetable-extended/`);
          expect(await tab.locator('h1').first().textContent()).toContain('Winter ferry timetable extended to mid-May');
          expect(violations).toEqual([]);
        } finally {
          await browser.close();
        }
      });
    });
  });

  describe('into an existing publication', () => {
    const existing = path.join(work, 'existing');
    let run: Run;

    beforeAll(async () => {
      fs.cpSync(path.join(repoRoot, 'content'), existing, { recursive: true });
      run = await runImport([path.join(fixtures, 'site.xml'), '--uploads', uploads, '--content', existing]);
    });

    it('keeps its settings, authors and topics, and gives a taken slug a new one', () => {
      expect(run.code, run.stderr).toBe(0);
      for (const file of ['settings.yml', 'topics/world.yml']) {
        expect(fs.readFileSync(path.join(existing, file), 'utf8'), file).toBe(fs.readFileSync(path.join(repoRoot, 'content', file), 'utf8'));
      }
      expect(frontmatter(existing, '2024', 'council-backs-sea-wall-repairs')['topics']).toEqual(['world']);
      expect(frontmatter(existing, '2024', 'cable-repair-ships-shortage-2')['title']).toBe('Cable repair ship calls at the harbour');
      expect(fs.readFileSync(articleFile(existing, '2026', 'cable-repair-ships-shortage'), 'utf8')).toBe(fs.readFileSync(articleFile(path.join(repoRoot, 'content'), '2026', 'cable-repair-ships-shortage'), 'utf8'));
      expect(run.stdout).toMatch(/1 topic already there, kept/);
      expect(validateContent(existing).problems).toEqual([]);
    });
  });

  describe('a WordPress.com export, with its uploads fetched from a server', () => {
    const wpcom = path.join(work, 'wpcom');
    let server: StaticServer;
    let run: Run;

    beforeAll(async () => {
      server = await serveStatic(uploads);
      run = await runImport([path.join(fixtures, 'wordpress-com.xml'), '--uploads', `${server.url}/`, '--content', wpcom]);
    });
    afterAll(() => server?.close());

    it('reads its namespaces and its files.wordpress.com addresses', () => {
      expect(run.code, run.stderr).toBe(0);
      const article = fs.readFileSync(articleFile(wpcom, '2022', 'old-pier-low-water'), 'utf8');
      expect(frontmatter(wpcom, '2022', 'old-pier-low-water')).toMatchObject({ authors: ['harbourlogger'], topics: ['boats'], tags: ['piers'], image: { src: './pier.jpg', alt: 'The old pier from the beach' } });
      expect(article).toContain('![The timbers of the old pier at low water](./pier.jpg)');
      expect(article).toContain('https://www.youtube-nocookie.com/embed/Zx4kPq81TnE');
      expect(fs.readdirSync(path.join(wpcom, 'articles/2022/old-pier-low-water')).sort()).toEqual(['index.md', 'pier.jpg']);
      expect(readYaml(path.join(wpcom, 'redirects.yml'))['rules']).toContainEqual({ from: '/2022/:month/:day/:slug/', to: '/articles/:slug/' });
      expect(readYaml(path.join(wpcom, 'settings.yml'))).toMatchObject({ name: 'Harbour Log', tagline: '' });
      expect(validateContent(wpcom).problems).toEqual([]);
    });
  });

  describe('a file that is not a WordPress export', () => {
    it.each([
      ['plain text', 'not-xml.xml', 'This is a shopping list, not an export.\n', /not XML/],
      ['an RSS feed', 'feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item><title>One</title></item></channel></rss>', /not a WordPress export/],
      ['an HTML page', 'page.xml', '<!DOCTYPE html><html><head><title>Hi</title></head><body></body></html>', /not a WordPress export/],
    ])('stops on %s with one line, writing nothing', async (_name, file, text, message) => {
      const input = path.join(work, file);
      fs.writeFileSync(input, text);
      const target = path.join(work, `refused-${file}`);
      const run = await runImport([input, '--content', target]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      expect(fs.existsSync(target)).toBe(false);
    });
  });
});
