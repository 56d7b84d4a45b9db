/**
 * The sitemap protocol's files (sitemaps.org), split so that one publish
 * rewrites one of them: each article sits in the file of the month it was
 * published (`sitemap-articles-2026-11.xml`: at 10,000 articles a year, a
 * year's file weighed a megabyte), every other page in `sitemap-pages.xml`; `sitemap-index.xml` names them all, each with the
 * newest `lastmod` it holds. A file past `SITEMAP_LIMIT` URLs continues in
 * `…-2.xml`, `…-3.xml`.
 */
import { escapeXml } from './xml.ts';

/** The protocol allows 50,000 URLs a file; a margin, as Astro's sitemap integration keeps. */
export const SITEMAP_LIMIT = 45_000;
export const SITEMAP_INDEX = 'sitemap-index.xml';
/** The group of every page that is not an article. */
export const PAGES_GROUP = 'pages';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

export interface SitemapUrl {
  /** Absolute URL of the page. */
  loc: string;
  lastmod?: Date | undefined;
  /** The page in each of the publication's languages it exists in, itself included (Google's `xhtml:link` alternates). */
  alternates?: readonly { hreflang: string; href: string }[] | undefined;
  /** Which file it belongs in: `PAGES_GROUP`, or `articles-<year>-<month>`. */
  group: string;
}

/** The group of an article published in `month` (1–12) of `year`. */
export const articlesGroup = (year: number, month: number) => `articles-${year}-${String(month).padStart(2, '0')}`;

const lastmodTag = (date: Date | undefined) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : '');
const alternateTags = (alternates: SitemapUrl['alternates'] = []) =>
  alternates.map(({ hreflang, href }) => `<xhtml:link rel="alternate" hreflang="${escapeXml(hreflang)}" href="${escapeXml(href)}"/>`).join('');
const byLoc = (a: SitemapUrl, b: SitemapUrl) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0);

function newest(urls: readonly SitemapUrl[]): Date | undefined {
  let latest: Date | undefined;
  for (const { lastmod } of urls) if (lastmod && (!latest || lastmod > latest)) latest = lastmod;
  return latest;
}

/** Every sitemap file, by name, for `urls`; `siteUrl` is where the files are served. */
export function sitemapFiles(siteUrl: string, urls: readonly SitemapUrl[], limit = SITEMAP_LIMIT): Map<string, string> {
  const groups = new Map<string, SitemapUrl[]>([[PAGES_GROUP, []]]);
  for (const url of urls) {
    const list = groups.get(url.group);
    if (list) list.push(url);
    else groups.set(url.group, [url]);
  }
  const files = new Map<string, string>();
  const index: string[] = [];
  for (const group of [...groups.keys()].sort()) {
    const sorted = groups.get(group)!.sort(byLoc);
    for (let start = 0, n = 1; start < sorted.length || n === 1; start += limit, n++) {
      const part = sorted.slice(start, start + limit);
      const name = `sitemap-${group}${n === 1 ? '' : `-${n}`}.xml`;
      const entries = part.map(({ loc, lastmod, alternates }) => `<url><loc>${escapeXml(loc)}</loc>${lastmodTag(lastmod)}${alternateTags(alternates)}</url>`);
      const xhtml = part.some(({ alternates }) => alternates?.length) ? ` xmlns:xhtml="${XHTML}"` : '';
      files.set(name, `${HEAD}<urlset xmlns="${NAMESPACE}"${xhtml}>${entries.join('')}</urlset>`);
      index.push(`<sitemap><loc>${escapeXml(new URL(name, siteUrl).href)}</loc>${lastmodTag(newest(part))}</sitemap>`);
    }
  }
  files.set(SITEMAP_INDEX, `${HEAD}<sitemapindex xmlns="${NAMESPACE}">${index.join('')}</sitemapindex>`);
  return files;
}
