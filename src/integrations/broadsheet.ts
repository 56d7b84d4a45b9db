/**
 * Broadsheet's build as one integration: the steps, in the order they must
 * run, and what each hands to the next. Astro runs every hook of every step
 * in this order (`astro:config:setup` of all, then `astro:config:done` of all,
 * and so on), so a step's place is part of what it does; each says why it
 * stands where it does. Steps pass values through `handOff` and listeners,
 * never through files one polls for.
 */
import type { AstroIntegration } from 'astro';
import mdx from '@astrojs/mdx';
import { astroVersionIntegration } from './astro-internals.ts';
import { validateContentIntegration, type ContentFacts } from './validate-content.ts';
import { imageLedgerIntegration } from './image-ledger.ts';
import { prerenderWatchIntegration } from './prerender-watch.ts';
import { pageWalkReportIntegration } from './page-walk-report.ts';
import { restorePagesIntegration } from './restore-pages.ts';
import { pagefindIntegrations } from './pagefind.ts';
import { heldImagesIntegration } from './held-images.ts';
import { sitemapIntegration } from './sitemap.ts';
import { lastBuildIntegration } from './last-build.ts';
import { securityIntegration } from './security.ts';
import { adminBundleIntegration } from './admin-bundle.ts';
import { moduleUrlIntegration } from './module-url.ts';
import { contentStoreIntegration } from './content-store.ts';
import { compactBuildManifestIntegration } from './compact-build-manifest.ts';
import { ogCardsIntegration } from './og-cards.ts';
import { redirectsIntegration } from './redirects.ts';
import { buildCacheIntegration } from './build-cache.ts';
import { hostLimitsIntegration } from './host-limits.ts';
import { handOff } from './hand-off.ts';
import { NOW_VARIABLE, site } from '../site.config.ts';

/** The steps, in order. */
export function broadsheetSteps(): AstroIntegration[] {
  const facts = handOff<ContentFacts>("The content check's facts");
  const articleFilings = () => facts.read().articleFilings;
  const images = imageLedgerIntegration();
  const walk = pageWalkReportIntegration(images.record);
  const search = pagefindIntegrations(articleFilings);
  return [
    // Before anything else: under an Astro release it was not tested with, nothing runs.
    astroVersionIntegration(),
    // Before anything renders: a broken article stops the build. Its facts feed the steps below.
    validateContentIntegration(facts.set),
    images,
    // Hears Astro's page walk: tells the image ledger what each page used, and the report what the walk did.
    prerenderWatchIntegration([images.listener, walk.listener]),
    walk,
    // Links the last build's pages in before the walk; at the end, before anything reads the output, removes the pages that went.
    restorePagesIntegration(images.record),
    // Starts indexing in Pagefind's own process once the output is final; the steps up to `search.finish` run beside it.
    search.start,
    mdx(),
    heldImagesIntegration(() => facts.read().heldImages, images.record),
    sitemapIntegration(articleFilings),
    lastBuildIntegration(),
    securityIntegration(),
    adminBundleIntegration(),
    moduleUrlIntegration(),
    contentStoreIntegration(),
    compactBuildManifestIntegration(),
    // Draws from the end of the setup, after the cache guard's setup has judged the card cache.
    ogCardsIntegration(() => facts.read().cards),
    search.finish,
    // After the search index is done, so that no redirect page is indexed; before the host limits count the files.
    redirectsIntegration(() => facts.read().redirects),
    // Marks the cache complete: after every step that writes the output or the cache.
    buildCacheIntegration(),
    // Last, over the finished output; the cache above is already sound when it fails.
    hostLimitsIntegration(),
  ];
}

/**
 * Adds the steps, in order, right after itself: Astro runs an integration
 * that another adds as it would one in the config. A build also fixes its
 * "now" for the pages: they load the site's configuration again, in Astro's
 * own module graph, seconds after the content check applied the publishing
 * rule with this one, and an article that went live in between would have a
 * page without its card.
 */
export function broadsheet(): AstroIntegration {
  return {
    name: 'broadsheet',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') process.env[NOW_VARIABLE] ??= site.now.toISOString();
        updateConfig({ integrations: broadsheetSteps() });
      },
    },
  };
}
