/**
 * The order a change goes up in, for a target that serves each file the
 * moment it lands (a bucket), so that a reader never follows a link, a
 * script or a search result to something not there yet. A phase completes
 * before the next starts; the files of one phase go up side by side.
 *
 * New files go first, all of them, pages included: nothing the reader can
 * reach links to a file that does not exist yet, so a new file is reachable
 * only once a changed file links to it, and every changed file goes up after
 * them. Ordering new files by kind would not do: a new article's search
 * fragment names its page, an edited article links to the new article and to
 * a new tag page, and new pages link to one another. Changed files then go
 * up by kind, what is pointed at before what points at it: assets and data
 * (images and cards redrawn under the same name, Pagefind's entry files,
 * live updates), article pages, the other pages that list them, then feeds,
 * sitemaps and the files hosts and crawlers read first. Removed files go
 * last, once no file sent links to them.
 */
import type { SiteChange } from './manifest.ts';

export interface Phase {
  /** What the phase holds, as the progress line names it. */
  name: string;
  action: 'upload' | 'delete';
  paths: string[];
}

export const PHASE_NAMES = [
  'new files',
  'changed assets and data',
  'article pages',
  'other pages',
  'feeds, sitemaps and site-wide lists',
  'deletions',
] as const;

/** Read by crawlers and hosts at fixed addresses, and listing other files. */
const SITE_LISTS = new Set(['feed.json', 'robots.txt', '_headers', '_redirects']);

/** The phase a changed file goes up in, 2 to 5 (new files go in phase 1, deletions in 6). */
export function changedPhase(file: string): 2 | 3 | 4 | 5 {
  if (SITE_LISTS.has(file) || file.endsWith('.xml')) return 5;
  if (file.endsWith('.html')) return file.startsWith('articles/') ? 3 : 4;
  return 2;
}

/** Six phases, always, in order; a phase with nothing to do has no paths. */
export function uploadOrder(change: SiteChange): Phase[] {
  const uploads: string[][] = [[...change.added], [], [], [], []];
  for (const file of change.changed) uploads[changedPhase(file) - 1]!.push(file);
  return [
    ...uploads.map((paths, index): Phase => ({ name: PHASE_NAMES[index]!, action: 'upload', paths })),
    { name: PHASE_NAMES[5], action: 'delete', paths: [...change.removed] },
  ];
}
