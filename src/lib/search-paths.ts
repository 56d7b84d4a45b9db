/**
 * Where the search index lives: one Pagefind bundle per shard (a year, or a
 * run of its months; see `search-shard-names.ts`), listed newest first in
 * `shards.json`; each of a publication's languages has its own, the first's
 * at `/pagefind/`, a further one's under its prefix (`/de/pagefind/`). Apart from `paths.ts` (which includes these) so the
 * browser's search scripts, and every article's highlighter, can import them
 * without the rest.
 */
import { underPrefix } from '../i18n/language-paths.ts';

/** Query parameter that carries the searched words to an article, for highlighting. */
export const HIGHLIGHT_PARAM = 'highlight';

/** `prefix`: the language's path prefix, none for the publication's first language. */
export const searchPaths = {
  searchIndex: (prefix = '') => underPrefix(prefix, '/pagefind/'),
  searchShards: (prefix = '') => underPrefix(prefix, '/pagefind/shards.json'),
  searchShard: (name: string, prefix = '') => underPrefix(prefix, `/pagefind/${name}/`),
  /** One for every language: it highlights words, whatever their language. */
  searchHighlighter: () => '/pagefind/pagefind-highlight.js',
};
