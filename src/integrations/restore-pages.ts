/**
 * Puts the last build's pages into the output folder as hard links before
 * Astro walks the routes. Astro's incremental build copies every unchanged
 * page from its cache into the emptied output folder (about 450 MB at 10,000
 * articles, each publish); a page already in the output folder is left as it
 * is. So this integration empties the folder itself and links the cached
 * pages in. A page that renders afresh is written through its link, and
 * Astro then writes the same bytes to its cache copy, the same file, so the
 * two never disagree. Pages the build no longer makes (a deleted article, a
 * listing page that went) are removed at the end, before anything reads the
 * output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linkOrCopy } from '../lib/link-file.ts';

/** Where Astro's incremental build keeps the pages it wrote (`astro/dist/core/build/incremental.js`). */
const CACHED_PAGES = 'dist';
/** Astro keeps these when it empties the output folder. */
const KEPT = new Set(['.git']);

/** Empties `dir` but for what Astro itself would keep. */
export function emptyOutput(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!KEPT.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Links every file under `from` to the same place under `to`; returns the paths linked, relative to `to`. */
export function linkPages(from: string, to: string): string[] {
  if (!fs.existsSync(from)) return [];
  const linked: string[] = [];
  const walk = (relative: string) => {
    fs.mkdirSync(path.join(to, relative), { recursive: true });
    for (const entry of fs.readdirSync(path.join(from, relative), { withFileTypes: true })) {
      const item = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(item);
      else if (entry.isFile()) {
        linkOrCopy(path.join(from, item), path.join(to, item));
        linked.push(item);
      }
    }
  };
  walk('');
  return linked;
}

/** Removes the linked pages the build did not make, and the folders that leaves empty; returns how many went. */
export function removeUnbuilt(dir: string, linked: readonly string[], built: ReadonlySet<string>): number {
  let removed = 0;
  for (const item of linked) {
    const file = path.join(dir, item);
    if (built.has(file)) continue;
    fs.rmSync(file, { force: true });
    removed++;
    for (let folder = path.dirname(file); folder.length > dir.length; folder = path.dirname(folder)) {
      if (fs.readdirSync(folder).length > 0) break;
      fs.rmdirSync(folder);
    }
  }
  return removed;
}

export function restorePagesIntegration(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let linked: string[] = [];
  return {
    name: 'broadsheet:restore-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // The folder is emptied in `astro:build:start` instead, before the pages are linked in.
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = path.resolve(fileURLToPath(config.outDir));
      },
      // Runs after every `astro:config:setup`, so after the cache guard has thrown away a cache it distrusts.
      'astro:build:start': () => {
        emptyOutput(outDir);
        linked = linkPages(path.join(cacheDir, CACHED_PAGES), outDir);
      },
      // Must run before any hook that reads the output (search, sitemap): a deleted article's page must not be indexed.
      'astro:build:done': ({ assets, logger }) => {
        const built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = removeUnbuilt(outDir, linked, built);
        if (removed > 0) logger.info(`${removed} page(s) of the last build no longer made: removed`);
      },
    },
  };
}
