/**
 * The files of articles readers cannot see yet (drafts, scheduled): Astro
 * bundles every image the content imports, so without this an embargoed
 * photo would be public in `_astro/` before its story.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CheckedArticle } from '../content/validate.ts';

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
 * article's hero and the other files in its folder. A hero a shown article
 * also shows is not held. `byVisibility` (`publish.ts`) makes the two lists.
 */
export function heldImages(shown: readonly CheckedArticle[], hidden: readonly CheckedArticle[], beside = filesBeside): string[] {
  const shownHeroes = new Set(shown.map((article) => article.heroFile));
  const held = new Set<string>();
  for (const { file, heroFile } of hidden) {
    if (heroFile) held.add(heroFile);
    for (const other of beside(file)) held.add(other);
  }
  return [...held].filter((image) => !shownHeroes.has(image));
}
