import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { paths } from '../lib/paths.ts';
import { contentType } from '../lib/content-types.ts';
import { prefixOf } from '../i18n/publication-paths.ts';
import { site } from '../site.config.ts';

/**
 * Under `astro dev`, serves the search index from the last `npm run build`,
 * with the thumbnails it points at: the dev server renders pages on demand,
 * so it has nothing to index itself.
 */
export function lastBuildIntegration(): AstroIntegration {
  let outDir = '';
  return {
    name: 'broadsheet:last-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!fs.existsSync(path.join(outDir, paths.searchShards()))) {
          logger.warn('No search index yet: run `npm run build` once to make search work under `npm run dev`.');
        }
        // Each language's index, and the thumbnails its results show.
        for (const prefix of [...site.locales.map((tag) => paths.searchIndex(prefixOf(tag)).slice(0, -1)), '/_astro']) {
          const folder = path.join(outDir, prefix);
          server.middlewares.use(prefix, (req, res, next) => {
            const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
            const file = path.join(folder, pathname);
            if (!file.startsWith(folder + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
              next();
              return;
            }
            res.setHeader('content-type', contentType(file));
            res.setHeader('cache-control', 'no-cache');
            fs.createReadStream(file).pipe(res);
          });
        }
      },
    },
  };
}
