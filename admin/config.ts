/**
 * The Decap CMS configuration. Every field name is typed against the content
 * schema (`src/content/schema.ts`), so a renamed or removed schema field breaks
 * type checking here, and `tests/unit/cms-config.test.ts` fails when a schema
 * field is missing from the CMS or the CMS writes a field the schema rejects.
 */
import type { CmsBackend, CmsCollection, CmsCollectionFile, CmsConfig, CmsFieldBase } from 'decap-cms-core';
import {
  ABSOLUTE_URL_PATTERN,
  type AlertsInput,
  type ArticleInput,
  type AuthorInput,
  type SeriesInput,
  type SettingsInput,
  type TopicInput,
  type UpdateInput,
} from '../src/content/schema.ts';
import { DEFAULT_FORMAT, FORMAT_IDS, FORMATS } from '../src/lib/formats.ts';
import { LIVE_STATUSES } from '../src/lib/live.ts';
import { ALERT_LEVELS } from '../src/lib/alerts.ts';
import { AUTHOR_LINKS, SOCIAL_NETWORKS } from '../src/lib/social.ts';

/**
 * A CMS field whose name is a key of `T`. Decap's own `CmsField` type knows
 * neither custom widgets nor the relation widget's `min`, so widget options
 * are left open here and the whole config is handed to Decap with one cast.
 */
type Field<T> = Omit<CmsFieldBase, 'name'> & { name: Extract<keyof T, string>; widget: string; [option: string]: unknown };

type AnyField = Field<Record<string, unknown>>;

type Collection = Omit<CmsCollection, 'fields' | 'files'> & {
  fields?: AnyField[];
  files?: (Omit<CmsCollectionFile, 'fields'> & { fields: AnyField[] })[];
};

type Shape<T> = NonNullable<T>;
type ImageInput = Shape<ArticleInput['image']>;
type SourceInput = Shape<ArticleInput['source']>;
type CorrectionInput = Shape<ArticleInput['corrections']>[number];
type LinksInput = Shape<AuthorInput['links']>;
type SocialInput = Shape<SettingsInput['social']>;
type LiveInput = Shape<ArticleInput['live']>;
type NewsletterInput = Shape<SettingsInput['newsletter']>;
type AlertInput = Shape<AlertsInput['alerts']>[number];
type SeriesImageInput = Shape<SeriesInput['image']>;

/** Where an article keeps its hero image path; alt text is required while it is set. */
export const HERO_IMAGE_SRC = ['image', 'src'] as const satisfies [keyof ArticleInput, keyof ImageInput];

/** The name of the custom widget that requires alt text whenever the article has an image. */
export const ALT_TEXT_WIDGET = 'alt-text';

/**
 * Date-times are picked in the editor's browser time zone and saved with that
 * zone's offset (`2026-11-27T07:30:00+00:00`), which the schema accepts as an
 * exact moment; readers always see it in the site's time zone. `picker_utc`
 * stays off because editors think in local time, not UTC.
 */
const dateTime = {
  widget: 'datetime' as const,
  format: 'YYYY-MM-DDTHH:mm:ssZ',
  picker_utc: false,
};

const absoluteUrlPattern: [string, string] = [ABSOLUTE_URL_PATTERN, 'Must be a full web address starting with https://'];
const emailPattern: [string, string] = ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'Must be an email address'];

/** Ids of authors, topics and series are their file names: `content/authors/<id>.yml`. */
const relation = (collection: 'authors' | 'topics' | 'series') => ({
  widget: 'relation' as const,
  collection,
  value_field: '{{slug}}',
  search_fields: ['name'],
  display_fields: ['name'],
  multiple: true,
});

const imageFields = [
  { name: 'src', label: 'Image', widget: 'image', required: false, choose_url: false },
  { name: 'alt', label: 'Alt text', widget: ALT_TEXT_WIDGET, required: false, hint: 'Describe the image for readers who cannot see it. Required when an image is set.' },
  { name: 'caption', label: 'Caption', widget: 'string', required: false },
  { name: 'credit', label: 'Credit', widget: 'string', required: false, hint: 'e.g. Photo: Jane Doe / Agency' },
] satisfies Field<ImageInput>[];

const sourceFields = [
  { name: 'name', label: 'Name', widget: 'string', required: false },
  { name: 'url', label: 'Link to the original', widget: 'string', required: false, pattern: absoluteUrlPattern },
] satisfies Field<SourceInput>[];

const liveFields = [
  // Not required: Decap checks the fields of an empty optional object too, which would stop every other article saving.
  { name: 'status', label: 'Status', widget: 'select', options: [...LIVE_STATUSES], required: false, hint: 'Live: open pages check for new updates. Ended: coverage is over. Empty: not a live story.' },
  { name: 'endedAt', label: 'Ended at', ...dateTime, required: false, hint: 'Leave empty to use the time of the last update.' },
] satisfies Field<LiveInput>[];

const correctionFields = [
  { name: 'date', label: 'Date', ...dateTime },
  { name: 'text', label: 'Correction', widget: 'text' },
] satisfies Field<CorrectionInput>[];

/** The CMS form of an article: one Decap widget per field of the schema's `articleFields`. */
export const articleWidgets = [
  { name: 'title', label: 'Headline', widget: 'string' },
  { name: 'description', label: 'Dek', widget: 'text', hint: 'One or two sentences under the headline; also the search-engine description.' },
  { name: 'publishedAt', label: 'Published at', ...dateTime, default: '{{now}}', hint: 'A time in the future schedules the article.' },
  { name: 'updatedAt', label: 'Updated at', ...dateTime, required: false },
  { name: 'authors', label: 'Authors', ...relation('authors'), min: 1, hint: 'In byline order.' },
  { name: 'topics', label: 'Topics', ...relation('topics'), min: 1, hint: 'The first is the primary topic.' },
  { name: 'tags', label: 'Tags', widget: 'list', required: false, allow_add: true },
  {
    name: 'format',
    label: 'Format',
    widget: 'select',
    options: FORMAT_IDS.map((value) => ({ label: FORMATS[value].label, value })),
    default: DEFAULT_FORMAT,
    required: false,
    hint: 'Shown as a label before the headline. Sponsored pieces are labelled as paid content everywhere.',
  },
  { name: 'series', label: 'Series', ...relation('series'), multiple: false, required: false },
  { name: 'seriesPart', label: 'Part number', widget: 'number', value_type: 'int', min: 1, required: false, hint: 'Leave empty to order the series by date.' },
  { name: 'live', label: 'Live story', widget: 'object', required: false, collapsed: true, fields: liveFields, hint: 'Post its updates under “Live updates”.' },
  { name: 'image', label: 'Hero image', widget: 'object', required: false, collapsed: false, fields: imageFields },
  // Not required: articles written before the CMS may lack these keys (the schema defaults them to
  // false), and Decap treats an unset toggle as a missing required value and refuses to save.
  { name: 'draft', label: 'Draft', widget: 'boolean', default: false, required: false, hint: 'Drafts never appear on the live site.' },
  { name: 'featured', label: 'Featured', widget: 'boolean', default: false, required: false },
  { name: 'source', label: 'Source', widget: 'object', required: false, collapsed: true, fields: sourceFields },
  { name: 'corrections', label: 'Corrections', label_singular: 'correction', widget: 'list', required: false, collapsed: true, fields: correctionFields },
  { name: 'canonical', label: 'Canonical URL', widget: 'string', required: false, pattern: absoluteUrlPattern, hint: 'Only when the article first appeared elsewhere.' },
] satisfies Field<ArticleInput>[];

/** The Markdown body is not frontmatter, so it is not part of the schema's fields. */
export const ARTICLE_BODY = 'body';

/** Author links, labelled as the site labels them; email is checked as an address, the rest as web addresses. */
const linkFields = (Object.keys(AUTHOR_LINKS) as (keyof LinksInput)[]).map((name) => ({
  name,
  label: AUTHOR_LINKS[name],
  widget: 'string',
  required: false,
  pattern: name === 'email' ? emailPattern : absoluteUrlPattern,
})) satisfies Field<LinksInput>[];

export const authorWidgets = [
  { name: 'name', label: 'Name', widget: 'string' },
  { name: 'role', label: 'Role', widget: 'string', required: false },
  { name: 'bio', label: 'Bio', widget: 'text', required: false },
  { name: 'avatar', label: 'Portrait', widget: 'image', required: false, choose_url: false, hint: 'Square, at least 176 × 176 pixels.' },
  { name: 'links', label: 'Links', widget: 'object', required: false, collapsed: true, fields: linkFields },
] satisfies Field<AuthorInput>[];

export const topicWidgets = [
  { name: 'name', label: 'Name', widget: 'string' },
  { name: 'description', label: 'Description', widget: 'text', required: false },
  { name: 'order', label: 'Order', widget: 'number', value_type: 'int', default: 100, required: false, hint: 'Lower comes first where the navigation does not set an order.' },
] satisfies Field<TopicInput>[];

const socialFields = (Object.keys(SOCIAL_NETWORKS) as (keyof SocialInput)[]).map((name) => ({
  name,
  label: SOCIAL_NETWORKS[name],
  widget: 'string',
  required: false,
  pattern: absoluteUrlPattern,
})) satisfies Field<SocialInput>[];

const newsletterFields = [
  { name: 'name', label: 'Newsletter name', widget: 'string' },
  { name: 'pitch', label: 'One-line pitch', widget: 'string', required: false },
  { name: 'action', label: 'Form address', widget: 'string', pattern: absoluteUrlPattern, hint: 'The sign-up form URL your email provider gives you.' },
  { name: 'field', label: 'Email field name', widget: 'string', default: 'email', required: false, hint: 'The name your provider expects for the email field.' },
] satisfies Field<NewsletterInput>[];

export const settingsWidgets = [
  { name: 'name', label: 'Publication name', widget: 'string' },
  { name: 'tagline', label: 'Tagline', widget: 'string', required: false },
  { name: 'description', label: 'Description', widget: 'text', required: false },
  { name: 'navigation', label: 'Navigation', ...relation('topics'), required: false, hint: 'Topics in the order of the header navigation.' },
  { name: 'social', label: 'Social profiles', widget: 'object', required: false, collapsed: true, fields: socialFields },
  { name: 'about', label: 'About', widget: 'text', required: false },
  { name: 'ageNoticeYears', label: 'Age notice after (years)', widget: 'number', value_type: 'int', min: 0, default: 1, required: false, hint: 'Articles this old say so near the headline; 0 turns the notice off.' },
  { name: 'newsletter', label: 'Newsletter', widget: 'object', required: false, collapsed: true, fields: newsletterFields, hint: 'Leave empty for no sign-up form.' },
] satisfies Field<SettingsInput>[];

const seriesImageFields = [
  { name: 'src', label: 'Image', widget: 'image', required: false, choose_url: false },
  { name: 'alt', label: 'Alt text', widget: ALT_TEXT_WIDGET, required: false, hint: 'Required when an image is set.' },
] satisfies Field<SeriesImageInput>[];

export const seriesWidgets = [
  { name: 'name', label: 'Name', widget: 'string' },
  { name: 'description', label: 'Description', widget: 'text', required: false },
  { name: 'image', label: 'Image', widget: 'object', required: false, collapsed: true, fields: seriesImageFields },
] satisfies Field<SeriesInput>[];

/** A live story an update can be posted to: its slug, headline and status. */
export interface LiveStoryOption {
  slug: string;
  title: string;
  status: string;
}

/** The form of one live update; the story is picked from the site's live stories. */
export const updateWidgets = (stories: LiveStoryOption[]) =>
  [
    {
      name: 'story',
      label: 'Story',
      widget: 'select',
      options: stories.map((story) => ({ label: story.status === 'live' ? story.title : `${story.title} (ended)`, value: story.slug })),
      hint: 'Only live stories are listed. Make an article live in its “Live story” field.',
    },
    { name: 'time', label: 'Time', ...dateTime, default: '{{now}}' },
    { name: 'headline', label: 'Headline', widget: 'string', required: false },
    { name: 'pinned', label: 'Pinned', widget: 'boolean', default: false, required: false, hint: 'The newest pinned update leads the page.' },
    { name: 'keyEvent', label: 'Key event', widget: 'boolean', default: false, required: false, hint: 'Listed under “Key events” at the top.' },
  ] satisfies Field<UpdateInput>[];

const alertFields = [
  { name: 'text', label: 'Text', widget: 'string' },
  { name: 'link', label: 'Link', widget: 'string', required: false, hint: 'A page of this site (/articles/…/) or a full address.' },
  { name: 'level', label: 'Level', widget: 'select', options: [...ALERT_LEVELS], default: 'breaking' },
  { name: 'expires', label: 'Expires at', ...dateTime, required: false, hint: 'The banner disappears then, even if the site is not rebuilt.' },
] satisfies Field<AlertInput>[];

export const alertsWidgets = [
  { name: 'alerts', label: 'Alerts', label_singular: 'alert', widget: 'list', required: false, fields: alertFields, hint: 'Remove an alert to clear the banner.' },
] satisfies Field<AlertsInput>[];

/** Updates of live stories: `content/live/<story>/<update>.md`. */
export const LIVE_FOLDER = 'content/live';

/** Articles are filed by year, `content/articles/<year>/<slug>/index.md`, each year its own collection. */
export const ARTICLES_FOLDER = 'content/articles';

/** The collection of one year's articles, e.g. `articles-2026`. */
export const articlesCollection = (year: string) => `articles-${year}`;

/** The year whose articles a collection holds, if it is an articles collection. */
export function collectionYear(collectionName: string | undefined): string | undefined {
  return /^articles-(\d{4})$/.exec(collectionName ?? '')?.[1];
}

/** Where the article `slug` filed under `year` keeps its text. */
export const articleFile = (year: string, slug: string) => `${ARTICLES_FOLDER}/${year}/${slug}/index.md`;

/** The words an editor reads when an article's address is taken. */
export const addressTaken = (slug: string) =>
  `The address “${slug}” already belongs to another article. Change the headline, which the address is made from, and save again.`;

/**
 * Decap makes a taken slug unique by suffixing the entry's whole path, so a
 * second "Second story" would be written as `second-story/index-1.md`, inside
 * the first article's folder, where the site never builds it. Returns the
 * editor-facing reason to refuse saving an article file at `path`, if any.
 */
export function articlePathProblem(path: string): string | undefined {
  const inFolder = path.startsWith(`${ARTICLES_FOLDER}/`) ? path.slice(ARTICLES_FOLDER.length + 1).split('/') : [];
  if (inFolder.length === 3 && /^\d{4}$/.test(inFolder[0]!) && inFolder[2] === 'index.md') return undefined;
  return addressTaken(inFolder.length > 2 ? inFolder[1]! : path);
}

/** The slug of an article file path, `content/articles/<year>/<slug>/index.md`. */
export function articleSlug(path: string): string | undefined {
  return /^content\/articles\/\d{4}\/([^/]+)\/index\.md$/.exec(path)?.[1];
}

/** Media sits beside the entry file, so the frontmatter holds `./file.jpg` and Astro optimises it. */
const besideTheEntry = { media_folder: '', public_folder: '' };

/**
 * One year's articles. A year per collection keeps every list (and every
 * listing request to the git host) to one year's files, however large the
 * archive grows; Decap lists a whole folder before it shows any of it.
 */
function yearOfArticles(year: string): Collection {
  return {
    name: articlesCollection(year),
    label: `Articles ${year}`,
    label_singular: 'Article',
    folder: `${ARTICLES_FOLDER}/${year}`,
    path: '{{slug}}/index',
    extension: 'md',
    format: 'frontmatter',
    create: true,
    slug: '{{slug}}',
    identifier_field: 'title',
    summary: '{{title}}',
    sortable_fields: ['publishedAt', 'title'],
    ...besideTheEntry,
    fields: [...articleWidgets, { name: ARTICLE_BODY, label: 'Body', widget: 'markdown' }],
  };
}

/**
 * Updates of every live story in one list, newest first, filterable by story.
 * The file lands in the story's folder (`path`); its name is the moment it
 * was created (UTC), so two updates never collide.
 */
function liveUpdates(stories: LiveStoryOption[]): Collection {
  // Ended stories stay listed so their updates can still be corrected.
  return {
    name: 'updates',
    label: 'Live updates',
    label_singular: 'Live update',
    folder: LIVE_FOLDER,
    path: '{{story}}/{{slug}}',
    extension: 'md',
    format: 'frontmatter',
    create: true,
    slug: '{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}',
    identifier_field: 'time',
    summary: '{{headline}} · {{dirname}} · {{time}}',
    sortable_fields: [{ field: 'time', default_sort: 'desc' }],
    view_filters: stories.map((story) => ({ label: story.title, field: 'story', pattern: `^${story.slug}$` })),
    ...besideTheEntry,
    fields: [...updateWidgets(stories), { name: ARTICLE_BODY, label: 'Update', widget: 'markdown' }],
  };
}

/** A folder of `<id>.yml` entries named by their `name` field, with their images beside them. */
function yamlEntries(name: 'series' | 'authors' | 'topics', label: string, singular: string, fields: AnyField[]): Collection {
  return {
    name,
    label,
    label_singular: singular,
    folder: `content/${name}`,
    extension: 'yml',
    format: 'yml',
    create: true,
    slug: '{{slug}}',
    identifier_field: 'name',
    ...besideTheEntry,
    fields,
  };
}

const otherCollections = [
  {
    name: 'alerts',
    label: 'Alerts',
    delete: false,
    files: [{ name: 'banner', label: 'Alert banner', file: 'content/alerts.yml', fields: alertsWidgets }],
  },
  yamlEntries('series', 'Series', 'Series', seriesWidgets),
  yamlEntries('authors', 'Authors', 'Author', authorWidgets),
  yamlEntries('topics', 'Topics', 'Topic', topicWidgets),
  {
    name: 'settings',
    label: 'Settings',
    delete: false,
    files: [{ name: 'site', label: 'Site settings', file: 'content/settings.yml', fields: settingsWidgets }],
  },
] satisfies Collection[];

/**
 * Where the CMS commits in production. Editors sign in with GitHub through an
 * OAuth endpoint (`base_url`); docs/editors.md explains the alternatives.
 */
export const productionBackend: CmsBackend = {
  name: 'github',
  repo: 'broadsheet-news/broadsheet',
  branch: 'main',
  base_url: 'https://auth.broadsheet.example',
  commit_messages: {
    create: 'Create {{collection}} “{{slug}}”',
    update: 'Update {{collection}} “{{slug}}”',
    delete: 'Delete {{collection}} “{{slug}}”',
    uploadMedia: 'Upload “{{path}}”',
    deleteMedia: 'Delete “{{path}}”',
  },
};

export interface ConfigOptions {
  /** decap-server's API, used instead of the production backend when the admin runs on localhost. */
  localBackendUrl: string;
  /** The years articles are filed under, the current year first (the admin page lists them). */
  articleYears: string[];
  /** Articles with a `live` field, live ones first (the admin page lists them). */
  liveStories: LiveStoryOption[];
}

/**
 * The editorial workflow is asked for everywhere; Decap itself asks the local
 * server which publish modes it supports (its `info` action) and falls back to
 * simple publishing where the workflow is missing: decap-server in file mode
 * (`npm run dev`) saves straight to disk, in git mode (`scripts/cms-workflow.mjs`)
 * it keeps drafts on branches like the production backend.
 */
export function cmsConfig({ localBackendUrl, articleYears, liveStories }: ConfigOptions): CmsConfig {
  return {
    load_config_file: false,
    backend: productionBackend,
    local_backend: { url: localBackendUrl },
    publish_mode: 'editorial_workflow',
    // Files uploaded outside any entry (the Media page) are served as they are, unoptimised.
    media_folder: 'public/media',
    public_folder: '/media',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: true },
    // Decap refuses a select without options, so without live stories there is no updates collection.
    collections: [...articleYears.map(yearOfArticles), ...(liveStories.length > 0 ? [liveUpdates(liveStories)] : []), ...otherCollections] as CmsCollection[],
  };
}
