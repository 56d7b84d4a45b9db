/** Every internal URL is built here, so routes and links cannot disagree. */
import { slugify } from './slug.ts';
import { searchPaths } from './search-paths.ts';

const paged = (base: string, page: number) => (page <= 1 ? base : `${base}${page}/`);

export const paths = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}/`,
  topic: (id: string, page = 1) => paged(`/topics/${id}/`, page),
  author: (id: string, page = 1) => paged(`/authors/${id}/`, page),
  tags: () => '/tags/',
  tag: (tag: string, page = 1) => paged(`/tags/${tagSlug(tag)}/`, page),
  archive: () => '/archive/',
  archiveYear: (year: number) => `/archive/${year}/`,
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
  series: (id: string, page = 1) => paged(`/series/${id}/`, page),
  seriesRss: (id: string) => `/series/${id}/rss.xml`,
  /** Site-wide alerts, fetched by every page. */
  alerts: () => '/alerts.json',
  ...searchPaths,
  /** The CMS's built bundle, and its source, which the dev server serves at the same path from the project root. */
  adminScript: () => '/admin/cms.js',
  adminSource: () => '/admin/main.ts',
};

/** Tags are free text; their URL segment is the slug, or the encoded text when it has no Latin letters. */
export function tagSlug(tag: string): string {
  return slugify(tag) || encodeURIComponent(tag.trim().toLowerCase());
}

/** Joins a site-relative path onto the site URL. */
export function absoluteUrl(siteUrl: string, pathname: string): string {
  return new URL(pathname, `${siteUrl}/`).href;
}
