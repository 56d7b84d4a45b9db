/**
 * Keeps the images of unpublished articles out of the output. Vite emits
 * each image the content imports, and Astro removes an original only once a
 * page has processed it; an article no page shows leaves its hero behind,
 * under a name anyone could find. The bundle's assets carry no source path,
 * so a held image is known by its bytes; the file goes after the build,
 * unless a page turned out to use that very file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { ImageRecord } from './image-ledger.ts';

/** Records each emitted file whose bytes are those of one of `held` (absolute paths), with the held files it matched. */
function heldAssetsPlugin(held: () => readonly string[], found: Map<string, string[]>): Plugin {
  return {
    name: 'broadsheet:held-images',
    apply: 'build',
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    generateBundle: (_options, bundle) => {
      const sources = held().map((file) => ({ file, bytes: fs.readFileSync(file) }));
      if (sources.length === 0) return;
      const sizes = new Set(sources.map(({ bytes }) => bytes.length));
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || typeof asset.source === 'string' || !sizes.has(asset.source.length)) continue;
        const bytes = Buffer.from(asset.source);
        const matched = sources.filter((source) => source.bytes.equals(bytes)).map(({ file }) => file);
        if (matched.length > 0) found.set(asset.fileName, matched);
      }
    },
  };
}

/**
 * `held`: the content check's list of images only hidden articles show;
 * `images` tells which originals the pages processed (by output path) or
 * linked to (by source path).
 */
export function heldImagesIntegration(held: () => readonly string[], images: ImageRecord): AstroIntegration {
  const found = new Map<string, string[]>();
  return {
    name: 'broadsheet:held-images',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [heldAssetsPlugin(held, found)] } });
      },
      'astro:build:done': ({ dir, logger }) => {
        // An unpublished article's image is removed even when some page's images are unknown: keeping it could publish it.
        const { originals: outputs, sources } = images.totals();
        const outDir = fileURLToPath(dir);
        const removed = [...found]
          .filter(([file, matched]) => !outputs.has(file) && !matched.some((source) => sources.has(source)))
          .map(([file]) => file)
          .filter((file) => fs.existsSync(path.join(outDir, file)));
        for (const file of removed) fs.rmSync(path.join(outDir, file));
        if (removed.length > 0) logger.info(`${removed.length} image(s) of unpublished articles kept out of the output`);
      },
    },
  };
}
