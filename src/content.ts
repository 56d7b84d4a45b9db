/**
 * Shared content queries. Everything is computed once per build (the first
 * caller pays, later pages reuse the result), so no page loops over every
 * article: orderings, groupings, related stories and prev/next are all here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from './site.config.ts';
import { t } from './i18n/site-words.ts';
import { isVisible, visibility, type Visibility } from './lib/publish.ts';
import { countWords, minutesFor } from './lib/read-time.ts';
import { storedWords } from './content/body-store.ts';
import { relatedArticles } from './lib/related.ts';
import { absoluteUrl, tagSlug } from './lib/paths.ts';
import type { Publisher } from './lib/structured-data.ts';
import { calendarDay } from './lib/dates.ts';
import { cacheKey } from './lib/cache-key.ts';
import { isDevServer } from './lib/dev-server.ts';
import { seriesOrder } from './lib/series.ts';
import { activeAlerts, type PublicAlert } from './lib/alerts.ts';
import { ageNotice } from './lib/age.ts';
import { hasSource } from './content/optional-sources.ts';
import { FRONT_PAGE, listingPages, pagerLinks, type ListingPage } from './lib/listing-pages.ts';
import { translationsOf } from './lib/translations.ts';
import { push } from './lib/grouping.ts';
import { articleLanguage } from './i18n/publication-paths.ts';

export type AuthorEntry = CollectionEntry<'authors'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type Settings = CollectionEntry<'settings'>['data'];
export type SeriesEntry = CollectionEntry<'series'>;

/** One update of a live story. */
export interface Update {
  /** The file name without `.md`: unique within its story, the anchor `#update-<id>`. */
  id: string;
  entry: CollectionEntry<'updates'>;
  time: Date;
  headline: string | undefined;
  pinned: boolean;
  keyEvent: boolean;
}

/** Where an article sits in its series. */
export interface SeriesPlace {
  series: SeriesEntry;
  /** Every part, in reading order. */
  parts: Article[];
  /** This article's position in `parts`, from 0. */
  index: number;
}

/** An article with its references resolved and derived values precomputed. */
export interface Article {
  id: string;
  entry: CollectionEntry<'articles'>;
  data: CollectionEntry<'articles'>['data'];
  authors: AuthorEntry[];
  topics: TopicEntry[];
  primaryTopic: TopicEntry;
  topicIds: string[];
  tags: string[];
  /** The language it is written in (`data.language`, or the publication's first). */
  language: string;
  publishedAt: Date;
  /** Year of publication in the site's time zone (archive, search filter). */
  year: number;
  /** Month of publication (1–12) in the site's time zone (archive). */
  month: number;
  /** Day of the month of publication in the site's time zone (the archive of a full month). */
  day: number;
  /**
   * When the article was revised after publication: `data.updatedAt`, but only
   * when it is later than `publishedAt` (an `updatedAt` equal to the publication
   * time is no revision). Undefined otherwise; "Updated …" lines, `dateModified`
   * and feeds' modification dates show only this.
   */
  revisedAt: Date | undefined;
  readingMinutes: number;
  visibility: Visibility;
  /** A live story's updates, in file order (the page orders them); empty for other articles. */
  updates: Update[];
  /** Changes whenever anything a card of this article shows changes (incremental builds). */
  cardKey: string;
  /**
   * Changes whenever a bare link to it changes: its URL and headline, all a
   * previous/next or series link shows. A byline or a picture is no part of
   * it, so renaming an author re-renders no page for such a link alone.
   */
  linkKey: string;
  /** `cardKey` plus the whole source file and its authors' boxes: everything the article page shows of it. */
  key: string;
}

export interface TagGroup {
  tag: string;
  slug: string;
  articles: Article[];
}

export interface Newsroom {
  settings: Settings;
  /** Changes whenever the header, footer or head that every page shares changes. */
  chromeKey: string;
  /** The publication as structured data and feeds name it. */
  publisher: Publisher;
  /** Visible articles, newest first. */
  articles: Article[];
  /** Each language's visible articles, newest first: its home page and feeds. */
  byLanguage: Map<string, Article[]>;
  /** The language of each visible article, by slug. */
  articleLanguages: Map<string, string>;
  /** Each translated article's other versions, in the publication's order of languages, by article id. */
  translations: Map<string, Article[]>;
  authors: AuthorEntry[];
  /** Topics in navigation order, then by `order`, then by name. */
  topics: TopicEntry[];
  navigation: TopicEntry[];
  byTopic: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
  tags: TagGroup[];
  byYear: Map<number, Article[]>;
  related: Map<string, Article[]>;
  /** Series by name. */
  series: SeriesEntry[];
  /** Each series' visible parts, in reading order. */
  bySeries: Map<string, Article[]>;
  /** Where each article that belongs to a series sits in it, by article id. */
  seriesPlaces: Map<string, SeriesPlace>;
  /** Alerts running when the site was built. */
  alerts: PublicAlert[];
  /** Neighbours in the primary topic: `newer` and `older`. */
  neighbours: Map<string, { newer: Article | undefined; older: Article | undefined }>;
}

/** The dev server previews drafts and scheduled articles; builds never do unless asked. */
const showUnpublished = isDevServer || site.showUnpublished;

/**
 * The words an article's reading time counts. The content store keeps no
 * Markdown source (it would double its size): a build's store keeps the count
 * of the rendered body (`src/content/body-store.ts`), the dev server's the
 * body itself. MDX is compiled rather than rendered into the store, so its
 * source is read.
 */
function articleWords(entry: CollectionEntry<'articles'>): number {
  const stored = storedWords(entry.rendered);
  if (stored !== undefined) return stored;
  if (entry.rendered?.html) return countWords(entry.rendered.html);
  const source = entry.filePath ? fs.readFileSync(path.resolve(entry.filePath), 'utf8') : '';
  return countWords(source.replace(/^---[\s\S]*?\n---/, ''));
}

/** A collection the publication may not have: empty, without Astro's warning, when its source is absent. */
export async function optionalCollection<C extends 'series' | 'updates' | 'alerts'>(name: C): Promise<CollectionEntry<C>[]> {
  return hasSource(name) ? getCollection(name) : [];
}

async function load(): Promise<Newsroom> {
  const [entries, authors, topics, settingsEntries, seriesEntries, updateEntries, alertEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('topics'),
    getCollection('settings'),
    optionalCollection('series'),
    optionalCollection('updates'),
    optionalCollection('alerts'),
  ]);
  const settings = settingsEntries[0]?.data;
  if (!settings) throw new Error(`${site.contentDir}/settings.yml is missing or empty`);

  const updatesByStory = new Map<string, Update[]>();
  for (const entry of updateEntries) {
    const [story = '', id = entry.id] = entry.id.split('/');
    const { time, headline, pinned, keyEvent } = entry.data;
    push(updatesByStory, story, { id, entry, time, headline, pinned, keyEvent });
  }
  const seriesById = new Map(seriesEntries.map((entry) => [entry.id, entry]));
  const authorById = new Map(authors.map((author) => [author.id, author]));
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  /**
   * Looks up a reference that must exist. The content validator
   * (`src/content/validate.ts`) runs before the build and has already
   * reported unknown author and topic ids to the editor; this only guards
   * that invariant, so content that skipped validation fails loudly here
   * instead of rendering a page with a missing byline or topic.
   */
  const known = <T>(map: Map<string, T>, id: string, kind: string, file: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`${file}: ${kind} "${id}" does not exist (the content validator should have rejected it)`);
    return found;
  };

  const articles: Article[] = [];
  for (const entry of entries) {
    const { data } = entry;
    if (!isVisible(data, site.now, showUnpublished)) continue;
    const file = entry.filePath ?? entry.id;
    const articleAuthors = data.authors.map((ref) => known(authorById, ref.id, 'author', file));
    const articleTopics = data.topics.map((ref) => known(topicById, ref.id, 'topic', file));
    const revisedAt =
      data.updatedAt && data.updatedAt.getTime() > data.publishedAt.getTime() ? data.updatedAt : undefined;
    const readMinutes = minutesFor(articleWords(entry));
    const view = visibility(data, site.now);
    if (data.series) known(seriesById, data.series.id, 'series', file);
    const updates = data.live ? (updatesByStory.get(entry.id) ?? []) : [];
    // A card names its authors and topics; a bio or a topic's description is no part of it.
    const cardKey = cacheKey(
      entry.id,
      data,
      articleAuthors.map((author) => [author.id, author.data.name]),
      articleTopics.map((topic) => [topic.id, topic.data.name]),
      readMinutes,
      view,
    );
    articles.push({
      id: entry.id,
      entry,
      data,
      authors: articleAuthors,
      topics: articleTopics,
      primaryTopic: articleTopics[0]!,
      topicIds: articleTopics.map((topic) => topic.id),
      tags: data.tags,
      language: articleLanguage(data.language),
      publishedAt: data.publishedAt,
      ...calendarDay(data.publishedAt, site),
      revisedAt,
      readingMinutes: readMinutes,
      visibility: view,
      updates,
      cardKey,
      linkKey: cacheKey(entry.id, data.title),
      // The article page also shows each author's box: role, bio, avatar and links.
      key: cacheKey(
        cardKey,
        entry.digest,
        articleAuthors.map((author) => author.data),
        updates.map((update) => [update.id, update.entry.digest]),
      ),
    });
  }
  articles.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));

  const navigation = settings.navigation.map((id) => known(topicById, id, 'topic', 'settings.yml navigation'));
  const navIndex = new Map(settings.navigation.map((id, index) => [id, index]));
  const sortedTopics = [...topics].sort(
    (a, b) =>
      (navIndex.get(a.id) ?? Infinity) - (navIndex.get(b.id) ?? Infinity) ||
      a.data.order - b.data.order ||
      a.data.name.localeCompare(b.data.name),
  );

  const byTopic = new Map<string, Article[]>();
  const byAuthor = new Map<string, Article[]>();
  const byTag = new Map<string, TagGroup>();
  const byYear = new Map<number, Article[]>();
  for (const article of articles) {
    for (const id of article.topicIds) push(byTopic, id, article);
    for (const author of article.authors) push(byAuthor, author.id, article);
    // One entry per tag page: "Europe" and "europe" on one article share a slug and list it once.
    const listed = new Set<string>();
    for (const tag of article.tags) {
      const slug = tagSlug(tag);
      if (listed.has(slug)) continue;
      listed.add(slug);
      const group = byTag.get(slug) ?? { tag, slug, articles: [] };
      group.articles.push(article);
      byTag.set(slug, group);
    }
    push(byYear, article.year, article);
  }

  const bySeries = new Map<string, Article[]>();
  for (const article of articles) if (article.data.series) push(bySeries, article.data.series.id, article);
  for (const [id, parts] of bySeries) {
    bySeries.set(id, seriesOrder(parts.map((article) => ({ article, id: article.id, publishedAt: article.publishedAt, part: article.data.seriesPart }))).map(({ article }) => article));
  }
  const seriesPlaces = new Map<string, SeriesPlace>();
  for (const [id, parts] of bySeries) {
    const series = seriesById.get(id)!;
    parts.forEach((article, index) => seriesPlaces.set(article.id, { series, parts, index }));
  }
  const alerts = activeAlerts(alertEntries[0]?.data.alerts ?? [], site.now.getTime()).map(({ text, link, level, expires }) => ({
    id: cacheKey(text, link ?? '', level).slice(0, 12),
    text,
    ...(link ? { link } : {}),
    level,
    ...(expires ? { expires: expires.toISOString() } : {}),
  }));

  const byLanguage = new Map<string, Article[]>(site.locales.map((tag) => [tag, []]));
  for (const article of articles) push(byLanguage, article.language, article);

  // A reader moves on to the next story in the language they are reading.
  const neighbours: Newsroom['neighbours'] = new Map();
  for (const [topicId, list] of byTopic) {
    for (const language of byLanguage.keys()) {
      const primaries = list.filter((article) => article.primaryTopic.id === topicId && article.language === language);
      primaries.forEach((article, index) => {
        neighbours.set(article.id, { newer: primaries[index - 1], older: primaries[index + 1] });
      });
    }
  }

  return {
    settings,
    chromeKey: cacheKey(
      // The age threshold shows only in article notices, which each article page's own key holds.
      { ...settings, ageNoticeYears: undefined },
      // The header lists the navigation's topics by name; their descriptions are on their own pages.
      navigation.map((topic) => [topic.id, topic.data.name]),
      site.now.getFullYear(),
    ),
    publisher: { name: settings.name, url: absoluteUrl(site.url, '/'), logo: absoluteUrl(site.url, site.publisher.logo) },
    articles,
    byLanguage,
    articleLanguages: new Map(articles.map((article) => [article.id, article.language])),
    translations: translationsOf(articles, site.locales),
    authors: [...authors].sort((a, b) => a.data.name.localeCompare(b.data.name)),
    topics: sortedTopics,
    navigation,
    byTopic,
    byAuthor,
    tags: [...byTag.values()].sort((a, b) => b.articles.length - a.articles.length || a.tag.localeCompare(b.tag)),
    byYear,
    related: new Map([...byLanguage.values()].flatMap((list) => [...relatedArticles(list)])),
    neighbours,
    series: [...seriesEntries].sort((a, b) => a.data.name.localeCompare(b.data.name)),
    bySeries,
    seriesPlaces,
    alerts,
  };
}

/**
 * The incremental-build key of a page: the shared chrome, the cards it lists
 * and whatever else it shows (`parts`).
 */
export function pageKey(newsroom: Newsroom, cards: readonly Article[], ...parts: unknown[]): string {
  return cacheKey(newsroom.chromeKey, cards.map((article) => article.cardKey), ...parts);
}

/** One page of a topic's, author's or tag's listing, with what its route needs. */
export interface ListingRoute {
  /** The `[...page]` parameter: none for the front page, the archived page's number otherwise. */
  param: string | undefined;
  page: ListingPage<Article>;
  /** Articles in the whole listing. */
  total: number;
  cacheKey: string;
}

/**
 * Every page of a listing (`src/lib/listing-pages.ts`), each keyed on what it
 * shows: its cards, its pager and, on the front page only, the listing's size,
 * plus `parts` (the listing's own header).
 */
export function listingRoutes(newsroom: Newsroom, newestFirst: readonly Article[], ...parts: unknown[]): ListingRoute[] {
  return listingPages(newestFirst, site.pageSize).map((page) => {
    const front = page.number === FRONT_PAGE;
    return {
      param: front ? undefined : String(page.number),
      page,
      total: newestFirst.length,
      cacheKey: pageKey(newsroom, page.items, page.number, pagerLinks(page.number, page.archived), front ? newestFirst.length : null, ...parts),
    };
  });
}

/** A year's articles by month (1–12), newest month first, each newest first. */
export function monthsOf(articles: readonly Article[]): [number, Article[]][] {
  const months = new Map<number, Article[]>();
  for (const article of articles) push(months, article.month, article);
  return [...months].sort(([a], [b]) => b - a);
}

/** One month's articles by day of the month, newest day first, each day in the order given. */
export function daysOf(articles: readonly Article[]): [number, Article[]][] {
  const days = new Map<number, Article[]>();
  for (const article of articles) push(days, article.day, article);
  return [...days].sort(([a], [b]) => b - a);
}

/** What an archive list shows of each article (`ArchiveList.astro`): the key of a page that lists them. */
export function archiveLines(articles: readonly Article[]): unknown[] {
  return articles.map((article) => [article.linkKey, article.publishedAt, article.primaryTopic.data.name]);
}

/** Whether a month's archive page lists its days, each with a page of its own, rather than its articles. */
export function monthListsDays(articles: readonly Article[]): boolean {
  return articles.length > site.archiveMonthArticles;
}

/** The notice an old article carries, from the build's "now" and the settings' threshold. */
export function articleAgeNotice(newsroom: Newsroom, article: Article): string | undefined {
  return ageNotice(article.publishedAt, site.now, newsroom.settings.ageNoticeYears, t);
}

/** Where an article sits in its series, if it belongs to one. */
export function seriesPlace(newsroom: Newsroom, article: Article): SeriesPlace | undefined {
  return newsroom.seriesPlaces.get(article.id);
}

let cached: Promise<Newsroom> | undefined;

/** The whole newsroom, loaded and indexed once per build (each dev request reloads it). */
export function getNewsroom(): Promise<Newsroom> {
  if (isDevServer) return load();
  cached ??= load();
  return cached;
}
