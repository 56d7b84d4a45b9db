/**
 * Checks a whole content folder before Astro loads it, and reports every
 * problem at once, each naming the file and the field. It covers what Astro's
 * schema pass cannot: references between files, duplicate slugs, missing
 * image files, impossible dates, MDX syntax and redirects that lead nowhere.
 * The checks themselves live in `checks/`; this file walks the folder and
 * puts their findings in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { alertsFields, articleFields, authorFields, plainIds, redirectsFields, seriesFields, settingsFields, topicFields, updateFields, type Redirects } from './schema.ts';
import { checkFields } from './checks/fields.ts';
import type { FileFinding, Finding } from './checks/finding.ts';
import { checkImage } from './checks/images.ts';
import { checkMdx } from './checks/mdx.ts';
import { checkReference, checkReferences } from './checks/references.ts';
import { checkRedirects } from './checks/redirects.ts';
import { checkLanguage, checkOtherLanguages } from './checks/language.ts';
import { checkTranslations } from './checks/translations.ts';
import { DEFAULT_DATES } from '../lib/dates.ts';
import { tagSlug } from '../lib/paths.ts';
import { checkLooseUpdates, checkSeriesPart, checkUpdate, type LiveStory } from './checks/updates.ts';
import { checkArticleFolder, checkEntryId, checkLooseArticles, checkYearFolder, findDuplicateSlugs } from './checks/slugs.ts';
import { YEAR_FOLDER } from './article-files.ts';
import { parseFrontmatter, readYamlFile } from './checks/yaml.ts';

export interface Problem {
  /** Path relative to the content folder's parent, e.g. `content/articles/2026/x/index.md`. */
  file: string;
  /** Dotted field path, `frontmatter`, `body`, or `file`. */
  field: string;
  message: string;
}

/** An article that passed its field checks, as the check read it. */
export interface CheckedArticle {
  file: string;
  slug: string;
  data: ArticleValue;
  /** The hero's absolute path, when the article has one: what its OG card draws, and what a hidden article holds back. */
  heroFile: string | undefined;
}


/** Where the build's own steps (the sitemap, the search index) file an article. */
export interface ArticleFiling {
  published: Date;
  lastModified: Date;
  /** The language it is written in: its `language`, or the publication's first. */
  language: string;
  /** The slug of the article it translates (`translationOf`). */
  translationOf: string | undefined;
}

export interface ValidationResult {
  problems: Problem[];
  /** How many articles were checked, to report alongside the problems. */
  articleCount: number;
  /** Publication, last change (`updatedAt`, else `publishedAt`) and language of every valid article, by slug: the sitemap's file, lastmod and alternates, the search index's shard. */
  articleFilings: Map<string, ArticleFiling>;
  /** Every article whose fields passed, with the names its byline and topic show and the site's name: what its OG card shows. */
  articles: CheckedArticle[];
  authorNames: Map<string, string>;
  topicNames: Map<string, string>;
  siteName: string | undefined;
  /** `redirects.yml` as checked, when there is one and its fields passed: what the build writes as `_redirects` and redirect pages. */
  redirects: Redirects | undefined;
}

/** In this pass an image is its relative path; the file itself is checked separately. */
const imagePath = () => z.string({ error: 'must be a path to an image file' }).trim().min(1, 'must not be empty');

const articleSchema = articleFields(imagePath, plainIds);
type ArticleValue = z.output<typeof articleSchema>;

function listYamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => path.join(dir, name));
}

function listFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => path.join(dir, name));
}

/** Runs every check over `contentDir` and returns all problems, in folder order, file by file. */
export function validateContent(contentDir: string): ValidationResult {
  const problems: Problem[] = [];
  const root = path.dirname(contentDir);
  const report = (findings: readonly FileFinding[]) => {
    for (const { file, field, message } of findings) problems.push({ file: path.relative(root, file).split(path.sep).join('/'), field, message });
  };
  const add = (file: string, findings: readonly Finding[]) => report(findings.map((finding) => ({ file, ...finding })));

  /** Reads a YAML file and checks its fields; `value` is undefined when either failed. */
  const loadYaml = <T>(file: string, schema: z.ZodType<T>): { data: unknown; value: T | undefined } => {
    const parsed = readYamlFile(file);
    if (!parsed.ok) {
      add(file, [parsed.problem]);
      return { data: undefined, value: undefined };
    }
    const { value, problems: fieldProblems } = checkFields(schema, parsed.data);
    add(file, fieldProblems);
    return { data: parsed.data, value };
  };

  /** Reads a Markdown file's frontmatter and checks its fields; `value` is undefined when either failed. */
  const loadFrontmatter = <T>(file: string, schema: z.ZodType<T>) => {
    const frontmatter = parseFrontmatter(fs.readFileSync(file, 'utf8'));
    if (!frontmatter.ok) {
      add(file, [frontmatter.problem]);
      return { value: undefined, frontmatter: undefined };
    }
    const { value, problems: fieldProblems } = checkFields(schema, frontmatter.data);
    add(file, fieldProblems);
    return { value, frontmatter };
  };

  /** Checks every `<id>.yml` in a folder. Invalid entries still count as known ids, so a broken file is reported once, not again by every reference to it. */
  const loadEntries = (folder: string, schema: z.ZodType, onValid?: (file: string, data: unknown, id: string, value: unknown) => void): Set<string> => {
    const ids = new Set<string>();
    for (const file of listYamlFiles(path.join(contentDir, folder))) {
      const id = path.basename(file).replace(/\.ya?ml$/, '');
      add(file, checkEntryId(id));
      const { data, value } = loadYaml(file, schema);
      if (value !== undefined) onValid?.(file, data, id, value);
      ids.add(id);
    }
    return ids;
  };

  const topicNames = new Map<string, string>();
  const authorNames = new Map<string, string>();
  const topicIds = loadEntries('topics', topicFields, (_file, _data, id, value) => topicNames.set(id, (value as { name: string }).name));
  const authorIds = loadEntries('authors', authorFields(imagePath), (file, data, id, value) => {
    add(file, checkImage(file, 'avatar', (data as { avatar?: unknown }).avatar));
    authorNames.set(id, (value as { name: string }).name);
  });

  const seriesIds = loadEntries('series', seriesFields(imagePath), (file, data) => {
    add(file, checkImage(file, 'image.src', (data as { image?: { src?: unknown } }).image?.src));
  });

  const alertsFile = path.join(contentDir, 'alerts.yml');
  if (fs.existsSync(alertsFile)) loadYaml(alertsFile, alertsFields);

  const settingsFile = path.join(contentDir, 'settings.yml');
  let siteName: string | undefined;
  let languages: string[] | undefined;
  if (fs.existsSync(settingsFile)) {
    const settings = loadYaml(settingsFile, settingsFields).value;
    siteName = settings?.name;
    if (settings) {
      add(settingsFile, checkReferences('navigation', settings.navigation, 'topic', topicIds));
      add(settingsFile, checkLanguage(settings.language));
      add(settingsFile, checkOtherLanguages(settings.language, settings.otherLanguages));
      languages = [settings.language, ...settings.otherLanguages];
    }
  } else {
    add(settingsFile, [{ field: 'file', message: 'the site settings file is missing' }]);
  }

  const articlesDir = path.join(contentDir, 'articles');
  report(checkLooseArticles(articlesDir, '<year>'));
  const years = listFolders(articlesDir);
  for (const dir of years) add(dir, checkYearFolder(path.basename(dir)));
  const folders = years
    .filter((dir) => YEAR_FOLDER.test(path.basename(dir)))
    .flatMap((yearDir) => {
      report(checkLooseArticles(yearDir, path.basename(yearDir)));
      return listFolders(yearDir).map((dir) => ({ dir, slug: path.basename(dir), filed: `${path.basename(yearDir)}/${path.basename(dir)}`, ...checkArticleFolder(dir) }));
    });
  const articles = folders.filter((folder) => folder.source !== undefined);
  const duplicates = findDuplicateSlugs(articles.map((article) => article.filed));
  const articleFilings = new Map<string, ArticleFiling>();
  const checked: CheckedArticle[] = [];
  const stories = new Map<string, LiveStory>();
  const seriesParts = new Map<string, string>();
  for (const { dir, slug, filed, source, problems: folderProblems } of folders) {
    report(folderProblems);
    if (source === undefined) continue;
    const file = path.join(dir, source);
    const duplicate = duplicates.get(filed);
    if (duplicate) add(file, [duplicate]);

    const { value: article, frontmatter } = loadFrontmatter(file, articleSchema);
    if (!frontmatter) continue;
    if (article) {
      add(file, checkReferences('authors', article.authors, 'author', authorIds));
      add(file, checkReferences('topics', article.topics, 'topic', topicIds));
      add(file, checkImage(file, 'image.src', article.image?.src));
      if (article.series) {
        add(file, checkReference('series', article.series, 'series', seriesIds));
        add(file, checkSeriesPart(seriesParts, article.series, article.seriesPart, slug));
      }
      stories.set(slug, { publishedAt: article.publishedAt, live: article.live !== undefined });
      articleFilings.set(slug, {
        published: article.publishedAt,
        lastModified: article.updatedAt ?? article.publishedAt,
        language: article.language ?? languages?.[0] ?? DEFAULT_DATES.locale,
        translationOf: article.translationOf,
      });
      checked.push({ file, slug, data: article, heroFile: article.image ? path.resolve(dir, article.image.src) : undefined });
    }
    if (source === 'index.mdx') add(file, checkMdx(frontmatter.body, frontmatter.bodyStartLine));
  }

  const folderSlugs = new Set(folders.map((folder) => folder.slug));
  if (languages) {
    const fields = checked.map(({ slug, data }) => ({ slug, language: data.language, translationOf: data.translationOf }));
    const translationFindings = checkTranslations(fields, languages, folderSlugs);
    for (const article of checked) add(article.file, translationFindings.get(article.slug) ?? []);
  }
  const liveDir = path.join(contentDir, 'live');
  report(checkLooseUpdates(liveDir));
  for (const storyDir of listFolders(liveDir)) {
    const story = path.basename(storyDir);
    for (const name of fs.readdirSync(storyDir).filter((file) => file.endsWith('.md')).sort()) {
      const file = path.join(storyDir, name);
      add(file, checkEntryId(name.replace(/\.md$/, '')));
      const { value: update } = loadFrontmatter(file, updateFields);
      // A story that itself failed its checks is reported there, not again by each of its updates.
      if (update && (stories.has(story) || !folderSlugs.has(story))) add(file, checkUpdate(story, update, stories));
    }
  }
  const redirectsFile = path.join(contentDir, 'redirects.yml');
  let redirects: Redirects | undefined;
  if (fs.existsSync(redirectsFile)) {
    redirects = loadYaml(redirectsFile, redirectsFields).value;
    if (redirects) {
      const ids = {
        articles: folderSlugs,
        topics: topicIds,
        authors: authorIds,
        tags: new Set(checked.flatMap((article) => article.data.tags.map(tagSlug))),
        series: seriesIds,
      };
      add(redirectsFile, checkRedirects(redirects, ids));
    }
  }
  return { problems, articleCount: articles.length, articleFilings, articles: checked, authorNames, topicNames, siteName, redirects };
}

/** What a check found, to report: how many problems, then one line each; undefined when there is none. */
export function problemSummary(problems: readonly Problem[]): string | undefined {
  if (problems.length === 0) return undefined;
  return `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`;
}

/** One line per problem: `file › field: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.file} › ${p.field}: ${p.message}`).join('\n');
}
