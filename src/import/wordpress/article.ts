/**
 * One WordPress post as a Broadsheet article: its frontmatter, following the
 * schema field by field (`src/content/schema.ts`), its body as Markdown, and
 * the featured image it names. Where WordPress lacks something the schema
 * requires, the nearest thing stands in and a note says so: a headline from
 * the first words, a dek from the first sentence, a date from the last edit.
 */
import { tagSlug } from '../../lib/paths.ts';
import type { AuthorPlanner, PlannedAuthor } from './authors.ts';
import { convertBody, type ConvertedBody } from './body.ts';
import type { ArticleStatus } from './classify.ts';
import { isoSeconds, wordpressDate } from './dates.ts';
import type { GalleryImage } from './shortcodes.ts';
import { firstSentence, firstWords, htmlToText, proseText, truncateWords } from './text.ts';
import type { PlannedTopic, TopicPlanner } from './topics.ts';
import type { WxrItem } from './wxr.ts';

/** The schema's limits on a headline and a dek. */
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 400;
/** WordPress touches a post's modified date when it publishes it; a later edit is one made after this. */
const EDIT_AFTER_MS = 60_000;
/** Meta descriptions from Yoast SEO, Rank Math and All in One SEO, in that order. */
const SEO_DESCRIPTION_KEYS = ['_yoast_wpseo_metadesc', 'rank_math_description', '_aioseo_description', '_aioseop_description'];

export interface Attachment extends GalleryImage {
  /** Its post ID. */
  id: string;
  title: string;
  /** The post it was uploaded to. */
  parent: string;
}

export interface ArticleLookups {
  timeZone: string;
  now: Date;
  authors: AuthorPlanner;
  topics: TopicPlanner;
  /** Who signs a post that names no author. */
  fallbackLogin: string;
  attachment: (id: string) => Attachment | undefined;
  attachedImages: (postId: string) => GalleryImage[];
  link: (href: string) => string;
}

export interface FeaturedImage {
  url: string;
  alt: string;
  caption: string;
}

export interface MappedArticle {
  frontmatter: Record<string, unknown>;
  body: ConvertedBody;
  featured: FeaturedImage | undefined;
  publishedAt: Date;
  authors: PlannedAuthor[];
  topics: PlannedTopic[];
  notes: string[];
}

export type MappedPost = ({ kind: 'article' } & MappedArticle) | { kind: 'skip'; reason: string };

/** When a post was first published: WordPress's GMT date, else its local one, else (noted) its last change. */
export function publicationDate(item: WxrItem, timeZone: string): { date: Date | undefined; fromModified: boolean } {
  const date = wordpressDate(item.postDateGmt, item.postDate, timeZone);
  if (date) return { date, fromModified: false };
  return { date: wordpressDate(item.postModifiedGmt, item.postModified, timeZone), fromModified: true };
}

/** The post's title as plain text; empty when it has none. */
export function plainTitle(item: WxrItem): string {
  return htmlToText(item.title);
}

function description(item: WxrItem, bodyText: string, title: string): { text: string; note?: string } {
  const excerpt = htmlToText(item.excerpt);
  if (excerpt) return { text: truncateWords(excerpt, MAX_DESCRIPTION) };
  for (const key of SEO_DESCRIPTION_KEYS) {
    const value = htmlToText(item.meta.get(key) ?? '');
    // Template variables (`%%sitename%%`) only mean something to the plugin.
    if (value && !/%%?[a-z_]+%%?/i.test(value)) return { text: truncateWords(value, MAX_DESCRIPTION) };
  }
  if (bodyText) return { text: firstSentence(bodyText, MAX_DESCRIPTION) };
  return { text: title, note: 'no excerpt and no text to take a dek from: the headline stands in' };
}

function featuredImage(item: WxrItem, lookups: ArticleLookups, title: string, notes: string[]): FeaturedImage | undefined {
  const id = item.meta.get('_thumbnail_id')?.trim();
  if (!id) return undefined;
  const attachment = lookups.attachment(id);
  if (!attachment) {
    notes.push(`its featured image (attachment ${id}) is not in the export: the article has none`);
    return undefined;
  }
  let alt = attachment.alt;
  if (!alt) {
    // A title that is a file name ("IMG_0412") describes nothing.
    const titled = attachment.title && !/^[\w-]+\.?\w*$/.test(attachment.title) ? attachment.title : '';
    alt = attachment.caption || titled || title;
    notes.push(`its featured image has no alt text in WordPress: “${alt}” stands in; describe the picture`);
  }
  return { url: attachment.url, alt, caption: attachment.caption };
}

export function mapPost(item: WxrItem, status: ArticleStatus, lookups: ArticleLookups): MappedPost {
  const notes = item.readProblems.length > 0 ? [`the export's XML is damaged in this post and was read as far as possible (${item.readProblems.join('; ')})`] : [];
  const { date: publishedAt, fromModified } = publicationDate(item, lookups.timeZone);
  if (!publishedAt) return { kind: 'skip', reason: 'it has no date at all (0000-00-00 00:00:00)' };
  if (fromModified) notes.push('no publication date in WordPress (0000-00-00 00:00:00): dated by its last change');

  const body = item.content.trim()
    ? convertBody(item.content, { baseUrl: item.link, link: lookups.link, attachment: lookups.attachment, attachedImages: () => lookups.attachedImages(item.postId) })
    : { markdown: '', images: [], notes: [] };
  notes.push(...body.notes);
  const bodyText = proseText(item.content) || htmlToText(item.content);
  if (!htmlToText(item.content) && body.images.length === 0) notes.push('its body is empty');

  let title = plainTitle(item);
  if (!title) {
    title = bodyText ? firstWords(bodyText, 8, MAX_TITLE) : `Untitled (WordPress post ${item.postId})`;
    notes.push(`it has no title in WordPress: “${title}” stands in; write a headline`);
  } else if (title.length > MAX_TITLE) {
    title = truncateWords(title, MAX_TITLE);
    notes.push(`its title is longer than ${MAX_TITLE} characters and was shortened`);
  }
  const dek = description(item, bodyText, title);
  if (dek.note) notes.push(dek.note);

  if (status === 'scheduled' && publishedAt <= lookups.now) notes.push('scheduled in WordPress for a time already past: it is published with that date');
  if (status === 'published' && publishedAt > lookups.now) notes.push('published in WordPress with a date in the future: it stays scheduled until then');

  const creator = item.creator.trim() || lookups.fallbackLogin;
  if (!item.creator.trim()) notes.push('it names no author in WordPress: signed by the site’s first author');
  const authors = [lookups.authors.byCreator(creator), ...item.terms.filter((term) => term.domain === 'author' && term.name).map((term) => lookups.authors.byCoAuthor(term))];
  const uniqueAuthors = [...new Map(authors.map((author) => [author.id, author])).values()];
  const topics = lookups.topics.topicsOf(item);
  const tags = [...new Map(item.terms.filter((term) => term.domain === 'post_tag').map((term) => htmlToText(term.name)).filter(Boolean).map((tag) => [tagSlug(tag), tag])).values()];

  const frontmatter: Record<string, unknown> = { title, description: dek.text, publishedAt: isoSeconds(publishedAt) };
  const modified = wordpressDate(item.postModifiedGmt, item.postModified, lookups.timeZone);
  if (status !== 'draft' && modified && modified.getTime() - publishedAt.getTime() >= EDIT_AFTER_MS) frontmatter['updatedAt'] = isoSeconds(modified);
  frontmatter['authors'] = uniqueAuthors.map((author) => author.id);
  frontmatter['topics'] = topics.map((topic) => topic.id);
  if (tags.length > 0) frontmatter['tags'] = tags;
  if (status === 'draft') frontmatter['draft'] = true;
  if (item.isSticky) frontmatter['featured'] = true;

  return { kind: 'article', frontmatter, body, featured: featuredImage(item, lookups, title, notes), publishedAt, authors: uniqueAuthors, topics, notes };
}

/** Frontmatter with the hero image in its place in the schema's order (after `tags`, before `draft`). */
export function withImage(frontmatter: Record<string, unknown>, image: Record<string, string>): Record<string, unknown> {
  const entries = Object.entries(frontmatter);
  const at = entries.findIndex(([key]) => key === 'draft' || key === 'featured');
  entries.splice(at === -1 ? entries.length : at, 0, ['image', image]);
  return Object.fromEntries(entries);
}
