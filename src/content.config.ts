import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import fs from 'node:fs';
import yaml from 'js-yaml';
import path from 'node:path';
import { site } from './site.config.ts';
import { keepBodiesApart } from './content/body-store.ts';
import { parseOnlyChanged } from './integrations/astro-internals.ts';
import { sourceOf, type OptionalCollection } from './content/optional-sources.ts';
import { alertsFields, articleFields, authorFields, redirectsFields, seriesFields, settingsFields, topicFields, updateFields } from './content/schema.ts';

const folder = (name: string) => path.join(site.contentDir, name);

/** For content a site may not have (`src/content/optional-sources.ts`): no folder or file, no entries. */
const ifPresent = (name: OptionalCollection, loader: Loader): Loader => ({
  name: loader.name,
  load: async (context) => {
    if (fs.existsSync(sourceOf(name))) return loader.load(context);
    context.store.clear();
  },
});

/**
 * `content/articles/<year>/<slug>/index.md(x)`: the folder name is the slug and
 * the URL (`/articles/<slug>/`); the year folder only files it, so that no
 * folder, and no CMS list, holds the whole archive.
 */
const articles = defineCollection({
  // Inside `keepBodiesApart`, which drops the entries whose body has gone before this sees the store.
  loader: keepBodiesApart(
    parseOnlyChanged(
      glob({
        pattern: '*/*/index.{md,mdx}',
        base: folder('articles'),
        // From the path alone, which `parseOnlyChanged` needs.
        generateId: ({ entry }) => entry.split('/')[1] ?? entry,
        // Pages render from the stored HTML; keeping the Markdown source too would double the store.
        retainBody: false,
      }),
    ),
  ),
  schema: ({ image }) =>
    articleFields(image, { author: reference('authors'), topic: reference('topics'), series: reference('series'), article: reference('articles') }),
});

const authors = defineCollection({
  loader: glob({ pattern: '*.yml', base: folder('authors') }),
  schema: ({ image }) => authorFields(image),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.yml', base: folder('topics') }),
  schema: topicFields,
});

const series = defineCollection({
  loader: ifPresent('series', glob({ pattern: '*.yml', base: folder('series') })),
  schema: ({ image }) => seriesFields(image),
});

/**
 * `content/live/<story>/<update>.md`: one file per update of a live story,
 * so posting one writes one small file. The id is `<story>/<update>`.
 */
const updates = defineCollection({
  loader: ifPresent(
    'updates',
    glob({ pattern: '*/*.md', base: folder('live'), generateId: ({ entry }) => entry.replace(/\.md$/, ''), retainBody: false }),
  ),
  schema: updateFields,
});

/** A file holding one YAML document becomes one entry with the id `site`. */
const single = (name: string) =>
  file(folder(name), {
    parser: (text) => ({ site: (yaml.load(text) ?? {}) as Record<string, unknown> }),
  });

const settings = defineCollection({ loader: single('settings.yml'), schema: settingsFields });

const alerts = defineCollection({ loader: ifPresent('alerts', single('alerts.yml')), schema: alertsFields });

/**
 * `content/redirects.yml`: old addresses and the pages that replaced them,
 * written by the WordPress importer. The build writes them out as
 * `_redirects` and redirect pages (`src/integrations/redirects.ts`).
 */
const redirects = defineCollection({ loader: ifPresent('redirects', single('redirects.yml')), schema: redirectsFields });

export const collections = { articles, authors, topics, settings, series, updates, alerts, redirects };
