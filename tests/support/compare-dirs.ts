import fs from 'node:fs';
import path from 'node:path';

export interface DirDiff {
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** Files in both whose bytes differ. */
  differ: string[];
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Compares two folders file for file, by relative path and bytes. */
export function diffDirs(first: string, second: string): DirDiff {
  const a = new Set(files(first));
  const b = new Set(files(second));
  return {
    onlyInFirst: [...a].filter((file) => !b.has(file)),
    onlyInSecond: [...b].filter((file) => !a.has(file)),
    differ: [...a].filter((file) => b.has(file) && !fs.readFileSync(path.join(first, file)).equals(fs.readFileSync(path.join(second, file)))),
  };
}

/** One line per kind of difference, naming at most `limit` files of each. */
export function describeDiff(diff: DirDiff, [first, second]: [string, string], limit = 20): string {
  const list = (names: string[]) => `${names.slice(0, limit).join(', ')}${names.length > limit ? ` and ${names.length - limit} more` : ''}`;
  return [
    diff.onlyInFirst.length ? `only in the ${first} build: ${list(diff.onlyInFirst)}` : '',
    diff.onlyInSecond.length ? `only in the ${second} build: ${list(diff.onlyInSecond)}` : '',
    diff.differ.length ? `different: ${list(diff.differ)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
