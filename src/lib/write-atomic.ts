/**
 * Writes a file under a temporary name, then renames it into place: a build
 * killed mid-write never leaves half a file under the real name, and a reader
 * sees the old file or the new one, never a mix.
 */
import fs from 'node:fs';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.writeFileSync(`${file}.tmp`, data);
  fs.renameSync(`${file}.tmp`, file);
}
