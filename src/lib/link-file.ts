/**
 * Puts a cached file into the output as a hard link: nothing rewrites output
 * files after the build makes them (a page Astro renders over a linked one
 * gets the same bytes in its cache copy, see `restore-pages.ts`), so the two
 * can share one copy, and a publish does not write thousands of unchanged
 * files out again. Copies when the two folders are on different file systems.
 */
import fs from 'node:fs';

export function linkOrCopy(source: string, target: string): void {
  try {
    fs.linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(source, target);
  }
}
