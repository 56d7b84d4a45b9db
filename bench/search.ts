/**
 * A reader's first search, as Chromium makes it: a fresh browser context (a
 * cold cache) opens the search page with the query in its URL, as the header's
 * search box sends it, and waits for the first result. Reports what that
 * downloaded, as a host that compresses text sends it (Pagefind's index files
 * are compressed already; scripts, JSON, HTML and CSS are gzipped here to
 * count them), and when the first result was on the page: from the start of
 * navigation, and from the page's own DOMContentLoaded.
 */
import zlib from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { round } from './inspect.ts';

export interface SearchQuery {
  label: string;
  /** The search page's query string, e.g. `?q=council&year=2025`. */
  query: string;
}

export interface FirstSearch {
  label: string;
  query: string;
  /** Milliseconds from the start of navigation to the first result on the page. */
  firstResultMs: number;
  /** The same, from the end of the page's DOMContentLoaded: the search's own time. */
  afterPageMs: number;
  /** What the status line said, e.g. "120 results for “council” since 1 October 2026." */
  status: string;
  /** Everything the page fetched, and the part of it that is the search index. */
  kilobytes: number;
  searchKilobytes: number;
  requests: number;
  searchRequests: number;
}

const SEARCH_FILES = '/pagefind/';
const TIMEOUT_MS = 60_000;
/** What a host compresses on the way out. */
const TEXT = /^(text\/|application\/(javascript|json|xml))/;

/** Records, in the page, when the first result (or the "No results" line) appears. */
function watchFirstResult() {
  const record = window as unknown as { firstResultAt?: number };
  new MutationObserver((_, observer) => {
    const status = document.querySelector('[data-status]')?.textContent ?? '';
    if (document.querySelector('[data-results] li') || status.startsWith('No results')) {
      record.firstResultAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** The bytes a host sends for one response: headers, and the body gzipped when it is text. */
async function sentBytes(request: Request): Promise<number> {
  const response = await request.response();
  const sizes = await request.sizes();
  if (!response || !TEXT.test(response.headers()['content-type'] ?? '')) return sizes.responseHeadersSize + sizes.responseBodySize;
  return sizes.responseHeadersSize + zlib.gzipSync(await response.body()).length;
}

async function firstSearch(page: Page, origin: string, { label, query }: SearchQuery): Promise<FirstSearch> {
  const sizes: { search: boolean; bytes: Promise<number> }[] = [];
  page.on('requestfinished', (request) => {
    sizes.push({ search: new URL(request.url()).pathname.startsWith(SEARCH_FILES), bytes: sentBytes(request) });
  });
  await page.addInitScript(watchFirstResult);
  await page.goto(`${origin}/search/${query}`);
  await page.waitForFunction(() => (window as unknown as { firstResultAt?: number }).firstResultAt !== undefined, undefined, { timeout: TIMEOUT_MS });
  const { firstResultMs, afterPageMs } = await page.evaluate(() => {
    const at = (window as unknown as { firstResultAt: number }).firstResultAt;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { firstResultMs: Math.round(at), afterPageMs: Math.round(at - navigation.domContentLoadedEventEnd) };
  });
  await page.waitForFunction(() => !document.querySelector('[data-results][aria-busy]'), undefined, { timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  const status = (await page.locator('[data-status]').textContent()) ?? '';
  const all = await Promise.all(sizes.map(async (size) => ({ search: size.search, bytes: await size.bytes })));
  const search = all.filter((size) => size.search);
  const kb = (list: { bytes: number }[]) => round(list.reduce((sum, size) => sum + size.bytes, 0) / 1024, 1);
  return {
    label,
    query,
    firstResultMs,
    afterPageMs,
    status,
    kilobytes: kb(all),
    searchKilobytes: kb(search),
    requests: all.length,
    searchRequests: search.length,
  };
}

/** Each query in a browser context of its own, against the built site served locally. */
export async function measureFirstSearches(site: string, queries: readonly SearchQuery[]): Promise<FirstSearch[]> {
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    const results: FirstSearch[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      try {
        results.push(await firstSearch(await context.newPage(), server.url, query));
      } finally {
        await context.close();
      }
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
