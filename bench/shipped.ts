/** What one publish makes a deploy send, from the manifests of the site before and after it. */
import { diffManifests, type Manifest } from '../src/deploy/manifest.ts';
import { round } from './inspect.ts';

export interface Shipped {
  /** Files a deploy uploads or deletes. */
  files: number;
  added: number;
  changed: number;
  removed: number;
  /** Bytes of the added and changed files, in MB. */
  megabytes: number;
  /** Files uploaded or deleted by top-level folder (`articles`, `og`, `pagefind`…; `/` for the site's root), most first. */
  byFolder: Record<string, number>;
}

export function shippedBy(before: Manifest, after: Manifest): Shipped {
  const change = diffManifests(before, after);
  const all = [...change.added, ...change.changed, ...change.removed];
  const counts = new Map<string, number>();
  for (const name of all) {
    const folder = name.includes('/') ? name.slice(0, name.indexOf('/')) : '/';
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return {
    files: all.length,
    added: change.added.length,
    changed: change.changed.length,
    removed: change.removed.length,
    megabytes: round(change.bytes / 1024 / 1024, 2),
    byFolder: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
  };
}

/** One line per file a deploy would send or delete (`+` added, `~` changed, `-` removed): kept in the work folder for a closer look. */
export function shippedList(before: Manifest, after: Manifest): string {
  const change = diffManifests(before, after);
  const lines = [...change.added.map((name) => `+ ${name}`), ...change.changed.map((name) => `~ ${name}`), ...change.removed.map((name) => `- ${name}`)];
  return `${lines.join('\n')}\n`;
}
