import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** Only article pages are searchable: indexing the rest of the site would cost time and add noise. */
const ARTICLE_PAGES = 'articles/**/index.html';
/**
 * Inside an article's `data-pagefind-body`, anything hidden from assistive
 * technology (such as avatar initials) would only add noise to excerpts.
 */
const NOT_SEARCHED = ['[aria-hidden="true"]'];

/** Content types for the dev server; Pagefind's index files are binary and fetched, not interpreted. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webp': 'image/webp',
};

/** Pagefind's own scripts and styles have a fixed size; the index data grows with the articles. */
const INDEX_DATA = /^(fragment|index|filter)\/|\.pf_meta$/;

function bundleSize(dir: string): { bytes: number; indexBytes: number; files: number } {
  let bytes = 0;
  let indexBytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const size = fs.statSync(file).size;
    bytes += size;
    if (INDEX_DATA.test(path.relative(dir, file).split(path.sep).join('/'))) indexBytes += size;
    files += 1;
  }
  return { bytes, indexBytes, files };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * Builds the Pagefind search index at the end of `astro build`, from the
 * article pages only, and serves the last build's index under `astro dev`
 * (the dev server renders pages on demand, so it has nothing to index).
 */
export function pagefindIntegration(): AstroIntegration {
  let outDir = '';
  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        const bundle = path.join(outDir, 'pagefind');
        if (!fs.existsSync(path.join(bundle, 'pagefind.js'))) {
          logger.warn('No search index yet: run `npm run build` once to make search work under `npm run dev`.');
        }
        // The index, and the thumbnails it points at, come from the last build.
        for (const prefix of ['/pagefind', '/_astro']) {
          const folder = path.join(outDir, prefix);
          server.middlewares.use(prefix, (req, res, next) => {
            const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
            const file = path.join(folder, pathname);
            if (!file.startsWith(folder + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
              next();
              return;
            }
            res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
            res.setHeader('cache-control', 'no-cache');
            fs.createReadStream(file).pipe(res);
          });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const outputPath = path.join(site, 'pagefind');
        try {
          const { index, errors } = await createIndex({ excludeSelectors: NOT_SEARCHED });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site, glob: ARTICLE_PAGES });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the articles: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          const { bytes, indexBytes, files } = bundleSize(outputPath);
          logger.info(
            `Search index: ${added.page_count} articles in ${seconds} s; ${formatBytes(indexBytes)} of index data, ${formatBytes(bytes)} in ${files} files with Pagefind's scripts`,
          );
        } finally {
          await close();
        }
      },
    },
  };
}
