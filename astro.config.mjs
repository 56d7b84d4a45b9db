// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.ts';
import { WEBP_EFFORT } from './src/lib/images.ts';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { sitemapIntegration } from './src/integrations/sitemap.ts';
import { pagefindIntegrations } from './src/integrations/pagefind.ts';
import { lastBuildIntegration } from './src/integrations/last-build.ts';
import { sanitizeBody } from './src/markdown/sanitize.ts';
import { securityIntegration } from './src/integrations/security.ts';
import { buildCacheIntegration } from './src/integrations/build-cache.ts';
import { adminBundleIntegration } from './src/integrations/admin-bundle.ts';
import { moduleUrlIntegration } from './src/integrations/module-url.ts';
import { contentStoreIntegration } from './src/integrations/content-store.ts';
import { ogCardsIntegration } from './src/integrations/og-cards.ts';
import { restorePagesIntegration } from './src/integrations/restore-pages.ts';
import { heldImagesIntegration } from './src/integrations/held-images.ts';
import { hostLimitsIntegration } from './src/integrations/host-limits.ts';
import { redirectsIntegration } from './src/integrations/redirects.ts';
import { compactBuildManifestIntegration } from './src/integrations/compact-build-manifest.ts';
import { astroVersionIntegration } from './src/integrations/astro-internals.ts';
import { imageLedgerIntegration } from './src/integrations/image-ledger.ts';
import { prerenderWatchIntegration } from './src/integrations/prerender-watch.ts';

/** Filled in by the content check when the build starts; the sitemap, the OG cards, the held images and the redirects read it. */
const contentFacts = { articleDates: new Map(), cardGuesses: [], heldImages: [], redirects: undefined };
/** Pagefind indexes in its own process from `start` to `finish`, beside the hooks between them. */
const search = pagefindIntegrations();
/** Which images each page uses, told to the steps that clear unused ones out of the output. */
const images = imageLedgerIntegration();
const cards = ogCardsIntegration(contentFacts);

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  outDir: process.env['BROADSHEET_OUT_DIR'] ?? './dist',
  cacheDir: site.cacheDir,
  integrations: [
    astroVersionIntegration(),
    validateContentIntegration(contentFacts),
    images,
    // Tells the image ledger what each page used, and the cards when the routes have listed their pages.
    prerenderWatchIntegration([images.listener, cards.listener]),
    restorePagesIntegration(images.record),
    search.start,
    mdx(),
    heldImagesIntegration(contentFacts, images.record),
    sitemapIntegration(contentFacts),
    lastBuildIntegration(),
    securityIntegration(),
    adminBundleIntegration(),
    moduleUrlIntegration(),
    contentStoreIntegration(),
    compactBuildManifestIntegration(),
    cards,
    search.finish,
    // After the search index is done, so that no redirect page is indexed; before the host limits count the files.
    redirectsIntegration(contentFacts),
    buildCacheIntegration(),
    // Last, over the finished output; the cache above is already sound when it fails.
    hostLimitsIntegration(),
  ],
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
