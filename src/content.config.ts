import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import yaml from 'js-yaml';
import path from 'node:path';
import { site } from './site.config.ts';
import { articleFields, authorFields, settingsFields, topicFields } from './content/schema.ts';

const folder = (name: string) => path.join(site.contentDir, name);

/**
 * `content/articles/<year>/<slug>/index.md(x)`: the folder name is the slug and
 * the URL (`/articles/<slug>/`); the year folder only files it, so that no
 * folder, and no CMS list, holds the whole archive.
 */
const articles = defineCollection({
  loader: glob({
    pattern: '*/*/index.{md,mdx}',
    base: folder('articles'),
    generateId: ({ entry }) => entry.split('/')[1] ?? entry,
    // Pages render from the stored HTML; keeping the Markdown source too would double the store.
    retainBody: false,
  }),
  schema: ({ image }) =>
    articleFields(image, { author: reference('authors'), topic: reference('topics') }),
});

const authors = defineCollection({
  loader: glob({ pattern: '*.yml', base: folder('authors') }),
  schema: ({ image }) => authorFields(image),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.yml', base: folder('topics') }),
  schema: topicFields,
});

/** The single settings file becomes one entry with the id `site`. */
const settings = defineCollection({
  loader: file(folder('settings.yml'), {
    parser: (text) => ({ site: yaml.load(text) as Record<string, unknown> }),
  }),
  schema: settingsFields,
});

export const collections = { articles, authors, topics, settings };
