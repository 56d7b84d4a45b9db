/**
 * Which page of the site an address names, read back through `paths.ts` so
 * that the two cannot disagree. Redirects use it: a redirect must lead to a
 * page the content defines, and must not take over the address of one.
 */
import { paths } from './paths.ts';

/** The ids the content defines, by kind; tags by their URL segment (`tagSlug`). */
export interface SiteIds {
  articles: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  series: ReadonlySet<string>;
}

type IdKind = keyof SiteIds;

/** A stand-in id that every path builder passes through unchanged (it is its own slug). */
const MARK = 'x0site0page0id0x';

interface Shape {
  /** What a person calls the page, e.g. "article". */
  name: string;
  prefix: string;
  suffix: string;
  /** The kind of id in the middle; none for pages with a fixed address. */
  ids?: IdKind;
}

function shape(name: string, build: (id: string) => string, ids: IdKind): Shape {
  const [prefix = '', suffix = ''] = build(MARK).split(MARK);
  return { name, prefix, suffix, ids };
}

const fixed = (name: string, address: string): Shape => ({ name, prefix: address, suffix: '' });

/** Every page a redirect may lead to. Numbered listing pages are left out: how many there are depends on the build. */
const SHAPES: readonly Shape[] = [
  fixed('home page', paths.home()),
  fixed('tags page', paths.tags()),
  fixed('archive', paths.archive()),
  fixed('search page', paths.search()),
  fixed('feed', paths.rss()),
  fixed('JSON feed', paths.jsonFeed()),
  fixed('series index', paths.seriesIndex()),
  shape('article', paths.article, 'articles'),
  shape('topic', (id) => paths.topic(id), 'topics'),
  shape('topic feed', paths.topicRss, 'topics'),
  shape('author', (id) => paths.author(id), 'authors'),
  shape('author feed', paths.authorRss, 'authors'),
  shape('tag', (id) => paths.tag(id), 'tags'),
  shape('series', paths.series, 'series'),
  shape('series feed', paths.seriesRss, 'series'),
];

/** Folders the build fills with files of its own, which no redirect may claim. */
const BUILD_FOLDERS = ['/_astro/', paths.searchIndex(), paths.ogCard(MARK).split(MARK)[0]!, paths.adminScript().replace(/[^/]*$/, '')];

export interface SitePage {
  shape: string;
  ids?: IdKind;
  id?: string;
}

/** The page `address` has the shape of (an article's, a topic's…), whether or not the content has it; undefined for none. */
export function pageShapeOf(address: string): SitePage | undefined {
  for (const candidate of SHAPES) {
    if (!candidate.ids) {
      if (address === candidate.prefix) return { shape: candidate.name };
      continue;
    }
    if (!address.startsWith(candidate.prefix) || !address.endsWith(candidate.suffix)) continue;
    const id = address.slice(candidate.prefix.length, address.length - candidate.suffix.length);
    if (id && !id.includes('/')) return { shape: candidate.name, ids: candidate.ids, id };
  }
  return undefined;
}

const SINGULAR: Record<IdKind, string> = { articles: 'article', topics: 'topic', authors: 'author', tags: 'tag', series: 'series' };

/** Why `address` names no page of this content (e.g. `no article "x"`), or undefined when it names one. */
export function missingPage(address: string, ids: SiteIds): string | undefined {
  const page = pageShapeOf(address);
  if (!page) return 'no page of this site has that address';
  if (page.ids && page.id !== undefined && !ids[page.ids].has(page.id)) return `no ${SINGULAR[page.ids]} "${page.id}"`;
  return undefined;
}

/** True for addresses under a folder the build writes itself (scripts, search index, cards, the CMS). */
export function isBuildFolder(address: string): boolean {
  return BUILD_FOLDERS.some((folder) => address.startsWith(folder));
}
