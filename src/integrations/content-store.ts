/**
 * Astro puts the whole content store into the prerender bundle as one string
 * literal (13 MB at 10,000 articles once the bodies are kept apart, see
 * `src/content/body-store.ts`; 88 MB with them). Every build then serialises
 * it into a module, bundles it and compiles it, only for the pages to parse
 * it back. Prerendering runs on the machine that has just written the store
 * to the cache folder, so the bundle reads it from there instead: the same
 * data, parsed the same way, without the detour (measured with the bodies in
 * the store: 2.3 s off the bundling, the compile gone, 0.5 GB off the peak).
 * The module loads ahead of Astro's loader, which would still read, parse and
 * quote the whole file first. Only `astro build` is affected; the dev server
 * keeps Astro's module.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { ASTRO_CACHE, STORE_MODULE } from './astro-internals.ts';

/** The module's code: the same `JSON.parse` of the same file Astro would inline. */
export function storeModule(storeFile: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`;
}

function storeFromDiskPlugin(storeFile: string, used: { store: boolean }): Plugin {
  return {
    name: 'broadsheet:content-store-from-disk',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    // Ahead of Astro's own loader, which would read the store and quote it into a string literal first.
    load: {
      order: 'pre',
      handler(id) {
        if (id !== STORE_MODULE) return null;
        used.store = true;
        return { code: storeModule(storeFile), map: null };
      },
    },
  };
}

/** Said when a newer Astro names or loads its store module differently: the build is still right, only slower. */
export const NOT_APPLIED = 'The content store was bundled by Astro itself: its module is no longer the one this integration replaces';

export function contentStoreIntegration(): AstroIntegration {
  const used = { store: false };
  return {
    name: 'broadsheet:content-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { plugins: [storeFromDiskPlugin(path.join(fileURLToPath(config.cacheDir), ASTRO_CACHE.store), used)] } });
      },
      'astro:build:done': ({ logger }) => {
        if (!used.store) logger.warn(`${NOT_APPLIED}.`);
      },
    },
  };
}
