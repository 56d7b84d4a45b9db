/**
 * Where the search index lives: one Pagefind bundle per year, listed newest
 * first in `shards.json`. Apart from `paths.ts` (which includes these) so the
 * browser's search scripts can import them without the rest.
 */
export const searchPaths = {
  searchIndex: () => '/pagefind/',
  searchShards: () => '/pagefind/shards.json',
  searchShard: (name: string) => `/pagefind/${name}/`,
  searchHighlighter: () => '/pagefind/pagefind-highlight.js',
};
