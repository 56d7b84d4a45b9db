/**
 * What a deploy ships is decided by content, not by file times: a build
 * writes every page it renders afresh, and hard-links the rest from its
 * cache, so times and inodes say little about what a reader would see. A
 * manifest records each file's SHA-256 and size; the difference between the
 * live site's manifest and the new build's is the change to send.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FileEntry {
  sha256: string;
  size: number;
}

export interface Manifest {
  version: 1;
  /** Keyed by POSIX path relative to the site folder (`articles/x/index.html`), in sorted order. */
  files: Record<string, FileEntry>;
}

export interface SiteChange {
  added: string[];
  changed: string[];
  removed: string[];
  /** What the added and changed files weigh: the bytes a deploy must send. */
  bytes: number;
}

/** Code-unit order, the same on every machine and locale. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every regular file under `dir`; symbolic links are left out, as a static host would not follow them the same way. */
export function hashSite(dir: string): Manifest {
  const names = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort(byCodeUnit);
  const files = names.map((name): [string, FileEntry] => {
    const bytes = fs.readFileSync(path.join(dir, name));
    return [name, { sha256: crypto.createHash('sha256').update(bytes).digest('hex'), size: bytes.length }];
  });
  return { version: 1, files: Object.fromEntries(files) };
}

/** `live` is undefined when nothing is known of the target: every file is then added. */
export function diffManifests(live: Manifest | undefined, next: Manifest): SiteChange {
  const before = live?.files ?? {};
  const added: string[] = [];
  const changed: string[] = [];
  let bytes = 0;
  for (const [name, entry] of Object.entries(next.files)) {
    const old = Object.hasOwn(before, name) ? before[name] : undefined;
    if (old?.sha256 === entry.sha256) continue;
    (old ? changed : added).push(name);
    bytes += entry.size;
  }
  const removed = Object.keys(before).filter((name) => !Object.hasOwn(next.files, name));
  return { added: added.sort(byCodeUnit), changed: changed.sort(byCodeUnit), removed: removed.sort(byCodeUnit), bytes };
}
