// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { validateContent } from './src/content/validate.ts';
import { paths } from './src/lib/paths.ts';
import { sanitizeBody } from './src/markdown/sanitize.ts';
import { securityIntegration } from './src/integrations/security.ts';

const content = validateContent(site.contentDir);
const lastModified = new Map([...content.lastModified].map(([slug, date]) => [paths.article(slug), date]));
/** Pages that are not for search engines. */
const unlisted = /^\/(admin|search|404)(\/|\.html|$)/;

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env['BROADSHEET_OUT_DIR'] ?? './dist',
  integrations: [
    validateContentIntegration(content),
    mdx(),
    sitemap({
      filter: (page) => !unlisted.test(new URL(page).pathname),
      serialize: (item) => {
        const lastmod = lastModified.get(new URL(item.url).pathname);
        return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
      },
    }),
    pagefindIntegration(),
    securityIntegration(),
  ],
  markdown: { processor: satteri({ hastPlugins: [sanitizeBody] }) },
  build: { format: 'directory', concurrency: 2 },
  // Classes instead of data-astro-cid-* attributes: the same scoping in fewer bytes per page.
  scopedStyleStrategy: 'class',
  image: { responsiveStyles: false },
  devToolbar: { enabled: false },
  // Test builds and benchmark corpora are not the site's sources.
  vite: { server: { watch: { ignored: ['**/.test-output/**', '**/bench/.corpus/**', '**/dist/**'] } } },
});
