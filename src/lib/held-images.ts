/**
 * The hero images of articles readers cannot see yet (drafts, scheduled):
 * Astro bundles every image the content imports, so without this an
 * embargoed photo would be public in `_astro/` before its story.
 */
import path from 'node:path';
import type { CheckedArticle } from '../content/validate.ts';
import { isVisible } from './publish.ts';

/** Absolute paths of the images only hidden articles show; one a visible article also shows is not held. */
export function heldImages(articles: readonly CheckedArticle[], now: Date, showUnpublished: boolean): string[] {
  const hidden = new Set<string>();
  const shown = new Set<string>();
  for (const { file, data } of articles) {
    if (!data.image) continue;
    const image = path.resolve(path.dirname(file), data.image.src);
    (isVisible(data, now, showUnpublished) ? shown : hidden).add(image);
  }
  return [...hidden].filter((image) => !shown.has(image));
}
