/**
 * The files of articles readers cannot see yet (drafts, scheduled): Astro
 * bundles every image the content imports, so without this an embargoed
 * photo would be public in `_astro/` before its story.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CheckedArticle } from '../content/validate.ts';
import { isVisible } from './publish.ts';

/** The files beside an article's text in its folder: its hero and anything its body imports. */
function filesBeside(file: string): string[] {
  const dir = path.dirname(file);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && path.join(dir, entry.name) !== file)
    .map((entry) => path.join(dir, entry.name));
}

/**
 * Absolute paths of the files only hidden articles show: each hidden
 * article's hero and the other files in its folder. A hero a visible article
 * also shows is not held.
 */
export function heldImages(articles: readonly CheckedArticle[], now: Date, showUnpublished: boolean, beside = filesBeside): string[] {
  const hidden = new Set<string>();
  const shown = new Set<string>();
  for (const { file, data } of articles) {
    const hero = data.image ? path.resolve(path.dirname(file), data.image.src) : undefined;
    if (isVisible(data, now, showUnpublished)) {
      if (hero) shown.add(hero);
      continue;
    }
    if (hero) hidden.add(hero);
    for (const other of beside(file)) hidden.add(other);
  }
  return [...hidden].filter((image) => !shown.has(image));
}
