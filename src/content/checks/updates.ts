import type { FileFinding, Finding } from './finding.ts';
import { checkLooseMarkdown } from './slugs.ts';

/** What the update checks need to know of a live story's article. */
export interface LiveStory {
  publishedAt: Date;
  /** Whether the article is a live story at all (has `live`). */
  live: boolean;
}

/**
 * Checks an update of a live story against the story it belongs to: it sits
 * in the story's folder, the story exists and is live, and it was not posted
 * before the story was published.
 */
export function checkUpdate(folder: string, update: { story: string; time: Date }, stories: ReadonlyMap<string, LiveStory>): Finding[] {
  if (update.story !== folder) {
    return [{ field: 'story', message: `is "${update.story}" but the file is in content/live/${folder}/; an update sits in its story's folder` }];
  }
  const story = stories.get(folder);
  if (!story) return [{ field: 'story', message: `no article has the slug "${folder}"` }];
  if (!story.live) return [{ field: 'story', message: `the article "${folder}" is not a live story (its frontmatter has no live: status)` }];
  if (update.time.getTime() < story.publishedAt.getTime()) {
    return [{ field: 'time', message: `is before the story was published (${story.publishedAt.toISOString()})` }];
  }
  return [];
}

/** Numbered parts of one series must not share a number: the second file to claim one is reported. */
export function checkSeriesPart(claimed: Map<string, string>, series: string, part: number | undefined, slug: string): Finding[] {
  if (part === undefined) return [];
  const key = `${series}#${part}`;
  const earlier = claimed.get(key);
  if (earlier) return [{ field: 'seriesPart', message: `part ${part} of series "${series}" is already "${earlier}"` }];
  claimed.set(key, slug);
  return [];
}

/** Markdown directly in `content/live/` belongs to no story and would never be shown. */
export function checkLooseUpdates(dir: string): FileFinding[] {
  return checkLooseMarkdown(dir, () => "would never be shown: an update sits in its story's folder, live/<story-slug>/<update>.md");
}
