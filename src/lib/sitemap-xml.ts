/**
 * The sitemap protocol's files (sitemaps.org): URL sets of at most
 * `SITEMAP_LIMIT` pages, named `sitemap-0.xml`, `sitemap-1.xml`…, and
 * `sitemap-index.xml` naming them, each with the newest `lastmod` it holds.
 */
import { escapeXml } from './xml.ts';

/** The protocol allows 50,000 URLs a file; a margin, as Astro's sitemap integration keeps. */
export const SITEMAP_LIMIT = 45_000;
export const SITEMAP_INDEX = 'sitemap-index.xml';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

export interface SitemapUrl {
  /** Absolute URL of the page. */
  loc: string;
  lastmod?: Date | undefined;
}

const lastmodTag = (date: Date | undefined) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : '');

function newest(urls: readonly SitemapUrl[]): Date | undefined {
  let latest: Date | undefined;
  for (const { lastmod } of urls) if (lastmod && (!latest || lastmod > latest)) latest = lastmod;
  return latest;
}

/** Every sitemap file, by name, for `urls` in URL order; `siteUrl` is where the files are served. */
export function sitemapFiles(siteUrl: string, urls: readonly SitemapUrl[], limit = SITEMAP_LIMIT): Map<string, string> {
  const sorted = [...urls].sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  const files = new Map<string, string>();
  const index: string[] = [];
  for (let start = 0, n = 0; start < sorted.length || n === 0; start += limit, n++) {
    const part = sorted.slice(start, start + limit);
    const name = `sitemap-${n}.xml`;
    const entries = part.map(({ loc, lastmod }) => `<url><loc>${escapeXml(loc)}</loc>${lastmodTag(lastmod)}</url>`);
    files.set(name, `${HEAD}<urlset xmlns="${NAMESPACE}">${entries.join('')}</urlset>`);
    index.push(`<sitemap><loc>${escapeXml(new URL(name, siteUrl).href)}</loc>${lastmodTag(newest(part))}</sitemap>`);
  }
  files.set(SITEMAP_INDEX, `${HEAD}<sitemapindex xmlns="${NAMESPACE}">${index.join('')}</sitemapindex>`);
  return files;
}
