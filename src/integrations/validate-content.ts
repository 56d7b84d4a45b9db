import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { problemSummary, validateContent, type ArticleFiling } from '../content/validate.ts';
import type { Redirects } from '../content/schema.ts';
import { site } from '../site.config.ts';
import { articleCards } from '../og/cards.ts';
import type { PlannedCard } from '../og/plan.ts';
import { heldImages } from '../lib/held-images.ts';
import { byVisibility } from '../lib/publish.ts';

/**
 * What the check works out once that later steps take (`broadsheet.ts`):
 * each article's dates and language for the sitemaps and the search index, the OG cards,
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
  const summary = problemSummary(problems);
  if (!summary) logger.info(cleanLine(articleCount));
  return summary;
}

const cleanLine = (articleCount: number) => `${articleCount} articles checked, no problems`;

/**
 * The dev server's checks, each on a thread of its own (`validate-worker.ts`):
 * it starts, and keeps answering, while a large archive is read (at 100,000
 * articles one check takes about 25 s, which on its main thread held every
 * request). Its warnings follow when the check ends; a change that arrives
 * meanwhile is checked once more after it. Nothing in the dev server reads
 * the check's facts, which only the build's steps use.
 */
function checksOnThread(logger: AstroIntegrationLogger): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const thread = new Worker(new URL('./validate-worker.ts', import.meta.url), { workerData: { contentDir: site.contentDir } });
    thread.once('message', ({ articleCount, summary }: { articleCount: number; summary: string | undefined }) => {
      if (summary) logger.warn(summary);
      else logger.info(cleanLine(articleCount));
    });
    thread.once('error', (error: Error) => logger.error(`The content check failed: ${error.message}`));
    thread.once('exit', () => {
      running = false;
      if (again) {
        again = false;
        run();
      }
    });
  };
  return run;
}

/**
 * Checks every content file before anything is rendered. A production build
 * stops on any problem, so a broken article is never published half-way or
 * silently dropped; the dev server only warns, so an editor can fix things
 * live, and checks again whenever a content file changes, so its warnings are
 * never stale, on a thread of its own. Each build's check hands its facts to
 * `publish`.
 */
export function validateContentIntegration(publish: (facts: ContentFacts) => void): AstroIntegration {
  return {
    name: 'broadsheet:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const summary = check(publish, logger);
        if (summary) throw new Error(`The build stopped: fix the content first.\n${summary}`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const checkOnThread = checksOnThread(logger);
        checkOnThread();
        let timer: NodeJS.Timeout | undefined;
        const recheck = (file: string) => {
          if (!path.resolve(file).startsWith(site.contentDir + path.sep)) return;
          clearTimeout(timer);
          timer = setTimeout(checkOnThread, RECHECK_DELAY_MS);
        };
        server.watcher.on('add', recheck).on('change', recheck).on('unlink', recheck);
      },
    },
  };
}
