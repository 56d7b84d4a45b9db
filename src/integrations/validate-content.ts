import type { AstroIntegration } from 'astro';
import { formatProblems, validateContent } from '../content/validate.ts';
import { site } from '../site.config.ts';

/** What the check found that later steps reuse: the sitemap's `lastmod` by slug. */
export interface ContentFacts {
  lastModified: Map<string, Date>;
}

/**
 * Checks every content file before anything is rendered. A production build
 * stops on any problem, so a broken article is never published half-way or
 * silently dropped; the dev server only warns, so an editor can fix things live.
 */
export function validateContentIntegration(facts: ContentFacts): AstroIntegration {
  return {
    name: 'broadsheet:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { problems, articleCount, lastModified } = validateContent(site.contentDir);
        facts.lastModified = lastModified;
        if (problems.length === 0) {
          logger.info(`${articleCount} articles checked, no problems`);
          return;
        }
        const summary = `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`;
        if (command === 'build') {
          throw new Error(`The build stopped: fix the content first.\n${summary}`);
        }
        logger.warn(summary);
      },
    },
  };
}
