// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { site } from './src/site.config.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env['BROADSHEET_OUT_DIR'] ?? './dist',
  integrations: [validateContentIntegration(site.contentDir), mdx()],
  build: { format: 'directory' },
  image: { responsiveStyles: false },
  devToolbar: { enabled: false },
});
