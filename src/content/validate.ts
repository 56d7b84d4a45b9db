/**
 * Checks a whole content folder before Astro loads it, and reports every
 * problem at once, each naming the file and the field. It covers what Astro's
 * schema pass cannot: references between files, duplicate slugs, missing
 * image files, impossible dates and MDX syntax.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { mdxToJs } from 'satteri';
import { z } from 'astro/zod';
import { articleFields, authorFields, plainIds, settingsFields, topicFields } from './schema.ts';
import { isSlug } from '../lib/slug.ts';

export interface Problem {
  /** Path relative to the content folder's parent, e.g. `content/articles/x/index.md`. */
  file: string;
  /** Dotted field path, `frontmatter`, `body`, or `file`. */
  field: string;
  message: string;
}

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tiff', '.svg']);

/** In this pass an image is its relative path; the file itself is checked separately. */
const imagePath = () => z.string({ error: 'must be a path to an image file' }).trim().min(1, 'must not be empty');

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Parses YAML without turning timestamps into dates, so dates are checked as written. */
function parseYaml(text: string): unknown {
  return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}

function yamlMessage(error: unknown, lineOffset = 0): { field: string; message: string } {
  if (error instanceof yaml.YAMLException) {
    const line = error.mark ? error.mark.line + 1 + lineOffset : undefined;
    return { field: line ? `line ${line}` : 'file', message: `YAML syntax error: ${error.reason}` };
  }
  return { field: 'file', message: `could not be read: ${String(error)}` };
}

function fieldName(issuePath: readonly PropertyKey[]): string {
  return issuePath.length ? issuePath.map(String).join('.') : 'frontmatter';
}

function valueAt(data: unknown, at: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of at) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function readYamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort();
}

export interface ValidationResult {
  problems: Problem[];
  /** How many articles were checked, to report alongside the problems. */
  articleCount: number;
  /** Last change (`updatedAt`, else `publishedAt`) of every valid article, by slug: the sitemap's lastmod. */
  lastModified: Map<string, Date>;
}

export function validateContent(contentDir: string): ValidationResult {
  const problems: Problem[] = [];
  const root = path.dirname(contentDir);
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const report = (file: string, field: string, message: string) => problems.push({ file: rel(file), field, message });

  const checkImage = (owner: string, field: string, src: unknown) => {
    if (typeof src !== 'string' || !src) return;
    if (/^[a-z]+:/i.test(src) || src.startsWith('/')) {
      report(owner, field, `"${src}" must be a path relative to this file, e.g. ./hero.jpg`);
      return;
    }
    const target = path.resolve(path.dirname(owner), src);
    if (!IMAGE_EXTENSIONS.has(path.extname(target).toLowerCase())) {
      report(owner, field, `"${src}" is not an image (expected ${[...IMAGE_EXTENSIONS].join(', ')})`);
    } else if (!fs.existsSync(target)) {
      report(owner, field, `image file "${src}" does not exist`);
    }
  };

  const loadYaml = (file: string): unknown => {
    try {
      return parseYaml(fs.readFileSync(file, 'utf8')) ?? {};
    } catch (error) {
      const { field, message } = yamlMessage(error);
      report(file, field, message);
      return undefined;
    }
  };

  const validateWith = <T>(file: string, schema: z.ZodType<T>, data: unknown): T | undefined => {
    if (data === undefined) return undefined;
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = fieldName(issue.path);
      const generic = issue.message.startsWith('Invalid input');
      const message =
        generic && issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined
          ? 'is required'
          : issue.message.replace(/^Invalid input: /, '');
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (unknownKeys.length) {
        for (const key of unknownKeys) {
          report(file, fieldName([...issue.path, key]), 'is not a known field (check the spelling)');
        }
      } else {
        report(file, field, message);
      }
    }
    return undefined;
  };

  const collectIds = (folder: string, schema: z.ZodType, onEntry?: (file: string, data: unknown) => void) => {
    const ids = new Set<string>();
    const dir = path.join(contentDir, folder);
    for (const name of readYamlFiles(dir)) {
      const file = path.join(dir, name);
      const id = name.replace(/\.ya?ml$/, '');
      if (!isSlug(id)) report(file, 'file', `"${id}" is not a valid id: use lowercase letters, digits and hyphens`);
      const data = loadYaml(file);
      const parsed = validateWith(file, schema, data);
      if (parsed !== undefined) onEntry?.(file, data);
      ids.add(id);
    }
    return ids;
  };

  const topicIds = collectIds('topics', topicFields);
  const authorIds = collectIds('authors', authorFields(imagePath), (file, data) => {
    checkImage(file, 'avatar', (data as { avatar?: unknown }).avatar);
  });

  const settingsFile = path.join(contentDir, 'settings.yml');
  if (fs.existsSync(settingsFile)) {
    const settings = validateWith(settingsFile, settingsFields, loadYaml(settingsFile));
    settings?.navigation.forEach((id, index) => {
      if (!topicIds.has(id)) report(settingsFile, `navigation.${index}`, `unknown topic "${id}" (no content/topics/${id}.yml)`);
    });
  } else {
    report(settingsFile, 'file', 'the site settings file is missing');
  }

  const articlesDir = path.join(contentDir, 'articles');
  const articleSchema = articleFields(imagePath, plainIds);
  let articleCount = 0;
  const lastModified = new Map<string, Date>();
  const folders = fs.existsSync(articlesDir)
    ? fs.readdirSync(articlesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
    : [];
  const seenSlugs = new Map<string, string>();
  for (const folder of folders.map((entry) => entry.name).sort()) {
    const dir = path.join(articlesDir, folder);
    const sources = ['index.md', 'index.mdx'].filter((name) => fs.existsSync(path.join(dir, name)));
    if (sources.length === 0) {
      report(dir, 'file', 'article folder has no index.md or index.mdx');
      continue;
    }
    if (sources.length > 1) {
      report(path.join(dir, sources[1]!), 'slug', `duplicate slug "${folder}": ${folder}/index.md and ${folder}/index.mdx both exist`);
    }
    for (const stray of fs.readdirSync(dir).filter((name) => /\.mdx?$/i.test(name) && !sources.includes(name))) {
      report(path.join(dir, stray), 'file', `would never be published: each article needs its own folder, articles/<slug>/index.md`);
    }
    const file = path.join(dir, sources[0]!);
    if (!isSlug(folder)) {
      report(file, 'slug', `folder name "${folder}" is not a valid slug: use lowercase letters, digits and hyphens`);
    }
    const folded = folder.toLowerCase();
    const earlier = seenSlugs.get(folded);
    if (earlier) report(file, 'slug', `duplicate slug "${folded}": also used by articles/${earlier}`);
    seenSlugs.set(folded, folder);
    articleCount++;

    const text = fs.readFileSync(file, 'utf8');
    const match = FRONTMATTER.exec(text);
    if (!match) {
      report(file, 'frontmatter', 'must start with a frontmatter block between --- lines');
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(match[1] ?? '') ?? {};
    } catch (error) {
      const { field, message } = yamlMessage(error, 1);
      report(file, field, message);
      continue;
    }
    const article = validateWith(file, articleSchema, data);
    if (article) {
      article.authors.forEach((id, index) => {
        if (!authorIds.has(id)) report(file, `authors.${index}`, `unknown author "${id}" (no content/authors/${id}.yml)`);
      });
      article.topics.forEach((id, index) => {
        if (!topicIds.has(id)) report(file, `topics.${index}`, `unknown topic "${id}" (no content/topics/${id}.yml)`);
      });
      checkImage(file, 'image.src', article.image?.src);
      lastModified.set(folder, article.updatedAt ?? article.publishedAt);
    }
    if (file.endsWith('.mdx')) {
      const bodyStartLine = (match[0].match(/\n/g)?.length ?? 0) + 1;
      try {
        mdxToJs(text.slice(match[0].length));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const position = /^(\d+):(\d+)/.exec(message);
        const line = position ? Number(position[1]) + bodyStartLine - 1 : undefined;
        report(file, line ? `line ${line}` : 'body', `MDX syntax error: ${message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '').replace(/ \(\d+:\d+\)/g, '')}`);
      }
    }
  }
  return { problems, articleCount, lastModified };
}

/** One line per problem: `file › field: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.file} › ${p.field}: ${p.message}`).join('\n');
}
