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
 * output. Image variants go the same way: linked from Astro's image cache,
 * where its image step would copy them from, and removed at the end when this
 * build did not ask for them. The last output itself is moved aside into the
 * cache folder and deleted on a thread while the build goes on: deleting the
 * 55,000 files of a 10,000-article site in place held the start of a local
 * rebuild for about 3 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import type { Plugin } from 'vite';
import { linkOrCopy } from '../lib/link-file.ts';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import { CACHE } from './cache-layout.ts';
import type { ImageRecord } from './image-ledger.ts';

/** Astro keeps these when it empties the output folder. */
const KEPT = new Set(['.git']);

/**
 * Empties `dir` but for what Astro itself would keep, by moving its entries
 * into a new folder under `aside` (a rename each); an entry that cannot be
 * moved there (another disk) is deleted at once. Returns whether `aside`
 * holds anything to delete: this output, or one that a killed build left.
 */
export function moveOutputAside(dir: string, aside: string): boolean {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => !KEPT.has(name)) : [];
  if (names.length > 0) {
    // A folder of its own: what a killed build left there may hold the same names.
    const folder = path.join(aside, `${Date.now()}-${process.pid}`);
    fs.mkdirSync(folder, { recursive: true });
    for (const name of names) {
      try {
        fs.renameSync(path.join(dir, name), path.join(folder, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      }
    }
  }
  return fs.existsSync(aside);
}

/** Links one page (see `linkOrCopy`); false when the cache has no copy of it. A file already there (Astro got to it first) counts as there. */
function linkPage(source: string, target: string): boolean {
  try {
    linkOrCopy(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Pages without a cache key (feeds, the home page) are never in Astro's cache.
    if (code === 'ENOENT') return false;
    if (code !== 'EEXIST') throw error;
  }
  return true;
}

/**
 * Links each of `files` (relative paths) from `from` to the same place under
 * `to`, where `from` has it, and returns those linked. The list comes from the
 * last build, so the cache's 15,000 folders need not be walked to find them.
 * With `byName`, `from` holds each file under its name alone (Astro's image cache).
 */
export function linkPages(from: string, to: string, files: readonly string[], byName = false): string[] {
  const unused = new Set<string>();
  const linked = files.filter((file) => {
    const target = path.join(to, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (linkPage(path.join(from, byName ? path.basename(file) : file), target)) return true;
    unused.add(path.dirname(target));
    return false;
  });
  for (const folder of unused) removeIfEmpty(to, folder);
  return linked;
}

/** The output files the last build made (pages or images), relative to the output folder; none when it left no list. */
export function readFileList(file: string): string[] {
  try {
    const list: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : [];
  } catch {
    return [];
  }
}

/** Removes `folder` and the folders above it, up to `root`, while they are empty. */
function removeIfEmpty(root: string, folder: string): void {
  for (let dir = folder; dir.length > root.length && fs.existsSync(dir); dir = path.dirname(dir)) {
    if (fs.readdirSync(dir).length > 0) return;
    fs.rmdirSync(dir);
  }
}

/** Removes the linked pages the build did not make, and the folders that leaves empty; returns how many went. */
export function removeUnbuilt(dir: string, linked: readonly string[], built: ReadonlySet<string>): number {
  const gone = linked.map((item) => path.join(dir, item)).filter((file) => !built.has(file));
  for (const file of gone) {
    fs.rmSync(file, { force: true });
    removeIfEmpty(dir, path.dirname(file));
  }
  return gone.length;
}

/** Runs a worker (`*-worker.ts` beside this file) on its own thread and resolves with the one message it posts. */
function onThread<T>(worker: string, data: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(new URL(`./${worker}`, import.meta.url), { workerData: data });
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The thread of ${worker} stopped (exit code ${code}) before it finished`)));
  });
}

/** Runs `linkPages` on a worker thread. */
function linkOnThread(from: string, to: string, files: string[], byName = false): Promise<string[]> {
  return files.length === 0 ? Promise.resolve([]) : onThread('link-pages-worker.ts', { from, to, files, byName });
}

/** Deletes `folder` on a worker thread. */
function removeOnThread(folder: string): Promise<unknown> {
  return onThread('remove-folder-worker.ts', { folder });
}

/**
 * Waits for the links before Astro walks the routes: they start before the
 * content sync, so they are made while Astro syncs and bundles.
 */
function waitForLinksPlugin(linking: () => Promise<unknown>): Plugin {
  return {
    name: 'broadsheet:restore-pages',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    writeBundle: async () => {
      await linking();
    },
  };
}

/** `images` tells which image variants the last build's pages used, and at the end of this one which its pages use. */
export function restorePagesIntegration(images: ImageRecord): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let linking: Promise<string[]> = Promise.resolve([]);
  let linkingImages: Promise<string[]> = Promise.resolve([]);
  let building = false;
  return {
    name: 'broadsheet:restore-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (!building) return;
        // The folder is emptied in `astro:config:done` instead, before the pages are linked in.
        updateConfig({ vite: { build: { emptyOutDir: false }, plugins: [waitForLinksPlugin(() => Promise.all([linking, linkingImages]))] } });
      },
      /**
       * Runs after every `astro:config:setup`, so after the cache guard has
       * thrown away a cache it distrusts; and before the content sync, so the
       * links (bound by the disk: 2.4–7.5 s for 15,000 pages here) are made
       * while Astro syncs and bundles.
       */
      'astro:config:done': ({ config, logger }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = path.resolve(fileURLToPath(config.outDir));
        if (!building) return;
        const started = performance.now();
        const aside = path.join(cacheDir, CACHE.oldOutput);
        const oldOutput = moveOutputAside(outDir, aside);
        const files = readFileList(path.join(cacheDir, CACHE.pageList));
        linking = linkOnThread(path.join(cacheDir, CACHE.astro.pages), outDir, files).then((linked) => {
          if (linked.length > 0) logger.info(`${linked.length} pages of the last build linked into the output in ${((performance.now() - started) / 1000).toFixed(2)} s`);
          return linked;
        });
        // Astro copies each variant from its image cache into the output; one already there, the same file, costs nothing.
        linkingImages = linkOnThread(path.join(cacheDir, CACHE.astro.images), outDir, images.lastVariants(), true);
        // After the links, which the page walk waits for: both are bound by the disk. The thread keeps the
        // process alive until it is done; what it could not delete, the next build finds and deletes.
        void Promise.allSettled([linking, linkingImages])
          .then(() => (oldOutput ? removeOnThread(aside) : undefined))
          .catch((error: Error) => logger.warn(`The last build's output could not all be deleted (${error.message}); the next build tries again.`));
      },
      // Must run before any hook that reads the output (search, sitemap): a deleted article's page must not be indexed.
      'astro:build:done': async ({ assets, logger }) => {
        const linked = await linking;
        const built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = removeUnbuilt(outDir, linked, built);
        if (removed > 0) logger.info(`${removed} page(s) of the last build no longer made: removed`);
        writeFileAtomic(path.join(cacheDir, CACHE.pageList), JSON.stringify([...built].map((file) => path.relative(outDir, file))));
        const linkedImages = await linkingImages;
        const used = images.totals();
        // With some page's images unknown (the ledger says so), every linked variant stays.
        if (!used.complete) return;
        const removedImages = removeUnbuilt(outDir, linkedImages, new Set([...used.variants].map((file) => path.join(outDir, file))));
        if (removedImages > 0) logger.info(`${removedImages} image(s) of the last build no longer used: removed`);
      },
    },
  };
}
