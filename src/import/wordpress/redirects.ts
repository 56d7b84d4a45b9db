/**
 * Redirects from every address the old site had to the page that replaces
 * it: each published post's permalink and its `?p=ID` form, the category,
 * tag and author archives and their feeds, and the main feed. WordPress's
 * default bases are assumed (`/category/`, `/tag/`, `/author/`).
 *
 * The permalink structure is read from the posts' own addresses. Where most
 * posts follow a known structure, rules cover them: one per year for a
 * dated structure (`/2019/:month/:slug/`: the year kept literal, so that no
 * rule can match an address of the new site), or one for `/%postname%/`.
 * Archive addresses get a rule where the new id is the old slug. Every old
 * address is also listed on its own: hosts without redirect rules get a
 * page at each, and the build writes a `_redirects` line only for those no
 * rule already sends to the same place.
 */
import type { Redirects } from '../../content/schema.ts';
import { paths } from '../../lib/paths.ts';
import { isBuildFolder, pageShapeOf } from '../../lib/site-pages.ts';

export interface RedirectedPost {
  id: string;
  /** The permalink as the export gives it. */
  link: string;
  /** `post_name` as WordPress stored it (percent-encoded where it is not ASCII). */
  postName: string;
  /** The local `post_date`, whose year, month and day a dated permalink uses. */
  postDate: string;
  slug: string;
}

export interface RedirectPlanInput {
  /** The old site's address (the channel's `<link>`): its path prefixes every old address. */
  siteUrl: string;
  posts: readonly RedirectedPost[];
  topics: readonly { id: string; nicename: string; path: readonly string[] }[];
  tags: readonly { slug: string; name: string }[];
  authors: readonly { id: string; nicename: string }[];
}

export interface RedirectPlan extends Redirects {
  /** The permalink structure the posts follow, when one was recognised. */
  structure: string | undefined;
  /** Old addresses that are now pages of the new site, so they cannot redirect. */
  taken: string[];
}

interface Structure {
  name: string;
  /** The date parts before the post name, from `[year, month, day]`. */
  dateParts: number;
}

const STRUCTURES: readonly Structure[] = [
  { name: '/%year%/%monthnum%/%day%/%postname%/', dateParts: 3 },
  { name: '/%year%/%monthnum%/%postname%/', dateParts: 2 },
  { name: '/%year%/%postname%/', dateParts: 1 },
  { name: '/%postname%/', dateParts: 0 },
];
const DATE_PLACEHOLDERS = [':month', ':day'];

/** The path of an address with its query, or undefined for one that is not a URL. */
function pathOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}

/** The old site's path prefix, `''` at the root of its domain. */
export function basePath(siteUrl: string): string {
  return (pathOf(siteUrl) ?? '/').replace(/\?.*$/, '').replace(/\/+$/, '');
}

function expectedPath(post: RedirectedPost, structure: Structure, base: string, slash: boolean): string {
  const date = post.postDate.slice(0, 10).split('-').slice(0, structure.dateParts);
  return `${base}/${[...date, post.postName].join('/')}${slash ? '/' : ''}`;
}

/** The structure (and trailing slash) most posts' permalinks follow, if at least half do. */
export function detectStructure(posts: readonly RedirectedPost[], base: string): { structure: Structure; slash: boolean } | undefined {
  let best: { structure: Structure; slash: boolean; count: number } | undefined;
  for (const structure of STRUCTURES) {
    for (const slash of [true, false]) {
      const count = posts.filter((post) => post.postName && pathOf(post.link) === expectedPath(post, structure, base, slash)).length;
      if (count > (best?.count ?? 0)) best = { structure, slash, count };
    }
  }
  return best && best.count * 2 >= posts.length ? best : undefined;
}

function postRules(posts: readonly RedirectedPost[], base: string): { rules: Redirects['rules']; structure: string | undefined } {
  const detected = detectStructure(posts, base);
  if (!detected) return { rules: [], structure: undefined };
  const { structure, slash } = detected;
  const end = slash ? '/' : '';
  const to = paths.article(':slug');
  if (structure.dateParts === 0) return { rules: [{ from: `${base}/:slug${end}`, to }], structure: structure.name };
  const years = [...new Set(posts.filter((post) => pathOf(post.link) === expectedPath(post, structure, base, slash)).map((post) => post.postDate.slice(0, 4)))].sort();
  const rules = years.map((year) => ({ from: `${base}/${[year, ...DATE_PLACEHOLDERS.slice(0, structure.dateParts - 1), ':slug'].join('/')}${end}`, to }));
  return { rules, structure: structure.name };
}

export function planRedirects(input: RedirectPlanInput): RedirectPlan {
  const base = basePath(input.siteUrl);
  const redirects = new Map<string, string>();
  const taken: string[] = [];
  const add = (from: string | undefined, to: string) => {
    if (!from || from === to || redirects.has(from)) return;
    const path = from.split('?')[0]!;
    if (isBuildFolder(path) || (!from.includes('?') && pageShapeOf(path))) {
      taken.push(from);
      return;
    }
    redirects.set(from, to);
  };

  for (const post of input.posts) {
    const to = paths.article(post.slug);
    add(pathOf(post.link), to);
    add(`${base}/?p=${post.id}`, to);
  }
  for (const topic of input.topics) {
    const archive = `${base}/category/${topic.path.join('/')}/`;
    add(archive, paths.topic(topic.id));
    add(`${archive}feed/`, paths.topicRss(topic.id));
  }
  for (const tag of input.tags) {
    add(`${base}/tag/${tag.slug}/`, paths.tag(tag.name));
    add(`${base}/tag/${tag.slug}/feed/`, paths.rss());
  }
  for (const author of input.authors) {
    add(`${base}/author/${author.nicename}/`, paths.author(author.id));
    add(`${base}/author/${author.nicename}/feed/`, paths.authorRss(author.id));
  }
  for (const feed of ['feed/', 'feed/rss2/', 'feed/atom/']) add(`${base}/${feed}`, paths.rss());

  const { rules, structure } = postRules(input.posts, base);
  // An archive rule is worth a line only when the new id is the old slug for at least one entry.
  if (input.topics.some((topic) => topic.path.length === 1 && topic.id === topic.nicename)) {
    rules.push({ from: `${base}/category/:slug/`, to: paths.topic(':slug') }, { from: `${base}/category/:slug/feed/`, to: paths.topicRss(':slug') });
  }
  // `paths.tag` slugifies its argument, so the placeholder goes after the tags page's address.
  if (input.tags.some((tag) => paths.tag(tag.name) === `${paths.tags()}${tag.slug}/`)) {
    rules.push({ from: `${base}/tag/:slug/`, to: `${paths.tags()}:slug/` }, { from: `${base}/tag/:slug/feed/`, to: paths.rss() });
  }
  if (input.authors.some((author) => author.id === author.nicename)) {
    rules.push({ from: `${base}/author/:slug/`, to: paths.author(':slug') }, { from: `${base}/author/:slug/feed/`, to: paths.authorRss(':slug') });
  }
  return { rules, redirects: [...redirects].map(([from, to]) => ({ from, to })), structure, taken };
}

/** The last file's entries with this import's added; an entry for the same old address is replaced. Hand-written entries stay. */
export function mergeRedirects(existing: Redirects | undefined, fresh: Redirects): Redirects {
  const merge = (old: readonly { from: string; to: string }[], added: readonly { from: string; to: string }[]) => {
    const byFrom = new Map(old.map((entry) => [entry.from, entry.to]));
    for (const entry of added) byFrom.set(entry.from, entry.to);
    return [...byFrom].map(([from, to]) => ({ from, to }));
  };
  return { rules: merge(existing?.rules ?? [], fresh.rules), redirects: merge(existing?.redirects ?? [], fresh.redirects) };
}
