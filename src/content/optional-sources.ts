/**
 * Content a publication may not have (series, live stories, alerts,
 * redirects), and where each lives in the content folder. Its collection
 * then holds nothing, and Astro warns on every read of an empty collection,
 * so such a collection is only read when its source is there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { site } from '../site.config.ts';

export const OPTIONAL_SOURCES = {
  series: 'series',
  updates: 'live',
  alerts: 'alerts.yml',
  redirects: 'redirects.yml',
} as const;

export type OptionalCollection = keyof typeof OPTIONAL_SOURCES;

/** The file or folder a collection loads from. */
export function sourceOf(name: OptionalCollection): string {
  return path.join(site.contentDir, OPTIONAL_SOURCES[name]);
}

export function hasSource(name: OptionalCollection): boolean {
  return fs.existsSync(sourceOf(name));
}
