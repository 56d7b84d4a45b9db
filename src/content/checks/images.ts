import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from './finding.ts';

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tiff', '.svg']);

/** Checks an image path in `ownerFile`: relative to that file, an image extension, and the image file exists. */
export function checkImage(ownerFile: string, field: string, src: unknown): Finding[] {
  // A missing or non-string value is the schema check's to report.
  if (typeof src !== 'string' || !src) return [];
  if (/^[a-z]+:/i.test(src) || src.startsWith('/')) {
    return [{ field, message: `"${src}" must be a path relative to this file, e.g. ./hero.jpg` }];
  }
  const target = path.resolve(path.dirname(ownerFile), src);
  if (!IMAGE_EXTENSIONS.has(path.extname(target).toLowerCase())) {
    return [{ field, message: `"${src}" is not an image (expected ${[...IMAGE_EXTENSIONS].join(', ')})` }];
  }
  return fs.existsSync(target) ? [] : [{ field, message: `image file "${src}" does not exist` }];
}
