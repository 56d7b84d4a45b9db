// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.ts';
import { WEBP_EFFORT } from './src/lib/images.ts';
import { sanitizeBody } from './src/markdown/sanitize.ts';
import { broadsheet } from './src/integrations/broadsheet.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env['BROADSHEET_OUT_DIR'] ?? './dist',
  cacheDir: site.cacheDir,
  // The build's steps, in the order they run: src/integrations/broadsheet.ts.
  integrations: [broadsheet()],
  markdown: { processor: satteri({ hastPlugins: [sanitizeBody] }) },
  // Pages render on one thread either way; with eight in flight, each one's disk work overlaps the others' rendering.
  build: { format: 'directory', concurrency: 8 },
  // Pages whose cache key is unchanged are copied from the last build instead of rendered.
  experimental: { incrementalBuild: true },
  // Classes instead of data-astro-cid-* attributes: the same scoping in fewer bytes per page.
  scopedStyleStrategy: 'class',
  image: { responsiveStyles: false, service: sharpImageService({ webp: { effort: WEBP_EFFORT } }) },
  devToolbar: { enabled: false },
  // Test builds and benchmark corpora are not the site's sources.
  vite: { server: { watch: { ignored: ['**/.test-output/**', '**/bench/.corpus/**', '**/dist/**'] } } },
});
