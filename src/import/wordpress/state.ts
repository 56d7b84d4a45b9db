/**
 * What the last import wrote, so that the next one (from a newer export)
 * adds what is new, updates what changed on the old site, and leaves alone
 * what an editor has changed since: per WordPress post ID, the article's
 * folder, WordPress's modified date and a digest of `index.md` as written.
 * `content/.import/` is outside every collection and the content check.
 *
 * Each article written is appended to a journal at once, and the journal is
 * folded into the state file at the end: an import stopped half-way still
 * knows which posts it wrote, so running it again duplicates nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../lib/write-atomic.ts';
import { articleFolder } from '../../content/article-files.ts';

export interface ImportedPost {
  slug: string;
  year: string;
  /** WordPress's `post_modified_gmt` (else `post_modified`) when it was imported. */
  modified: string;
  /** SHA-256 of `index.md` as the import wrote it. */
  digest: string;
}

export interface ImportState {
  version: 1;
  posts: Record<string, ImportedPost>;
}

export const IMPORT_FOLDER = '.import';
const STATE_FILE = 'wordpress.json';
const JOURNAL_FILE = 'wordpress.journal';

export const importFolder = (contentDir: string) => path.join(contentDir, IMPORT_FOLDER);

export function digestOf(text: string | Uint8Array): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** The state of the last import, with any journal an interrupted one left; empty before the first. */
export function readState(contentDir: string): ImportState {
  const folder = importFolder(contentDir);
  const file = path.join(folder, STATE_FILE);
  const state: ImportState = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ImportState) : { version: 1, posts: {} };
  const journal = path.join(folder, JOURNAL_FILE);
  if (fs.existsSync(journal)) {
    for (const line of fs.readFileSync(journal, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const { id, post } = JSON.parse(line) as { id: string; post: ImportedPost };
        state.posts[id] = post;
      } catch {
        // A line cut short by the interruption: that article's folder is whole or absent, and the next run sees which.
      }
    }
  }
  return state;
}

/** Records one imported post, in memory and in the journal. */
export function recordPost(contentDir: string, state: ImportState, id: string, post: ImportedPost): void {
  state.posts[id] = post;
  fs.mkdirSync(importFolder(contentDir), { recursive: true });
  fs.appendFileSync(path.join(importFolder(contentDir), JOURNAL_FILE), `${JSON.stringify({ id, post })}\n`);
}

/** Writes the whole state and drops the journal it now holds. */
export function saveState(contentDir: string, state: ImportState): void {
  const folder = importFolder(contentDir);
  fs.mkdirSync(folder, { recursive: true });
  const posts = Object.fromEntries(Object.entries(state.posts).sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b)));
  writeFileAtomic(path.join(folder, STATE_FILE), `${JSON.stringify({ version: 1, posts }, null, 1)}\n`);
  fs.rmSync(path.join(folder, JOURNAL_FILE), { force: true });
}

/** How an imported article's file stands now. */
export type LocalCopy = 'unchanged' | 'edited' | 'missing';

export function localCopy(contentDir: string, post: ImportedPost): LocalCopy {
  const file = path.join(articleFolder(contentDir, post.year, post.slug), 'index.md');
  if (!fs.existsSync(file)) return 'missing';
  return digestOf(fs.readFileSync(file)) === post.digest ? 'unchanged' : 'edited';
}
