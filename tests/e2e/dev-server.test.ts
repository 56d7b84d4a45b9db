/**
 * The dev server (`astro dev`, as `npm run dev` runs it) on a scratch copy of
 * the valid fixture: its content warnings follow the files as they change.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../support/child-env.ts';
import { freePort } from '../support/ports.ts';
import { repoRoot } from '../support/paths.ts';
import { CACHE } from '../../src/integrations/cache-layout.ts';
import { validateContent } from '../../src/content/validate.ts';
import { byVisibility } from '../../src/lib/publish.ts';
import { paths } from '../../src/lib/paths.ts';
import { articleCards } from '../../src/og/cards.ts';
import { renderOgCard } from '../../src/og/render.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-dev-'));
const contentDir = path.join(scratch, 'content');
const article = path.join(contentDir, 'articles/2026/first-story/index.md');

describe('the dev server', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;

  /** Waits until the dev server's output, after `from`, matches `pattern`. */
  const logged = (pattern: RegExp, from: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not logged: ${pattern}\n${output.slice(from)}`)), 30_000);
      const poll = setInterval(() => {
        const found = pattern.exec(output.slice(from));
        if (found) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve(found[0]);
        }
      }, 50);
    });

  beforeAll(async () => {
    fs.cpSync(path.join(repoRoot, 'tests/fixtures/valid'), contentDir, { recursive: true });
    port = await freePort();
    child = spawn(path.join(repoRoot, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: repoRoot,
      env: childEnv({ BROADSHEET_CONTENT_DIR: contentDir, BROADSHEET_CACHE_DIR: path.join(scratch, 'cache'), NODE_ENV: 'development' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    await logged(/articles checked, no problems/, 0);
    await logged(new RegExp(`127\\.0\\.0\\.1:${port}`), 0);
  });

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      });
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('checks the content again when a file changes, so its warnings are never stale', async () => {
    const original = fs.readFileSync(article, 'utf8');
    let from = output.length;
    fs.writeFileSync(article, original.replace('authors: [ada-writer, bo-editor]', 'authors: [ada-writer, nobody]'));
    expect(await logged(/content\/articles\/2026\/first-story\/index\.md › authors\.1: unknown author "nobody"[^\n]*/, from)).toContain('no content/authors/nobody.yml');

    from = output.length;
    fs.writeFileSync(article, original);
    await logged(/articles checked, no problems/, from);
    expect(output.slice(from)).not.toContain('unknown author');

    // Still serving: the dev server only warns, it never stops for content. (It may be
    // re-optimising its dependencies after the first requests; give it a moment.)
    let page = await fetch(`http://127.0.0.1:${port}/articles/first-story/`);
    for (let tries = 0; page.status !== 200 && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      page = await fetch(`http://127.0.0.1:${port}/articles/first-story/`);
    }
    expect(page.status, output.slice(-3000)).toBe(200);
    expect(await page.text()).toContain('First story');
  });

  it('shows an article body kept beside its store, and each new body as soon as it is saved', async () => {
    const url = `http://127.0.0.1:${port}/articles/first-story/`;
    const bodyShown = async (text: string) => {
      for (let tries = 0; tries < 60; tries++) {
        const page = await fetch(url);
        if (page.status === 200 && (await page.text()).includes(text)) return true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return false;
    };
    expect(await bodyShown('the word marmalade'), output.slice(-3000)).toBe(true);
    const bodies = path.join(scratch, 'cache', CACHE.devBodies);
    expect(fs.readdirSync(bodies).some((name) => name.startsWith('first-story.'))).toBe(true);
    // Not in the dev server's store (in `.astro/`): at 100,000 articles the bodies made it too long a string to write.
    const storeFile = path.join(repoRoot, '.astro', CACHE.astro.store);
    const store = () => (fs.existsSync(storeFile) ? fs.readFileSync(storeFile, 'utf8') : '');
    for (let tries = 0; !store().includes('The first fixture story') && tries < 40; tries++) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(store()).toContain('The first fixture story');
    expect(store()).not.toContain('the word marmalade');

    const original = fs.readFileSync(article, 'utf8');
    try {
      for (const word of ['quince', 'damson']) {
        fs.writeFileSync(article, original.replace('the word marmalade', `the word ${word}`));
        expect(await bodyShown(`the word ${word}`), `${word}\n${output.slice(-3000)}`).toBe(true);
      }
    } finally {
      fs.writeFileSync(article, original);
    }
    expect(await bodyShown('the word marmalade')).toBe(true);
  });

  it('draws an Open Graph card on request, the very card a build draws from the content check', async () => {
    const card = await fetch(`http://127.0.0.1:${port}/og/first-story.jpg`);
    expect(card.status, output.slice(-3000)).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/jpeg');
    const served = Buffer.from(await card.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    const checked = validateContent(contentDir);
    const planned = articleCards(byVisibility(checked.articles, new Date(), true).shown, checked).find(({ path: where }) => where === paths.ogCard('first-story'))!;
    expect(planned.card.heroFile).toBe(path.join(path.dirname(article), 'hero.png'));
    expect(Buffer.from(await renderOgCard(planned.card)).equals(served)).toBe(true);
  });
});
