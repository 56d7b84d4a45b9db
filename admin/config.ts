/**
 * The Decap CMS configuration. Every field name is typed against the content
 * schema (`src/content/schema.ts`), so a renamed or removed schema field breaks
 * type checking here, and `tests/unit/cms-config.test.ts` fails when a schema
 * field is missing from the CMS or the CMS writes a field the schema rejects.
 * Every word an editor reads comes from the dictionary's `cms` section through
 * `t`, in the publication's language.
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
import { DEFAULT_FORMAT, FORMAT_IDS, formatName } from '../src/lib/formats.ts';
import { LIVE_STATUSES } from '../src/lib/live.ts';
import { ALERT_LEVELS } from '../src/lib/alerts.ts';
import { AUTHOR_LINKS, SOCIAL_NETWORKS } from '../src/lib/social.ts';
import { DEFAULT_DATES } from '../src/lib/dates.ts';
import type { Translate } from '../src/i18n/translate.ts';

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

const absoluteUrlPattern = (t: Translate): [string, string] => [ABSOLUTE_URL_PATTERN, t('cms.validation.url')];
const emailPattern = (t: Translate): [string, string] => ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', t('cms.validation.email')];

/** Ids of authors, topics and series are their file names: `content/authors/<id>.yml`. */
const relation = (collection: 'authors' | 'topics' | 'series') => ({
  widget: 'relation' as const,
  collection,
  value_field: '{{slug}}',
  search_fields: ['name'],
  display_fields: ['name'],
  multiple: true,
});

const imageFields = (t: Translate) =>
  [
    { name: 'src', label: t('cms.image.src.label'), widget: 'image', required: false, choose_url: false },
    { name: 'alt', label: t('cms.image.alt.label'), widget: ALT_TEXT_WIDGET, required: false, hint: t('cms.image.alt.hint') },
    { name: 'caption', label: t('cms.image.caption.label'), widget: 'string', required: false },
    { name: 'credit', label: t('cms.image.credit.label'), widget: 'string', required: false, hint: t('cms.image.credit.hint') },
  ] satisfies Field<ImageInput>[];

const sourceFields = (t: Translate) =>
  [
    { name: 'name', label: t('cms.source.name.label'), widget: 'string', required: false },
    { name: 'url', label: t('cms.source.url.label'), widget: 'string', required: false, pattern: absoluteUrlPattern(t) },
  ] satisfies Field<SourceInput>[];

const liveFields = (t: Translate) =>
  [
    // Not required: Decap checks the fields of an empty optional object too, which would stop every other article saving.
    {
      name: 'status',
      label: t('cms.live.status.label'),
      widget: 'select',
      options: LIVE_STATUSES.map((value) => ({ label: t(`cms.live.statuses.${value}`), value })),
      required: false,
      hint: t('cms.live.status.hint'),
    },
    { name: 'endedAt', label: t('cms.live.endedAt.label'), ...dateTime, required: false, hint: t('cms.live.endedAt.hint') },
  ] satisfies Field<LiveInput>[];

const correctionFields = (t: Translate) =>
  [
    { name: 'date', label: t('cms.correction.date.label'), ...dateTime },
    { name: 'text', label: t('cms.correction.text.label'), widget: 'text' },
  ] satisfies Field<CorrectionInput>[];

/** The CMS form of an article: one Decap widget per field of the schema's `articleFields`. */
export const articleWidgets = (t: Translate) =>
  [
    { name: 'title', label: t('cms.article.title.label'), widget: 'string' },
    { name: 'description', label: t('cms.article.description.label'), widget: 'text', hint: t('cms.article.description.hint') },
    { name: 'publishedAt', label: t('cms.article.publishedAt.label'), ...dateTime, default: '{{now}}', hint: t('cms.article.publishedAt.hint') },
    { name: 'updatedAt', label: t('cms.article.updatedAt.label'), ...dateTime, required: false },
    { name: 'authors', label: t('cms.article.authors.label'), ...relation('authors'), min: 1, hint: t('cms.article.authors.hint') },
    { name: 'topics', label: t('cms.article.topics.label'), ...relation('topics'), min: 1, hint: t('cms.article.topics.hint') },
    { name: 'tags', label: t('cms.article.tags.label'), widget: 'list', required: false, allow_add: true },
    {
      name: 'format',
      label: t('cms.article.format.label'),
      widget: 'select',
      // Named as readers see them, in the publication's language.
      options: FORMAT_IDS.map((value) => ({ label: formatName(value, t), value })),
      default: DEFAULT_FORMAT,
      required: false,
      hint: t('cms.article.format.hint'),
    },
    { name: 'series', label: t('cms.article.series.label'), ...relation('series'), multiple: false, required: false },
    { name: 'seriesPart', label: t('cms.article.seriesPart.label'), widget: 'number', value_type: 'int', min: 1, required: false, hint: t('cms.article.seriesPart.hint') },
    { name: 'live', label: t('cms.article.live.label'), widget: 'object', required: false, collapsed: true, fields: liveFields(t), hint: t('cms.article.live.hint') },
    { name: 'image', label: t('cms.article.image.label'), widget: 'object', required: false, collapsed: false, fields: imageFields(t) },
    // Not required: articles written before the CMS may lack these keys (the schema defaults them to
    // false), and Decap treats an unset toggle as a missing required value and refuses to save.
    { name: 'draft', label: t('cms.article.draft.label'), widget: 'boolean', default: false, required: false, hint: t('cms.article.draft.hint') },
    { name: 'featured', label: t('cms.article.featured.label'), widget: 'boolean', default: false, required: false },
    { name: 'source', label: t('cms.article.source.label'), widget: 'object', required: false, collapsed: true, fields: sourceFields(t) },
    {
      name: 'corrections',
      label: t('cms.article.corrections.label'),
      label_singular: t('cms.article.corrections.singular'),
      widget: 'list',
      required: false,
      collapsed: true,
      fields: correctionFields(t),
    },
    { name: 'canonical', label: t('cms.article.canonical.label'), widget: 'string', required: false, pattern: absoluteUrlPattern(t), hint: t('cms.article.canonical.hint') },
    { name: 'language', label: t('cms.article.language.label'), widget: 'string', required: false, hint: t('cms.article.language.hint') },
    { name: 'translationOf', label: t('cms.article.translationOf.label'), widget: 'string', required: false, hint: t('cms.article.translationOf.hint') },
  ] satisfies Field<ArticleInput>[];

/** The Markdown body is not frontmatter, so it is not part of the schema's fields. */
export const ARTICLE_BODY = 'body';

/** Author links, named as the site names them (networks by their own names); email is checked as an address, the rest as web addresses. */
const linkFields = (t: Translate) =>
  (Object.keys(AUTHOR_LINKS) as (keyof LinksInput)[]).map((name) => ({
    name,
    label: name === 'website' || name === 'email' ? t(`author.links.${name}`) : AUTHOR_LINKS[name],
    widget: 'string',
    required: false,
    pattern: name === 'email' ? emailPattern(t) : absoluteUrlPattern(t),
  })) satisfies Field<LinksInput>[];

export const authorWidgets = (t: Translate) =>
  [
    { name: 'name', label: t('cms.author.name.label'), widget: 'string' },
    { name: 'role', label: t('cms.author.role.label'), widget: 'string', required: false },
    { name: 'bio', label: t('cms.author.bio.label'), widget: 'text', required: false },
    { name: 'avatar', label: t('cms.author.avatar.label'), widget: 'image', required: false, choose_url: false, hint: t('cms.author.avatar.hint') },
    { name: 'links', label: t('cms.author.links.label'), widget: 'object', required: false, collapsed: true, fields: linkFields(t) },
  ] satisfies Field<AuthorInput>[];

export const topicWidgets = (t: Translate) =>
  [
    { name: 'name', label: t('cms.topic.name.label'), widget: 'string' },
    { name: 'description', label: t('cms.topic.description.label'), widget: 'text', required: false },
    { name: 'order', label: t('cms.topic.order.label'), widget: 'number', value_type: 'int', default: 100, required: false, hint: t('cms.topic.order.hint') },
  ] satisfies Field<TopicInput>[];

/** The publication's profiles, each network by its own name. */
const socialFields = (t: Translate) =>
  (Object.keys(SOCIAL_NETWORKS) as (keyof SocialInput)[]).map((name) => ({
    name,
    label: SOCIAL_NETWORKS[name],
    widget: 'string',
    required: false,
    pattern: absoluteUrlPattern(t),
  })) satisfies Field<SocialInput>[];

const newsletterFields = (t: Translate) =>
  [
    { name: 'name', label: t('cms.newsletter.name.label'), widget: 'string' },
    { name: 'pitch', label: t('cms.newsletter.pitch.label'), widget: 'string', required: false },
    { name: 'action', label: t('cms.newsletter.action.label'), widget: 'string', pattern: absoluteUrlPattern(t), hint: t('cms.newsletter.action.hint') },
    { name: 'field', label: t('cms.newsletter.field.label'), widget: 'string', default: 'email', required: false, hint: t('cms.newsletter.field.hint') },
  ] satisfies Field<NewsletterInput>[];

export const settingsWidgets = (t: Translate) =>
  [
    { name: 'name', label: t('cms.settings.name.label'), widget: 'string' },
    { name: 'tagline', label: t('cms.settings.tagline.label'), widget: 'string', required: false },
    { name: 'description', label: t('cms.settings.description.label'), widget: 'text', required: false },
    { name: 'navigation', label: t('cms.settings.navigation.label'), ...relation('topics'), required: false, hint: t('cms.settings.navigation.hint') },
    { name: 'social', label: t('cms.settings.social.label'), widget: 'object', required: false, collapsed: true, fields: socialFields(t) },
    { name: 'about', label: t('cms.settings.about.label'), widget: 'text', required: false },
    { name: 'language', label: t('cms.settings.language.label'), widget: 'string', default: DEFAULT_DATES.locale, required: false, hint: t('cms.settings.language.hint') },
    { name: 'otherLanguages', label: t('cms.settings.otherLanguages.label'), widget: 'list', required: false, allow_add: true, hint: t('cms.settings.otherLanguages.hint') },
    { name: 'timeZone', label: t('cms.settings.timeZone.label'), widget: 'string', default: DEFAULT_DATES.timeZone, required: false, hint: t('cms.settings.timeZone.hint') },
    {
      name: 'ageNoticeYears',
      label: t('cms.settings.ageNoticeYears.label'),
      widget: 'number',
      value_type: 'int',
      min: 0,
      default: 1,
      required: false,
      hint: t('cms.settings.ageNoticeYears.hint'),
    },
    { name: 'newsletter', label: t('cms.settings.newsletter.label'), widget: 'object', required: false, collapsed: true, fields: newsletterFields(t), hint: t('cms.settings.newsletter.hint') },
  ] satisfies Field<SettingsInput>[];

const seriesImageFields = (t: Translate) =>
  [
    { name: 'src', label: t('cms.image.src.label'), widget: 'image', required: false, choose_url: false },
    { name: 'alt', label: t('cms.image.alt.label'), widget: ALT_TEXT_WIDGET, required: false, hint: t('cms.series.imageAlt.hint') },
  ] satisfies Field<SeriesImageInput>[];

export const seriesWidgets = (t: Translate) =>
  [
    { name: 'name', label: t('cms.series.name.label'), widget: 'string' },
    { name: 'description', label: t('cms.series.description.label'), widget: 'text', required: false },
    { name: 'image', label: t('cms.series.image.label'), widget: 'object', required: false, collapsed: true, fields: seriesImageFields(t) },
  ] satisfies Field<SeriesInput>[];

/** A live story an update can be posted to: its slug, headline and status. */
export interface LiveStoryOption {
  slug: string;
  title: string;
  status: string;
}

/** The form of one live update; the story is picked from the site's live stories. */
export const updateWidgets = (stories: LiveStoryOption[], t: Translate) =>
  [
    {
      name: 'story',
      label: t('cms.update.story.label'),
      widget: 'select',
      options: stories.map((story) => ({ label: story.status === 'live' ? story.title : t('cms.update.story.ended', { title: story.title }), value: story.slug })),
      hint: t('cms.update.story.hint'),
    },
    { name: 'time', label: t('cms.update.time.label'), ...dateTime, default: '{{now}}' },
    { name: 'headline', label: t('cms.update.headline.label'), widget: 'string', required: false },
    { name: 'pinned', label: t('cms.update.pinned.label'), widget: 'boolean', default: false, required: false, hint: t('cms.update.pinned.hint') },
    { name: 'keyEvent', label: t('cms.update.keyEvent.label'), widget: 'boolean', default: false, required: false, hint: t('cms.update.keyEvent.hint') },
  ] satisfies Field<UpdateInput>[];

const alertFields = (t: Translate) =>
  [
    { name: 'text', label: t('cms.alert.text.label'), widget: 'string' },
    { name: 'link', label: t('cms.alert.link.label'), widget: 'string', required: false, hint: t('cms.alert.link.hint') },
    { name: 'level', label: t('cms.alert.level.label'), widget: 'select', options: ALERT_LEVELS.map((value) => ({ label: t(`cms.alert.levels.${value}`), value })), default: 'breaking' },
    { name: 'expires', label: t('cms.alert.expires.label'), ...dateTime, required: false, hint: t('cms.alert.expires.hint') },
  ] satisfies Field<AlertInput>[];

export const alertsWidgets = (t: Translate) =>
  [
    {
      name: 'alerts',
      label: t('cms.alerts.label'),
      label_singular: t('cms.alerts.singular'),
      widget: 'list',
      required: false,
      fields: alertFields(t),
      hint: t('cms.alerts.hint'),
    },
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
export const addressTaken = (slug: string, t: Translate) => t('cms.validation.addressTaken', { slug });

/**
 * Decap makes a taken slug unique by suffixing the entry's whole path, so a
 * second "Second story" would be written as `second-story/index-1.md`, inside
 * the first article's folder, where the site never builds it. Returns the
 * editor-facing reason to refuse saving an article file at `path`, if any.
 */
export function articlePathProblem(path: string, t: Translate): string | undefined {
  const inFolder = path.startsWith(`${ARTICLES_FOLDER}/`) ? path.slice(ARTICLES_FOLDER.length + 1).split('/') : [];
  if (inFolder.length === 3 && /^\d{4}$/.test(inFolder[0]!) && inFolder[2] === 'index.md') return undefined;
  return addressTaken(inFolder.length > 2 ? inFolder[1]! : path, t);
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
function yearOfArticles(year: string, t: Translate): Collection {
  return {
    name: articlesCollection(year),
    label: t('cms.collections.articles.label', { year }),
    label_singular: t('cms.collections.articles.singular'),
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
    fields: [...articleWidgets(t), { name: ARTICLE_BODY, label: t('cms.article.body.label'), widget: 'markdown' }],
  };
}

/**
 * Updates of every live story in one list, newest first, filterable by story.
 * The file lands in the story's folder (`path`); its name is the moment it
 * was created (UTC), so two updates never collide.
 */
function liveUpdates(stories: LiveStoryOption[], t: Translate): Collection {
  // Ended stories stay listed so their updates can still be corrected.
  return {
    name: 'updates',
    label: t('cms.collections.updates.label'),
    label_singular: t('cms.collections.updates.singular'),
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
    fields: [...updateWidgets(stories, t), { name: ARTICLE_BODY, label: t('cms.update.body.label'), widget: 'markdown' }],
  };
}

/** A folder of `<id>.yml` entries named by their `name` field, with their images beside them. */
function yamlEntries(name: 'series' | 'authors' | 'topics', t: Translate, fields: AnyField[]): Collection {
  return {
    name,
    label: t(`cms.collections.${name}.label`),
    label_singular: t(`cms.collections.${name}.singular`),
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

const otherCollections = (t: Translate) =>
  [
    {
      name: 'alerts',
      label: t('cms.collections.alerts.label'),
      delete: false,
      files: [{ name: 'banner', label: t('cms.collections.alerts.file'), file: 'content/alerts.yml', fields: alertsWidgets(t) }],
    },
    yamlEntries('series', t, seriesWidgets(t)),
    yamlEntries('authors', t, authorWidgets(t)),
    yamlEntries('topics', t, topicWidgets(t)),
    {
      name: 'settings',
      label: t('cms.collections.settings.label'),
      delete: false,
      files: [{ name: 'site', label: t('cms.collections.settings.file'), file: 'content/settings.yml', fields: settingsWidgets(t) }],
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
  /** Decap's code for its own interface's language (`decapLocale`). */
  locale: string;
  /** The CMS's words in the publication's language. */
  t: Translate;
}

/**
 * The editorial workflow is asked for everywhere; Decap itself asks the local
 * server which publish modes it supports (its `info` action) and falls back to
 * simple publishing where the workflow is missing: decap-server in file mode
 * (`npm run dev`) saves straight to disk, in git mode (`scripts/cms-workflow.mjs`)
 * it keeps drafts on branches like the production backend.
 */
export function cmsConfig({ localBackendUrl, articleYears, liveStories, locale, t }: ConfigOptions): CmsConfig {
  return {
    load_config_file: false,
    locale,
    backend: productionBackend,
    local_backend: { url: localBackendUrl },
    publish_mode: 'editorial_workflow',
    // Files uploaded outside any entry (the Media page) are served as they are, unoptimised.
    media_folder: 'public/media',
    public_folder: '/media',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: true },
    // Decap refuses a select without options, so without live stories there is no updates collection.
    collections: [
      ...articleYears.map((year) => yearOfArticles(year, t)),
      ...(liveStories.length > 0 ? [liveUpdates(liveStories, t)] : []),
      ...otherCollections(t),
    ] as CmsCollection[],
  };
}
