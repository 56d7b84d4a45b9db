import type { AstroIntegration } from 'astro';
import { formatProblems, type ValidationResult } from '../content/validate.ts';

/**
 * Reports the content validator's result before anything is rendered. The
 * check itself runs once, when the config loads, because the sitemap reuses
 * what it read. A production build
 * stops on any problem, so a broken article is never published half-way or
 * silently dropped; the dev server only warns, so an editor can fix things live.
 */
export function validateContentIntegration({ problems, articleCount }: ValidationResult): AstroIntegration {
  return {
    name: 'broadsheet:validate-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
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
