/**
 * Where the search index lives: one Pagefind bundle per shard (a year, or a
 * run of its months; see `search-shard-names.ts`), listed newest first in
 * `shards.json`. Apart from `paths.ts` (which includes these) so the
 * browser's search scripts, and every article's highlighter, can import them
 * without the rest.
 */
/** Query parameter that carries the searched words to an article, for highlighting. */
export const HIGHLIGHT_PARAM = 'highlight';

export const searchPaths = {
  searchIndex: () => '/pagefind/',
  searchShards: () => '/pagefind/shards.json',
  searchShard: (name: string) => `/pagefind/${name}/`,
  searchHighlighter: () => '/pagefind/pagefind-highlight.js',
};
