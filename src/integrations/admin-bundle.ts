/**
 * The CMS bundle (`/admin/cms.js`): Decap CMS with React is the largest thing
 * the build compiles (about 5 s and 0.7 GB on two cores) and changes only
 * with the code, so it is built once per version of its sources and reused
 * from the cache after that. Under `astro dev` the admin page loads
 * `admin/main.ts` straight from Vite instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { paths } from '../lib/paths.ts';
import { sourceDigest } from '../lib/source-digest.ts';
import { CACHE } from './cache-layout.ts';

/**
 * What the bundle is made of: its own code, the site code it imports, the
 * dependencies and how it is built. Of `src/i18n` only the translator and the
 * setting checks: the words come with the admin page, so a new word needs no new bundle.
 */
const SOURCES = [
  'admin',
  'src/styles',
  'src/lib',
  'src/content',
  'src/site.config.ts',
  'src/i18n/translate.ts',
  'src/i18n/browser-words.ts',
  'src/i18n/tags.ts',
  'src/integrations/admin-bundle.ts',
  'package-lock.json',
];

async function bundle(root: string, outDir: string): Promise<void> {
  const script = paths.adminScript();
  await build({
    configFile: false,
    root,
    base: `${path.posix.dirname(script)}/`,
    logLevel: 'warn',
    mode: 'production',
    // decap-cms-app registers every translation decap-cms-locales exports; the bundle keeps English only and
    // loads the publication's language as a chunk of its own (admin/decap-locale.ts).
    resolve: { alias: [{ find: /^decap-cms-locales$/, replacement: path.join(root, 'admin/decap-english.ts') }] },
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: path.join(root, paths.adminSource()),
        output: { entryFileNames: path.posix.basename(script), assetFileNames: 'assets/[name]-[hash][extname]' },
        onwarn: () => {},
      },
    },
  });
}

export function adminBundleIntegration(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  return {
    name: 'broadsheet:admin-bundle',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = path.join(fileURLToPath(config.cacheDir), CACHE.admin);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const digest = sourceDigest(root, SOURCES).slice(0, 16);
        const cached = path.join(cacheDir, digest);
        if (fs.existsSync(cached)) {
          logger.info('CMS bundle unchanged: reused from the cache');
        } else {
          const started = performance.now();
          const partial = `${cacheDir}.partial`;
          await bundle(root, partial);
          // Only a finished bundle gets its final name, and older versions go.
          fs.rmSync(cacheDir, { recursive: true, force: true });
          fs.mkdirSync(cacheDir, { recursive: true });
          fs.renameSync(partial, cached);
          logger.info(`CMS bundle built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
        fs.cpSync(cached, path.join(fileURLToPath(dir), path.posix.dirname(paths.adminScript())), { recursive: true });
      },
    },
  };
}
