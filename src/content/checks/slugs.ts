import fs from 'node:fs';
import path from 'node:path';
import { isSlug } from '../../lib/slug.ts';
import { YEAR_FOLDER } from '../article-files.ts';
import type { FileFinding, Finding } from './finding.ts';

const SOURCES = ['index.md', 'index.mdx'];

/** Checks that an author or topic id (its file name without `.yml`) is a valid slug. */
export function checkEntryId(id: string): Finding[] {
  return isSlug(id) ? [] : [{ field: 'file', message: `"${id}" is not a valid id: use lowercase letters, digits and hyphens` }];
}

/**
 * Checks an article folder: it has index.md or index.mdx but not both, no other Markdown files, and a valid
 * slug as its name. Returns the source file to read, if any.
 */
export function checkArticleFolder(dir: string): { source: string | undefined; problems: FileFinding[] } {
  const folder = path.basename(dir);
  // One listing per folder: at 10,000 articles, each extra look at the disk costs about half a second.
  const names = fs.readdirSync(dir);
  const sources = SOURCES.filter((name) => names.includes(name));
  const [source, second] = sources;
  if (source === undefined) return { source, problems: [{ file: dir, field: 'file', message: 'article folder has no index.md or index.mdx' }] };
  const problems: FileFinding[] = [];
  if (second !== undefined) {
    problems.push({
      file: path.join(dir, second),
      field: 'slug',
      message: `duplicate slug "${folder}": ${folder}/index.md and ${folder}/index.mdx both exist`,
    });
  }
  for (const stray of names.filter((name) => /\.mdx?$/i.test(name) && !sources.includes(name))) {
    problems.push({
      file: path.join(dir, stray),
      field: 'file',
      message: 'would never be published: each article needs its own folder, articles/<year>/<slug>/index.md',
    });
  }
  if (!isSlug(folder)) {
    problems.push({
      file: path.join(dir, source),
      field: 'slug',
      message: `folder name "${folder}" is not a valid slug: use lowercase letters, digits and hyphens`,
    });
  }
  return { source, problems };
}


/** Checks that a folder directly under `articles/` is a year, which is how articles are filed. */
export function checkYearFolder(name: string): Finding[] {
  return YEAR_FOLDER.test(name)
    ? []
    : [{ field: 'file', message: `"${name}" is not a year: articles are filed as articles/<year>/<slug>/index.md, e.g. articles/2026/${name}/index.md` }];
}

/**
 * Finds article slugs already used by an earlier folder, in any year, once case
 * is folded (`Story` and `story` collide on case-insensitive disks, and every
 * year shares one `/articles/<slug>/` namespace). `folders` are `<year>/<slug>`;
 * each duplicate names the latest earlier folder with its slug.
 */
export function findDuplicateSlugs(folders: readonly string[]): Map<string, Finding> {
  const duplicates = new Map<string, Finding>();
  const seen = new Map<string, string>();
  for (const folder of folders) {
    const folded = path.posix.basename(folder).toLowerCase();
    const earlier = seen.get(folded);
    if (earlier) duplicates.set(folder, { field: 'slug', message: `duplicate slug "${folded}": also used by articles/${earlier}` });
    seen.set(folded, folder);
  }
  return duplicates;
}

/** Markdown files directly in `dir`, where the site never looks for one: `message` says where each belongs. */
export function checkLooseMarkdown(dir: string, message: (name: string) => string): FileFinding[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ file: path.join(dir, name), field: 'file', message: message(name) }));
}

/**
 * Finds Markdown files lying loose in `articles/` or a year folder, outside any
 * article folder, which the site would never publish. `year` names the folder
 * they should go in.
 */
export function checkLooseArticles(dir: string, year: string): FileFinding[] {
  return checkLooseMarkdown(dir, (name) => `would never be published: move it to articles/${year}/${name.replace(/\.mdx?$/i, '')}/index.md`);
}
