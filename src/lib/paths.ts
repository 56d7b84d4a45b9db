/** Every internal URL is built here, so routes and links cannot disagree. */
import { slugify } from './slug.ts';
import { searchPaths } from './search-paths.ts';
import { FRONT_PAGE } from './listing-pages.ts';

/** A listing's front page is its base address; archived pages, numbered from the oldest, follow it. */
const paged = (base: string, page: number) => (page === FRONT_PAGE ? base : `${base}${page}/`);

export const paths = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}/`,
  topic: (id: string, page = FRONT_PAGE) => paged(`/topics/${id}/`, page),
  author: (id: string, page = FRONT_PAGE) => paged(`/authors/${id}/`, page),
  tags: () => '/tags/',
  tag: (tag: string, page = FRONT_PAGE) => paged(`/tags/${tagSlug(tag)}/`, page),
  archive: () => '/archive/',
  archiveYear: (year: number) => `/archive/${year}/`,
  archiveMonth: (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}/`,
  archiveDay: (year: number, month: number, day: number) => `/archive/${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/`,
  search: (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/'),
  rss: () => '/rss.xml',
  topicRss: (id: string) => `/topics/${id}/rss.xml`,
  authorRss: (id: string) => `/authors/${id}/rss.xml`,
  jsonFeed: () => '/feed.json',
  ogCard: (slug: string) => `/og/${slug}.jpg`,
  /** What an open live story polls. */
  liveUpdates: (slug: string) => `/articles/${slug}/updates.json`,
  /** A long live story's older updates. */
  liveEarlier: (slug: string) => `/articles/${slug}/earlier/`,
  seriesIndex: () => '/series/',
  series: (id: string) => `/series/${id}/`,
  seriesRss: (id: string) => `/series/${id}/rss.xml`,
  /** Site-wide alerts, fetched by every page. */
  alerts: () => '/alerts.json',
  /** When the site next changes by the clock alone: what a scheduled run reads before it builds anything. */
  publishSchedule: () => '/publish-schedule.json',
  ...searchPaths,
  /** The CMS's built bundle, and its source, which the dev server serves at the same path from the project root. */
  adminScript: () => '/admin/cms.js',
  adminSource: () => '/admin/main.ts',
};

/**
 * Tags are free text; their URL segment is the slug, or, for a tag with no
 * Latin letters ("الطاقة", "ядерная энергия"), its own letters and digits
 * joined by hyphens: a page's file and its address are then one name, which
 * browsers show as written and `absoluteUrl` percent-encodes for feeds and sitemaps.
 */
export function tagSlug(tag: string): string {
  return slugify(tag) || tag.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Joins a site-relative path onto the site URL. */
export function absoluteUrl(siteUrl: string, pathname: string): string {
  return new URL(pathname, `${siteUrl}/`).href;
}
