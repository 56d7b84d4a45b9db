/**
 * `import url from './module.ts?module-url'` gives the URL of that module
 * bundled as a chunk of its own, for a client script to `import(url)` only
 * when it needs it. A plain `import('./module.ts')` would do the same but
 * makes Vite add its preload helper (about 1.7 KB) to every page that loads
 * the importing script.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const QUERY = '?module-url';

function moduleUrlPlugin(): Plugin {
  let serving = false;
  let root = '';
  return {
    name: 'broadsheet:module-url',
    configResolved(config) {
      serving = config.command === 'serve';
      root = config.root;
    },
    async resolveId(source, importer) {
      if (!source.endsWith(QUERY)) return null;
      const target = await this.resolve(source.slice(0, -QUERY.length), importer);
      return target && `${target.id}${QUERY}`;
    },
    load(id) {
      if (!id.endsWith(QUERY)) return null;
      const file = id.slice(0, -QUERY.length);
      // The dev server serves sources as modules; a build emits the chunk and Rollup fills in its URL.
      if (serving) return `export default ${JSON.stringify(`/${path.relative(root, file).split(path.sep).join('/')}`)};`;
      const reference = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}

export function moduleUrlIntegration(): AstroIntegration {
  return {
    name: 'broadsheet:module-url',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [moduleUrlPlugin()] } });
      },
    },
  };
}
