/**
 * Decap writes what its widgets hold: empty strings for cleared fields and
 * objects whose every field is empty. The schema rejects both (an empty
 * `canonical` is not a URL, a `source` without `url` is invalid), so they are
 * removed before saving. Image paths get the `./` prefix Astro's `image()`
 * expects for a file beside the entry.
 */

export type FieldPath = (string | number)[];

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Objects made of fields; not arrays, and not the Dates Decap makes of `…Z` timestamps. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  Object.prototype.toString.call(value) === '[object Object]';

/**
 * Paths of blank values to delete, last first, so that deleting them one by
 * one keeps the indexes of the remaining list items valid. A blank object is
 * reported as a whole, not field by field; lists stay (the schema defaults
 * them to empty) but lose their blank items.
 */
export function blankPaths(data: Record<string, unknown>): FieldPath[] {
  const visit = (value: unknown, at: FieldPath): FieldPath[] | 'blank' => {
    if (isBlank(value)) return 'blank';
    const children: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : isPlainObject(value)
        ? Object.entries(value)
        : [];
    const found: FieldPath[] = [];
    let blanks = 0;
    for (const [key, child] of children) {
      const result = visit(child, [...at, key]);
      if (result === 'blank') {
        blanks++;
        found.push([...at, key]);
      } else {
        found.push(...result);
      }
    }
    return isPlainObject(value) && blanks === children.length ? 'blank' : found;
  };
  const result = visit(data, []);
  return (result === 'blank' ? Object.keys(data).map((key) => [key]) : result).reverse();
}

/**
 * Decap reads a timestamp written with `Z` (`2026-01-10T09:00:00Z`) as a Date
 * and writes it back as `2026-01-10T09:00:00.000Z`. Returns each Date's path
 * with its text as written, so that a save leaves dates nobody touched as
 * they were.
 */
export function dateTexts(data: Record<string, unknown>): [FieldPath, string][] {
  const visit = (value: unknown, at: FieldPath): [FieldPath, string][] => {
    if (value instanceof Date) return [[at, value.toISOString().replace('.000Z', 'Z')]];
    if (Array.isArray(value)) return value.flatMap((item, index) => visit(item, [...at, index]));
    if (isPlainObject(value)) return Object.entries(value).flatMap(([key, child]) => visit(child, [...at, key]));
    return [];
  };
  return visit(data, []);
}

/** `hero.jpg` → `./hero.jpg`; URLs, absolute and already relative paths stay as they are. */
export function relativeImagePath(value: string): string {
  return value && !/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(value) ? `./${value}` : value;
}
