/**
 * Cache keys for incremental builds. A page is copied from the last build
 * instead of rendered only when its key is unchanged, so a key must cover
 * everything the page shows: a key built from too little serves stale pages,
 * one built from too much only renders a page that did not need it.
 */
import crypto from 'node:crypto';
import { untrackedImage } from '../integrations/astro-internals.ts';

/** JSON with object keys sorted, so equal values always give equal text; an imported image is read without marking it as shipped. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const record = untrackedImage(item) as Record<string, unknown>;
      return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
    }
    return item;
  });
}

/** A short digest of any JSON-shaped values (dates count by their ISO text). */
export function cacheKey(...parts: unknown[]): string {
  return crypto.createHash('sha256').update(stableJson(parts)).digest('base64url').slice(0, 27);
}
