/**
 * The part of Pagefind's browser API the search page uses. The bundle is
 * written by the build after Vite has run, so it is imported at runtime from
 * its URL rather than bundled.
 */
import type { PagefindFilters, PagefindSort } from '../../lib/search-query.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindResults {
  results: PagefindResult[];
  /** Results there would be with each value added to the current filters. */
  filters: FilterCounts;
}

export interface Pagefind {
  options: (options: { highlightParam?: string; excerptLength?: number }) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: { filters?: PagefindFilters; sort?: PagefindSort | undefined }) => Promise<PagefindResults | null>;
}

export async function loadPagefind(options: { highlightParam: string }): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ ...options, excerptLength: 30 });
  await pagefind.init();
  return pagefind;
}
