/**
 * Keeps rendered article bodies beside Astro's content store instead of in
 * it, in builds. Astro serialises the whole store whenever one entry changes
 * and every page render parses it back: at 10,000 articles, 85 % of its
 * 88 MB was body HTML that only the article's own page and the feeds read.
 * Each body is written once, to a file named by its entry and the digest of
 * its source, before the store records the entry; the store keeps the file's
 * name and the body's word count (for reading times). The dev server does
 * the same: its store is one string too, which at 100,000 articles outgrew
 * the longest string V8 allows, and the server lost every collection. It
 * keeps its bodies in a folder of its own, so that a build run beside it
 * never removes a body it shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { site } from '../site.config.ts';
import { countWords } from '../lib/read-time.ts';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import { isDevServer } from '../lib/dev-server.ts';
import { CACHE } from '../integrations/cache-layout.ts';

const bodyFolder = path.join(site.cacheDir, isDevServer ? CACHE.devBodies : CACHE.bodies);
/** Keys in an entry's `rendered.metadata` (Astro's documented place for a loader's extra metadata). */
const FILE_KEY = 'bodyFile';
const WORDS_KEY = 'words';

type Store = LoaderContext['store'];
type Entry = Parameters<Store['set']>[0];
type Rendered = NonNullable<Entry['rendered']>;

/** The body file an entry points at, if its body is kept apart. */
function bodyFile(rendered: Rendered | undefined): string | undefined {
  const name = rendered?.metadata?.[FILE_KEY];
  return typeof name === 'string' ? name : undefined;
}

/** The words of a rendered body, as counted when it was stored apart. */
export function storedWords(rendered: Rendered | undefined): number | undefined {
  const words = rendered?.metadata?.[WORDS_KEY];
  return typeof words === 'number' ? words : undefined;
}

/** A store that writes each rendered body to `folder` and keeps only its file name and word count. */
export function bodiesApart(store: Store, folder: string): Store {
  return {
    ...store,
    set: (entry) => {
      const html = entry.rendered?.html;
      if (!html || !entry.digest) return store.set(entry);
      const name = `${encodeURIComponent(entry.id)}.${entry.digest}.html`;
      writeFileAtomic(path.join(folder, name), html);
      const metadata: Record<string, unknown> = { ...entry.rendered?.metadata, [FILE_KEY]: name, [WORDS_KEY]: countWords(html) };
      // A second copy of the entry's data, there for remark plugins' additions, which the site has none of: 13 % of the store.
      delete metadata['frontmatter'];
      return store.set({ ...entry, rendered: { html: '', metadata } });
    },
  };
}

/**
 * Entries whose body file has gone (a cache restored in part) are dropped
 * before loading, so the loader renders them again; after loading, files no
 * entry points at any more are removed.
 */
export function keepBodiesApart(loader: Loader, folder = bodyFolder): Loader {
  return {
    ...loader,
    load: async (context) => {
      fs.mkdirSync(folder, { recursive: true });
      const { store } = context;
      // One listing instead of a file check per entry: 10,000 checks cost most of a second here.
      const kept = new Set(fs.readdirSync(folder));
      for (const entry of store.values()) {
        const name = bodyFile(entry.rendered);
        if (name && !kept.has(name)) store.delete(entry.id);
      }
      // The loader keeps this store for its watcher: the dev server's later changes go through it too.
      await loader.load({ ...context, store: bodiesApart(store, folder) });
      const used = new Set(store.values().map((entry) => bodyFile(entry.rendered)));
      for (const name of kept) {
        if (!used.has(name)) fs.rmSync(path.join(folder, name), { force: true });
      }
    },
  };
}

/**
 * The entry with its rendered body back in place, as `render()` needs it.
 * The read is asynchronous so that other pages render while the disk works.
 */
export async function withBody<T extends { rendered?: Rendered }>(entry: T, folder = bodyFolder): Promise<T> {
  const name = bodyFile(entry.rendered);
  if (!name || !entry.rendered) return entry;
  const html = await fs.promises.readFile(path.join(folder, name), 'utf8');
  return { ...entry, rendered: { ...entry.rendered, html } };
}
