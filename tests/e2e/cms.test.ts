/**
 * Decap CMS end to end: the built /admin/ page in Chromium, talking to a real
 * decap-server over scratch copies of the content (MODE=fs), and to a scratch
 * git clone made by scripts/cms-workflow.mjs (MODE=git, editorial workflow).
 * Nothing here writes into the repository's own `content/`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { childEnv } from '../support/child-env.ts';
import { buildSite } from '../support/build.ts';
import { freePort } from '../support/ports.ts';
import { repoRoot, SAMPLE_NOW, testOutput } from '../support/paths.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const fixtures = path.join(repoRoot, 'tests/fixtures/valid');
/** The CMS collection of this year's articles: the admin site is built with SAMPLE_NOW, in 2026. */
const ARTICLES = 'articles-2026';
const work = path.join(testOutput, 'cms-e2e');
const adminSite = path.join(work, 'admin-site');
/** decap-server's folder in fs mode: it resolves the CMS's `content/...` paths against it. */
const fsRepo = path.join(work, 'fs-repo');
const uploads = path.join(work, 'uploads');

interface Server {
  port: number;
  stop: () => Promise<void>;
}

/** Starts a long-running command in its own process group and waits for `ready` in its output. */
async function startGroup(command: string, args: string[], env: Record<string, string>, ready: RegExp, port: number): Promise<Server> {
  const child: ChildProcess = spawn(command, args, {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}:\n${output}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || !child.pid) return resolve();
        child.on('exit', () => resolve());
        process.kill(-child.pid, 'SIGTERM');
      }),
  };
}

function startDecapServer(port: number, repoDir: string): Promise<Server> {
  return startGroup(
    path.join(repoRoot, 'node_modules/.bin/decap-server'),
    [],
    { MODE: 'fs', GIT_REPO_DIRECTORY: repoDir, BIND_HOST: '127.0.0.1', PORT: String(port) },
    /listening on/,
    port,
  );
}

/** Every file under `dir` with a hash of its bytes, to compare a tree before and after an edit. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex'));
  }
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

function frontmatter(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  return yaml.load(text.split(/^---$/m)[1] ?? '', { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
}

/** Local addresses of the TCP sockets listening on `port`, from Linux's /proc/net/tcp and tcp6. */
function listeningAddresses(port: number): string[] {
  const LISTEN = '0A';
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const [, local = '', , state] = line.trim().split(/\s+/);
      const [hexAddress = '', hexPort = ''] = local.split(':');
      if (state !== LISTEN || parseInt(hexPort, 16) !== port) continue;
      addresses.push(hexAddress.length === 8 ? hexAddress.match(/../g)!.reverse().map((byte) => parseInt(byte, 16)).join('.') : `[${hexAddress}]`);
    }
  }
  return addresses;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

async function makeImage(name: string, width: number, height: number, colour: string): Promise<string> {
  const file = path.join(uploads, name);
  await sharp({ create: { width, height, channels: 3, background: colour } }).png().toFile(file);
  return file;
}

let browser: Browser;
let site: StaticServer;
let decapPort: number;
let adminHtml: string;

async function openAdmin(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${site.url}/admin/#/`);
  const login = page.getByRole('button', { name: 'Login' });
  const collections = page.locator(`a[href="#/collections/${ARTICLES}/new"]`);
  await login.or(collections).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 30_000 });
  await page.goto(`${site.url}/admin/#${hash}`);
  return page;
}

const field = (page: Page, name: string) => page.locator(`[id^="${name}-field"]`).first();

/** The header of the collection pages links to the editorial workflow board only when that publish mode is on. */
const contentsLink = (page: Page) => page.locator('a[href="#/"]');
const workflowLink = (page: Page) => page.locator('a[href="#/workflow"]');

/** Switches the body editor to Markdown, so that typed Markdown is kept as written. */
async function markdownBody(page: Page) {
  await page.locator('div:has(> span:text-is("Markdown")) > [role="switch"]').last().click();
  await page.locator('[data-slate-editor="true"]').last().click();
}

/** Picks options in a relation field by typing part of their display name. */
async function choose(page: Page, name: string, ...labels: string[]) {
  for (const label of labels) {
    await field(page, name).fill(label.slice(0, 4));
    await page.getByRole('option', { name: label }).click();
  }
}

/** Uploads a file through the media library opened by the field's button, and chooses it. */
async function upload(page: Page, button: string, file: string) {
  await page.getByRole('button', { name: button }).click();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Choose selected' }).click();
}

/** Waits for one of Decap's notices; on failure leaves a screenshot in the scratch folder. */
async function notice(page: Page, text: string | RegExp) {
  try {
    await page.getByText(text).first().waitFor({ timeout: 15_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(work, `failure-${Date.now()}.png`) });
    throw error;
  }
}

async function publishNow(page: Page, done: string | RegExp = 'Entry saved') {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await notice(page, done);
}

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(uploads, { recursive: true });
  fs.cpSync(fixtures, path.join(fsRepo, 'content'), { recursive: true });
  decapPort = await freePort();
  const build = await buildSite({ contentDir: fixtures, outDir: adminSite, env: { DECAP_SERVER_PORT: String(decapPort), BROADSHEET_NOW: SAMPLE_NOW } });
  if (build.code !== 0) throw new Error(`The admin site did not build:\n${build.output}`);
  adminHtml = fs.readFileSync(path.join(adminSite, 'admin/index.html'), 'utf8');
  site = await serveStatic(adminSite);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('CMS on the local file-system backend', () => {
  let server: Server;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startDecapServer(decapPort, fsRepo);
    context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('serves an admin page that stays out of search engines and the site search', () => {
    const html = adminHtml;
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toMatch(/<body[^>]*data-pagefind-ignore/);
    expect(html).not.toMatch(/https?:\/\/(unpkg|cdn|esm\.sh)/);
    // Decap is bundled with the site, never loaded from a CDN.
    expect(html).toMatch(/<script type="module" src="\/admin\/cms\.js"/);
    expect(fs.statSync(path.join(adminSite, 'admin/cms.js')).size).toBeGreaterThan(1_000_000);
  });

  it('has a content security policy that lets Decap read uploads and reach decap-server', () => {
    const connect = /connect-src ([^;"]*)/.exec(adminHtml)?.[1]?.split(/\s+/) ?? [];
    // Decap reads a file chosen for upload back through fetch(blob:…) before saving it.
    expect(connect).toContain('blob:');
    // The port the site was built for (DECAP_SERVER_PORT), as the page itself uses.
    expect(connect).toContain(`http://127.0.0.1:${decapPort}`);
    expect(adminHtml).toContain(`data-decap-port="${decapPort}"`);
  });

  it('listens on 127.0.0.1 only, never on a non-loopback address', async () => {
    // The kernel's own table of listening sockets: true whatever interfaces this machine has.
    expect(listeningAddresses(server.port)).toEqual(['127.0.0.1']);
    const connect = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: server.port });
        socket.setTimeout(3000);
        socket.on('connect', () => (socket.destroy(), resolve(true)));
        socket.on('error', () => resolve(false));
        socket.on('timeout', () => (socket.destroy(), resolve(false)));
      });
    expect(await connect('127.0.0.1')).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    if (external) expect(await connect(external.address)).toBe(false);
  });

  it('publishes straight away, without the editorial workflow, on the file-system backend', async () => {
    const page = await openAdmin(context, '/collections/topics');
    await contentsLink(page).waitFor();
    expect(await workflowLink(page).count()).toBe(0);
    await page.goto(`${site.url}/admin/#/collections/topics/new`);
    await page.getByRole('button', { name: 'Publish', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await page.close();
  });

  it('creates an author with a portrait, offered in the article authors field', async () => {
    const portrait = await makeImage('chloe-reporter.png', 300, 300, '#aa5533');
    const page = await openAdmin(context, '/collections/authors/new');
    await field(page, 'name').fill('Chloé Reporter');
    await field(page, 'role').fill('Political correspondent');
    await upload(page, 'Choose an image', portrait);
    await publishNow(page);

    const file = path.join(fsRepo, 'content/authors/chloe-reporter.yml');
    expect(fs.readFileSync(file, 'utf8')).toBe('name: Chloé Reporter\nrole: Political correspondent\navatar: ./chloe-reporter.png\n');
    expect(fs.existsSync(path.join(fsRepo, 'content/authors/chloe-reporter.png'))).toBe(true);

    await page.close();

    // An editor opening a new article afterwards, in a fresh load of the CMS, as after any other save. Opened the way
    // every other test opens the CMS: a bare reload once outlasted its 30 s wait under load.
    const editor = await openAdmin(context, `/collections/${ARTICLES}/new`);
    await field(editor, 'authors').fill('Chlo');
    await editor.getByRole('option', { name: 'Chloé Reporter' }).waitFor({ timeout: 15_000 });
    await editor.close();
  });

  it('creates an article with authors, topic, tag, hero image and body, and the site renders it', async () => {
    const hero = await makeImage('polling-station.png', 1000, 600, '#3366aa');
    const page = await openAdmin(context, `/collections/${ARTICLES}/new`);
    await field(page, 'title').fill('Élection night: what we know');
    await field(page, 'description').fill('Counting continues across the country.');
    await field(page, 'publishedAt').fill('2026-11-27T07:30');
    // Authors from the fixture, so this test stands alone; creating one is the test above.
    await choose(page, 'authors', 'Ada Writer', 'Bo Editor');
    await choose(page, 'topics', 'Alpha');
    await field(page, 'tags').fill('elections');
    await upload(page, 'Choose an image', hero);
    await field(page, 'alt').fill('Voters queue outside a polling station');
    await field(page, 'credit').fill('Photo: Jane Doe / Agency');
    await markdownBody(page);
    await page.keyboard.type('## Polling day');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Read the [official results](https://example.org/results) as they come in.');
    await publishNow(page);
    await page.close();

    const dir = path.join(fsRepo, 'content/articles/2026/election-night-what-we-know');
    expect(fs.readdirSync(dir).sort()).toEqual(['index.md', 'polling-station.png']);
    expect(fs.readFileSync(path.join(dir, 'index.md'), 'utf8')).toBe(
      [
        '---',
        'title: "Élection night: what we know"',
        'description: Counting continues across the country.',
        'publishedAt: 2026-11-27T07:30:00+00:00',
        'authors:',
        '  - ada-writer',
        '  - bo-editor',
        'topics:',
        '  - alpha',
        'tags:',
        '  - elections',
        'format: news',
        'image:',
        '  src: ./polling-station.png',
        '  alt: Voters queue outside a polling station',
        '  credit: "Photo: Jane Doe / Agency"',
        'draft: false',
        'featured: false',
        '---',
        '## Polling day',
        '',
        'Read the [official results](https://example.org/results) as they come in.',
        '',
      ].join('\n'),
    );

    const out = path.join(work, 'fs-site');
    const build = await buildSite({ contentDir: path.join(fsRepo, 'content'), outDir: out, env: { BROADSHEET_NOW: SAMPLE_NOW } });
    expect(build.code, build.output).toBe(0);
    const html = fs.readFileSync(path.join(out, 'articles/election-night-what-we-know/index.html'), 'utf8');
    expect(html).toContain('Élection night: what we know');
    expect(html).toMatch(/<img[^>]+srcset="\/_astro\/polling-station\.[^"]+\.webp \d+w, [^"]+\.webp \d+w/);
    expect(html).toContain('alt="Voters queue outside a polling station"');
    expect(html).toMatch(/>Ada Writer<\/a>[\s\S]*>Bo Editor<\/a>/);
    // The kicker in the article's own header, not in a related story's card.
    expect(html).toMatch(/<header class="container head[^"]*">(?:(?!<\/header>)[\s\S])*class="kicker[^"]*"[^>]*>Alpha</);
    expect(html).toMatch(/<h2[^>]*>Polling day<\/h2>/);
    expect(html).toContain('href="https://example.org/results"');
    expect(html).toMatch(/\/_astro\/ada-writer\.[^"]+\.webp/);
  });

  it('refuses a new article whose address is taken, then saves it under a new headline', async () => {
    const before = snapshot(fsRepo);
    const page = await openAdmin(context, `/collections/${ARTICLES}/new`);
    await field(page, 'title').fill('Second story');
    await field(page, 'description').fill('Same headline, another story.');
    await choose(page, 'authors', 'Ada Writer');
    await choose(page, 'topics', 'Beta');
    await page.locator('[data-slate-editor="true"]').last().click();
    await page.keyboard.type('Another story under the same headline.');
    await publishNow(page, /The address “second-story” already belongs to another article\. Change the headline/);
    expect(changedFiles(before, snapshot(fsRepo))).toEqual([]);

    // An address taken in another year's folder is taken too: every year shares /articles/<slug>/.
    await field(page, 'title').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Future story');
    await publishNow(page, /The address “future-story” already belongs to another article\. Change the headline/);
    expect(changedFiles(before, snapshot(fsRepo))).toEqual([]);

    // As an editor does: click into the headline, select it all, type over it. (Decap's text
    // input restores its own caret when it gains focus, so a selection made before that is lost.)
    await field(page, 'title').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Second story, another angle');
    await publishNow(page);
    await page.close();
    expect(changedFiles(before, snapshot(fsRepo))).toEqual(['content/articles/2026/second-story-another-angle/index.md']);
    expect(frontmatter(path.join(fsRepo, 'content/articles/2026/second-story-another-angle/index.md'))['description']).toBe('Same headline, another story.');
    expect(frontmatter(path.join(fsRepo, 'content/articles/2026/second-story/index.md'))['description']).toBe('The second fixture story.');
  });

  it('posts a live update and an alert, writing one file each, and the rebuilt site shows both', async () => {
    const before = snapshot(fsRepo);
    const page = await openAdmin(context, '/collections/updates/new');
    await field(page, 'story').click();
    await page.getByRole('option', { name: 'Harbour storm live' }).click();
    await field(page, 'headline').fill('Harbour gates closed');
    await page.locator('[data-slate-editor="true"]').last().click();
    await page.keyboard.type('The harbour master closed the gates at noon.');
    await publishNow(page);

    const [updateFile, ...others] = changedFiles(before, snapshot(fsRepo));
    expect(others).toEqual([]);
    expect(updateFile).toMatch(/^content\/live\/harbour-storm-live\/\d{8}-\d{6}\.md$/);
    const update = frontmatter(path.join(fsRepo, updateFile!));
    expect(update).toMatchObject({ story: 'harbour-storm-live', headline: 'Harbour gates closed' });
    expect(String(update['time'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(fs.readFileSync(path.join(fsRepo, updateFile!), 'utf8')).toContain('\nThe harbour master closed the gates at noon.');

    await page.close();

    // The site has had no alerts file yet: the CMS creates it.
    const beforeAlert = snapshot(fsRepo);
    const alerts = await openAdmin(context, '/collections/alerts/entries/banner');
    await alerts.getByRole('button', { name: /Add alert/ }).click();
    await field(alerts, 'text').fill('Harbour closed to all shipping');
    await field(alerts, 'link').fill('/articles/harbour-storm-live/');
    await publishNow(alerts);
    await alerts.close();
    expect(changedFiles(beforeAlert, snapshot(fsRepo))).toEqual(['content/alerts.yml']);
    expect(yaml.load(fs.readFileSync(path.join(fsRepo, 'content/alerts.yml'), 'utf8'))).toEqual({
      alerts: [{ text: 'Harbour closed to all shipping', link: '/articles/harbour-storm-live/', level: 'breaking' }],
    });

    const out = path.join(work, 'fs-site-live');
    const build = await buildSite({ contentDir: path.join(fsRepo, 'content'), outDir: out, env: { BROADSHEET_NOW: new Date().toISOString() } });
    expect(build.code, build.output).toBe(0);
    const id = path.basename(updateFile!, '.md');
    expect(fs.readFileSync(path.join(out, 'articles/harbour-storm-live/index.html'), 'utf8')).toMatch(new RegExp(`id="update-${id}"[\\s\\S]*<h2>Harbour gates closed</h2>`));
    const feed = JSON.parse(fs.readFileSync(path.join(out, 'articles/harbour-storm-live/updates.json'), 'utf8')) as { updates: { id: string }[] };
    expect(feed.updates.map((item) => item.id)).toEqual([id]);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'alerts.json'), 'utf8')).alerts).toMatchObject([{ text: 'Harbour closed to all shipping', level: 'breaking' }]);
  });

  it('edits an existing article’s dek and touches only that file', async () => {
    const file = path.join(fsRepo, 'content/articles/2026/first-story/index.md');
    const before = snapshot(fsRepo);
    const data = frontmatter(file);
    const page = await openAdmin(context, `/collections/${ARTICLES}/entries/first-story/index`);
    await field(page, 'description').fill('A sharper dek for the first story.');
    await publishNow(page);
    await page.close();

    expect(changedFiles(before, snapshot(fsRepo))).toEqual(['content/articles/2026/first-story/index.md']);
    expect(frontmatter(file)).toEqual({ ...data, description: 'A sharper dek for the first story.' });
  });
});

describe('CMS editorial workflow on a scratch git clone', () => {
  const source = path.join(work, 'git-source');
  const clone = path.join(work, 'git-clone');
  let server: Server;
  let context: BrowserContext;

  beforeAll(async () => {
    fs.cpSync(fixtures, path.join(source, 'content'), { recursive: true });
    fs.writeFileSync(path.join(source, 'README.md'), 'Scratch newsroom\n');
    git(source, 'init', '--quiet', '--initial-branch=main');
    git(source, 'add', '.');
    git(source, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '--quiet', '-m', 'Initial content');
    fs.writeFileSync(path.join(source, 'notes.txt'), 'untracked in the working tree\n');
    server = await startGroup(
      process.execPath,
      [path.join(repoRoot, 'scripts/cms-workflow.mjs'), '--source', source, '--dir', clone, '--port', String(decapPort), '--no-site'],
      {},
      /listening on/,
      decapPort,
    );
    fs.writeFileSync(path.join(clone, 'scratch.txt'), 'untracked in the clone\n');
    context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('saves a draft, moves it to ready and publishes only that article', async () => {
    const mainBefore = git(clone, 'rev-parse', 'main');
    const page = await openAdmin(context, '/collections/articles');
    await workflowLink(page).waitFor();
    await page.goto(`${site.url}/admin/#/collections/${ARTICLES}/new`);
    await field(page, 'title').fill('Budget vote delayed');
    await field(page, 'description').fill('The vote moves to next week.');
    await field(page, 'publishedAt').fill('2026-11-28T18:00');
    await choose(page, 'authors', 'Ada Writer');
    await choose(page, 'topics', 'Beta');
    await page.locator('[data-slate-editor="true"]').last().click();
    await page.keyboard.type('MPs will vote next Tuesday.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await notice(page, 'Entry saved');
    // Decap names the branch after the slug, which includes the collection's `path`.
    expect(git(clone, 'branch', '--list', 'cms/*')).toContain(`cms/${ARTICLES}/budget-vote-delayed/index`);
    expect(git(clone, 'rev-parse', 'main')).toBe(mainBefore);

    await page.getByRole('button', { name: 'Status: Draft' }).click();
    await page.getByRole('menuitem', { name: 'Ready' }).click();
    await notice(page, 'Entry status updated');
    await publishNow(page, 'Entry published');
    await page.close();

    expect(git(clone, 'branch', '--list', 'cms/*')).toBe('');
    const changed = git(clone, 'log', '--name-only', '--format=', `${mainBefore}..main`).split('\n').filter(Boolean);
    expect(changed).toEqual(['content/articles/2026/budget-vote-delayed/index.md']);
    expect(frontmatter(path.join(clone, 'content/articles/2026/budget-vote-delayed/index.md'))).toMatchObject({
      title: 'Budget vote delayed',
      publishedAt: '2026-11-28T18:00:00+00:00',
      authors: ['ada-writer'],
      topics: ['beta'],
    });
    expect(fs.readFileSync(path.join(source, 'notes.txt'), 'utf8')).toBe('untracked in the working tree\n');
    expect(git(source, 'status', '--porcelain')).toBe('?? notes.txt');
    expect(fs.readFileSync(path.join(clone, 'scratch.txt'), 'utf8')).toBe('untracked in the clone\n');
    expect(git(clone, 'log', '--format=%H', '--all', '--', 'scratch.txt')).toBe('');
  });
});
