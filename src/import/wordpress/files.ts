/**
 * Writing into the content folder. An article is written whole or not at
 * all: its folder is filled under `.import/` (outside every collection) and
 * renamed into `articles/<year>/<slug>/` in one step, replacing an older copy
 * the same way. Author, topic and settings files are written only where none
 * exists: what a publication already has is never overwritten.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { articleFolder } from '../../content/article-files.ts';
import { importFolder } from './state.ts';

export interface ArticleFile {
  name: string;
  data: string | Uint8Array;
}

/** YAML as the sample content writes it: block style, no line folding, double quotes where quotes are needed. */
export function toYaml(data: unknown): string {
  return yaml.dump(data, { lineWidth: -1, noRefs: true, quotingType: '"' });
}

/** An article file: frontmatter between `---` lines, then the body. */
export function articleText(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${toYaml(frontmatter)}---\n${body ? `\n${body}\n` : ''}`;
}

/** Writes an article's folder in one rename; an existing folder of the same article is replaced. */
export function writeArticleFolder(contentDir: string, year: string, slug: string, files: readonly ArticleFile[]): void {
  const scratch = path.join(importFolder(contentDir), 'tmp');
  fs.mkdirSync(scratch, { recursive: true });
  const staged = fs.mkdtempSync(path.join(scratch, `${slug}-`));
  for (const file of files) fs.writeFileSync(path.join(staged, file.name), file.data);
  const target = articleFolder(contentDir, year, slug);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) {
    const old = path.join(scratch, `${slug}-replaced-${crypto.randomBytes(4).toString('hex')}`);
    fs.renameSync(target, old);
    fs.renameSync(staged, target);
    fs.rmSync(old, { recursive: true, force: true });
  } else {
    fs.renameSync(staged, target);
  }
}

/** Removes the staging folder once the import is done (an interrupted one may have left half-filled folders there). */
export function clearScratch(contentDir: string): void {
  fs.rmSync(path.join(importFolder(contentDir), 'tmp'), { recursive: true, force: true });
}

/** Writes a YAML file unless one is there; true when it wrote. */
export function writeYamlUnlessPresent(file: string, data: unknown): boolean {
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, toYaml(data));
  return true;
}
