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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** `hero.jpg` → `./hero.jpg`; URLs, absolute and already relative paths stay as they are. */
export function relativeImagePath(value: string): string {
  return value && !/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(value) ? `./${value}` : value;
}
