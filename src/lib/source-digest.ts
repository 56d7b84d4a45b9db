import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Every file under the given files and folders (relative to `root`), sorted; missing ones are skipped. */
export function filesUnder(root: string, entries: readonly string[]): string[] {
  return entries
    .flatMap((entry) => {
      const full = path.join(root, entry);
      if (!fs.existsSync(full)) return [];
      if (!fs.statSync(full).isDirectory()) return [full];
      return fs
        .readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((item) => item.isFile())
        .map((item) => path.join(item.parentPath, item.name));
    })
    .sort();
}

/** A digest of the names and bytes of every file under `entries`, and of `extra`. */
export function sourceDigest(root: string, entries: readonly string[], extra: unknown = null): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify(extra));
  for (const file of filesUnder(root, entries)) hash.update(`\0${path.relative(root, file)}\0`).update(fs.readFileSync(file));
  return hash.digest('hex');
}
