import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { alertsFields, articleFields, authorFields, plainIds, seriesFields, settingsFields, topicFields, updateFields } from '../../src/content/schema.ts';
import * as cms from '../../admin/config.ts';
import { blankPaths, dateTexts, relativeImagePath } from '../../admin/cleanup.ts';
import { cmsWordKeys } from '../../admin/words.ts';
import { keysIn, pick, translator, type Dictionary, type Translate } from '../../src/i18n/translate.ts';
import { SOCIAL_NETWORKS } from '../../src/lib/social.ts';

const english = JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary;
/** The CMS's words as the admin page hands them over: a word the CMS uses but the page leaves out fails here. */
const t = translator(
  pick(english, cmsWordKeys((section) => keysIn(english, section))),
  'en-GB',
);

/** Field names, nested for objects and lists of objects; `null` for a leaf. */
type Tree = Map<string, Tree | null>;

interface CmsFieldLike {
  name: string;
  required?: boolean;
  fields?: readonly CmsFieldLike[];
}

/** What Decap shows of a collection, file or field, with the same of what it holds. */
interface Shown {
  label?: string;
  label_singular?: string;
  hint?: string;
  description?: string;
  pattern?: [string, string];
  options?: unknown[];
  fields?: Shown[];
  files?: Shown[];
}

/** Every word an editor reads in a part of the config: labels, hints, option labels and validation messages. */
function wordsShown(item: Shown): string[] {
  const options = (item.options ?? []).map((option) => (typeof option === 'object' && option !== null ? (option as { label: string }).label : String(option)));
  return [item.label, item.label_singular, item.hint, item.description, item.pattern?.[1], ...options, ...(item.fields ?? []).flatMap(wordsShown), ...(item.files ?? []).flatMap(wordsShown)].filter(
    (word): word is string => word !== undefined,
  );
}

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodPipe) inner = inner.in as z.ZodType;
    else return inner;
  }
}

function schemaTree(schema: z.ZodType): Tree | null {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray) return schemaTree(inner.element as z.ZodType);
  if (!(inner instanceof z.ZodObject)) return null;
  return new Map(Object.entries(inner.shape as Record<string, z.ZodType>).map(([name, field]) => [name, schemaTree(field)]));
}

function cmsTree(fields: readonly CmsFieldLike[]): Tree {
  return new Map(fields.map((field) => [field.name, field.fields ? cmsTree(field.fields) : null]));
}

/** Paths in `a` that `b` lacks, and paths where one side nests fields and the other does not. */
function missing(a: Tree, b: Tree, prefix = ''): string[] {
  return [...a].flatMap(([name, sub]) => {
    const path = prefix + name;
    if (!b.has(name)) return [path];
    const other = b.get(name) ?? null;
    if (sub && other) return missing(sub, other, `${path}.`);
    return (sub === null) === (other === null) ? [] : [`${path} (object in one, plain value in the other)`];
  });
}

/** Schema fields that must be filled in: neither optional nor defaulted. */
function requiredInSchema(schema: z.ZodType, prefix = ''): string[] {
  const inner = unwrap(schema);
  const object = inner instanceof z.ZodArray ? unwrap(inner.element as z.ZodType) : inner;
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([name, field]) => {
    const optional = field instanceof z.ZodOptional || field instanceof z.ZodDefault;
    return [...(optional ? [] : [prefix + name]), ...(optional ? [] : requiredInSchema(field, `${prefix}${name}.`))];
  });
}

function optionalInCms(fields: readonly CmsFieldLike[], prefix = ''): string[] {
  return fields.flatMap((field) => [
    ...(field.required === false ? [prefix + field.name] : []),
    ...(field.fields && field.required !== false ? optionalInCms(field.fields, `${prefix}${field.name}.`) : []),
  ]);
}

const image = () => z.string();
/**
 * Every schema the CMS edits. `redirectsFields` is left out on purpose:
 * `content/redirects.yml` is machine-written (by `npm run import:wordpress`),
 * often thousands of entries long, and has no CMS collection to compare.
 */
const pairs = [
  { name: 'articles', schema: articleFields(image, plainIds), fields: cms.articleWidgets(t) },
  { name: 'authors', schema: authorFields(image), fields: cms.authorWidgets(t) },
  { name: 'topics', schema: topicFields, fields: cms.topicWidgets(t) },
  { name: 'settings', schema: settingsFields, fields: cms.settingsWidgets(t) },
  { name: 'series', schema: seriesFields(image), fields: cms.seriesWidgets(t) },
  { name: 'live updates', schema: updateFields, fields: cms.updateWidgets([{ slug: 'storm', title: 'Storm', status: 'live' }], t) },
  { name: 'alerts', schema: alertsFields, fields: cms.alertsWidgets(t) },
] as const;

const stories = [
  { slug: 'storm', title: 'Storm live', status: 'live' },
  { slug: 'vote', title: 'Vote night', status: 'ended' },
];

const configWith = (options: Partial<cms.ConfigOptions>) =>
  cms.cmsConfig({ localBackendUrl: 'http://127.0.0.1:8081/api/v1', articleYears: ['2026'], liveStories: [], locale: 'en', t, ...options });

describe('CMS config against the content schema', () => {
  for (const { name, schema, fields } of pairs) {
    describe(name, () => {
      const fromSchema = schemaTree(schema)!;
      const fromCms = cmsTree(fields);

      it('edits every schema field, nested ones too', () => {
        expect(missing(fromSchema, fromCms)).toEqual([]);
      });

      it('writes no field the schema does not know', () => {
        expect(missing(fromCms, fromSchema)).toEqual([]);
      });

      it('requires what the schema requires', () => {
        const optional = new Set(optionalInCms(fields));
        expect(requiredInSchema(schema).filter((path) => optional.has(path))).toEqual([]);
      });
    });
  }

  it('stores each collection where the site loads it from, one collection of articles per year, newest first', () => {
    const config = configWith({ articleYears: ['2026', '2025'], liveStories: stories });
    const collections = config.collections as { name: string; label?: string; folder?: string; fields?: { name: string }[]; files?: { file: string }[] }[];
    expect(collections.map((collection) => collection.name)).toEqual(['articles-2026', 'articles-2025', 'updates', 'alerts', 'series', 'authors', 'topics', 'settings']);
    const byName = new Map(collections.map((collection) => [collection.name, collection]));
    expect(byName.get('articles-2025')).toMatchObject({ label: 'Articles 2025', folder: 'content/articles/2025', path: '{{slug}}/index', extension: 'md', media_folder: '', public_folder: '' });
    expect(byName.get('authors')).toMatchObject({ folder: 'content/authors', extension: 'yml', media_folder: '', public_folder: '' });
    expect(byName.get('topics')).toMatchObject({ folder: 'content/topics', extension: 'yml' });
    expect(byName.get('settings')?.files?.[0]?.file).toBe('content/settings.yml');
    expect(byName.get('alerts')?.files?.[0]?.file).toBe('content/alerts.yml');
    expect(byName.get('series')).toMatchObject({ folder: 'content/series', extension: 'yml', media_folder: '' });
    // Decap lowercases the path template and turns dots into dashes, so the story is `{{story}}`, not `{{fields.story}}`.
    expect(byName.get('updates')).toMatchObject({ folder: 'content/live', path: '{{story}}/{{slug}}', extension: 'md', media_folder: '', public_folder: '' });
    const articleFieldNames = byName.get('articles-2026')?.fields?.map((field) => field.name);
    expect(articleFieldNames?.at(-1)).toBe(cms.ARTICLE_BODY);
  });

  it('asks for the editorial workflow (Decap drops it where decap-server lacks it), a production backend and ASCII slugs', () => {
    const config = configWith({});
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.load_config_file).toBe(false);
    expect(config.backend.name).toBe('github');
    expect(config.local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
    expect(config.locale).toBe('en');
    expect(configWith({ locale: 'de' }).locale).toBe('de');
  });

  it('takes every word an editor reads from the dictionary, but the names of social networks and of stories', () => {
    const keysOnly = ((key: string) => `‹${key}›`) as unknown as Translate;
    const config = configWith({ articleYears: ['2026'], liveStories: stories, t: keysOnly });
    const ownNames = new Set<string>([...Object.values(SOCIAL_NETWORKS), ...stories.map((story) => story.title)]);
    const words = (config.collections as Shown[]).flatMap(wordsShown);
    expect(words.length).toBeGreaterThan(100);
    expect(words.filter((word) => !/^‹[\w.]+›$/.test(word) && !ownNames.has(word))).toEqual([]);
  });

  it('keeps the English an editor knows, formats and links named as readers see them', () => {
    const [title] = cms.articleWidgets(t);
    expect(title).toMatchObject({ label: 'Headline' });
    const byName = (fields: readonly { name: string }[], name: string) => fields.find((field) => field.name === name) as Shown | undefined;
    expect(byName(cms.articleWidgets(t), 'format')?.options?.slice(0, 2)).toEqual([
      { label: 'News', value: 'news' },
      { label: 'Analysis', value: 'analysis' },
    ]);
    const live = byName(cms.articleWidgets(t), 'live')?.fields ?? [];
    expect(live[0]?.options).toEqual([
      { label: 'live', value: 'live' },
      { label: 'ended', value: 'ended' },
    ]);
    expect(byName(cms.authorWidgets(t), 'links')?.fields?.map((field) => field.label)).toEqual(['Website', 'X', 'LinkedIn', 'Mastodon', 'Email']);
    expect(cms.alertsWidgets(t)[0]).toMatchObject({ label: 'Alerts', label_singular: 'alert' });
    expect(byName(cms.alertsWidgets(t)[0]?.fields ?? [], 'level')?.options).toEqual([
      { label: 'breaking', value: 'breaking' },
      { label: 'notice', value: 'notice' },
    ]);
    expect(byName(cms.articleWidgets(t), 'canonical')?.pattern?.[1]).toBe('Must be a full web address starting with https://');
  });

  it('offers every live story for an update, ended ones marked, and no updates collection without any', () => {
    const story = cms.updateWidgets(stories, t).find((field) => field.name === 'story');
    expect(story?.['options']).toEqual([
      { label: 'Storm live', value: 'storm' },
      { label: 'Vote night (ended)', value: 'vote' },
    ]);
    const without = configWith({});
    expect(without.collections.map((collection) => collection.name)).not.toContain('updates');
  });

  it('saves date-times that the schema accepts, with an offset', () => {
    const dateFields = cms.articleWidgets(t).filter((field) => field.widget === 'datetime');
    expect(dateFields.map((field) => field.name)).toEqual(['publishedAt', 'updatedAt']);
    for (const field of dateFields) expect(field).toMatchObject({ format: 'YYYY-MM-DDTHH:mm:ssZ', picker_utc: false });
  });
});

describe('article file paths', () => {
  it('accepts an article as the index of its own folder in a year', () => {
    expect(cms.articlePathProblem('content/articles/2026/second-story/index.md', t)).toBeUndefined();
    expect(cms.articleSlug('content/articles/2026/second-story/index.md')).toBe('second-story');
    expect(cms.articleFile('2025', 'second-story')).toBe('content/articles/2025/second-story/index.md');
  });

  it('refuses the suffixed file Decap writes when the slug is taken, naming the taken address', () => {
    expect(cms.articlePathProblem('content/articles/2026/second-story/index-1.md', t)).toMatch(/^The address “second-story” already belongs to another article\. Change the headline/);
    expect(cms.articlePathProblem('content/articles/2026/second-story/more/index.md', t)).toMatch(/“second-story”/);
    expect(cms.articlePathProblem('content/articles/second-story/index.md', t)).toBeDefined();
    expect(cms.articlePathProblem('content/articles/index.md', t)).toBeDefined();
  });

  it('knows an articles collection by its year', () => {
    expect(cms.collectionYear(cms.articlesCollection('2026'))).toBe('2026');
    expect(cms.collectionYear('authors')).toBeUndefined();
    expect(cms.collectionYear(undefined)).toBeUndefined();
  });
});

describe('cleanup before saving', () => {
  it('drops blank values and blank objects, deepest and last first', () => {
    const data = {
      title: 'T',
      canonical: '',
      source: { name: '', url: '' },
      image: { src: './a.jpg', alt: 'A', caption: '' },
      tags: ['a', '', 'b', ' '],
      corrections: [{ date: '', text: '' }],
      draft: false,
    };
    expect(blankPaths(data)).toEqual([
      ['corrections', 0],
      ['tags', 3],
      ['tags', 1],
      ['image', 'caption'],
      ['source'],
      ['canonical'],
    ]);
  });

  it('keeps dates, which Decap reads as Date objects, and writes them back as they were', () => {
    const data = {
      publishedAt: new Date('2026-01-10T09:00:00Z'),
      updatedAt: '2026-01-11T10:00:00+01:00',
      corrections: [{ date: new Date('2026-01-12T08:30:00.250Z'), text: 'Fixed.' }],
    };
    expect(blankPaths(data)).toEqual([]);
    expect(dateTexts(data)).toEqual([
      [['publishedAt'], '2026-01-10T09:00:00Z'],
      [['corrections', 0, 'date'], '2026-01-12T08:30:00.250Z'],
    ]);
  });

  it('makes media paths relative to the entry', () => {
    expect(relativeImagePath('hero.jpg')).toBe('./hero.jpg');
    expect(relativeImagePath('./hero.jpg')).toBe('./hero.jpg');
    expect(relativeImagePath('../shared/hero.jpg')).toBe('../shared/hero.jpg');
    expect(relativeImagePath('/media/logo.png')).toBe('/media/logo.png');
    expect(relativeImagePath('https://example.org/a.jpg')).toBe('https://example.org/a.jpg');
  });
});
