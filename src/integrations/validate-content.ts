import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatProblems, validateContent, type ArticleFiling } from '../content/validate.ts';
import type { Redirects } from '../content/schema.ts';
import { site } from '../site.config.ts';
import { articleCards } from '../og/cards.ts';
import type { PlannedCard } from '../og/plan.ts';
import { heldImages } from '../lib/held-images.ts';
import { byVisibility } from '../lib/publish.ts';

/**
 * What the check works out once that later steps take (`broadsheet.ts`):
 * each article's dates for the sitemaps and the search index, the OG cards,
 * the images held back, and the redirects.
 */
export interface ContentFacts {
  articleFilings: Map<string, ArticleFiling>;
  /** One card per article readers see. */
  cards: PlannedCard[];
  /** Images only unpublished articles show, kept out of the output. */
  heldImages: string[];
  /** `redirects.yml`, checked: what the redirects integration writes out. */
  redirects: Redirects | undefined;
}

/** Edits that arrive together (a CMS save writes a file and its image) are checked once. */
const RECHECK_DELAY_MS = 150;

/** Runs the check and hands its facts on; returns the problem summary, or undefined when there is none. */
function check(publish: (facts: ContentFacts) => void, logger: AstroIntegrationLogger): string | undefined {
  const checked = validateContent(site.contentDir);
  const { problems, articleCount, articleFilings, redirects } = checked;
  // The publish rule, applied once: the cards and the held images take its halves.
  const { shown, hidden } = byVisibility(checked.articles, site.now, site.showUnpublished);
  publish({ articleFilings, cards: articleCards(shown, checked), heldImages: heldImages(shown, hidden), redirects });
  if (problems.length === 0) {
    logger.info(`${articleCount} articles checked, no problems`);
    return undefined;
  }
  return `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`;
}

/**
 * Checks every content file before anything is rendered. A production build
 * stops on any problem, so a broken article is never published half-way or
 * silently dropped; the dev server only warns, so an editor can fix things
 * live, and checks again whenever a content file changes, so its warnings are
 * never stale. Each check hands its facts to `publish`.
 */
export function validateContentIntegration(publish: (facts: ContentFacts) => void): AstroIntegration {
  return {
    name: 'broadsheet:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const summary = check(publish, logger);
        if (!summary) return;
        if (command === 'build') throw new Error(`The build stopped: fix the content first.\n${summary}`);
        logger.warn(summary);
      },
      'astro:server:setup': ({ server, logger }) => {
        let timer: NodeJS.Timeout | undefined;
        const recheck = (file: string) => {
          if (!path.resolve(file).startsWith(site.contentDir + path.sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const summary = check(publish, logger);
            if (summary) logger.warn(summary);
          }, RECHECK_DELAY_MS);
        };
        server.watcher.on('add', recheck).on('change', recheck).on('unlink', recheck);
      },
    },
  };
}
