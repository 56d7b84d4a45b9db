/**
 * Which images each page of a build uses, as Astro reports them when it
 * renders the page. Astro's incremental build copies an unchanged page from
 * its cache instead of rendering it, so that page reports nothing: its
 * images are the ones it used when it was last rendered, kept here between
 * builds. The union over every page of a build is what the output must hold.
 */

/** What one render asked of Astro's image pipeline (the shape of Astro's render metadata). */
export interface RenderImages {
  /** Each resized or re-encoded variant: `finalPath` is its address in the output, `originalPath` that of the image it came from. */
  staticImages?: readonly { finalPath: string; originalPath: string }[];
  /** Source files (absolute paths) the page links to as they are, untransformed. */
  referencedImages?: readonly string[];
}

/** One page's images, output paths without the leading slash. */
export interface PageImages {
  variants: string[];
  originals: string[];
  sources: string[];
}

/** Every page of a build, by its address without the trailing slash. */
export type ImageLedger = Map<string, PageImages>;

/** The ledger's key for a page address: `/a/b/` and `/a/b` are one page. */
export function pageKey(pathname: string): string {
  return pathname.replace(/\/+$/, '') || '/';
}

const unslashed = (file: string) => file.replace(/^\//, '');

export function pageImages(metadata: RenderImages | undefined): PageImages {
  const images = metadata?.staticImages ?? [];
  return {
    variants: [...new Set(images.map(({ finalPath }) => unslashed(finalPath)))],
    originals: [...new Set(images.map(({ originalPath }) => unslashed(originalPath)))],
    sources: [...new Set(metadata?.referencedImages ?? [])],
  };
}

/**
 * This build's ledger: a rendered page with what it reported, a page Astro
 * copied with what the last build recorded. `missing` lists the copied pages
 * the last ledger does not hold, whose images are therefore unknown.
 */
export function nextLedger(previous: ImageLedger, pages: Iterable<string>, rendered: ImageLedger): { ledger: ImageLedger; missing: string[] } {
  const ledger: ImageLedger = new Map();
  const missing: string[] = [];
  for (const page of pages) {
    const key = pageKey(page);
    const images = rendered.get(key) ?? previous.get(key);
    if (images) ledger.set(key, images);
    else missing.push(key);
  }
  return { ledger, missing };
}

/** The union of a ledger's pages. */
export function ledgerTotals(ledger: ImageLedger): { variants: Set<string>; originals: Set<string>; sources: Set<string> } {
  const totals = { variants: new Set<string>(), originals: new Set<string>(), sources: new Set<string>() };
  for (const page of ledger.values()) {
    for (const key of ['variants', 'originals', 'sources'] as const) for (const item of page[key]) totals[key].add(item);
  }
  return totals;
}

/** The ledger as stored: each path once in a table, each page as indexes into it (a tenth of the size at 100,000 articles). */
interface StoredLedger {
  format: 1;
  files: string[];
  pages: Record<string, [number[], number[], number[]]>;
}

export function encodeLedger(ledger: ImageLedger): string {
  const index = new Map<string, number>();
  const id = (file: string) => {
    let found = index.get(file);
    if (found === undefined) index.set(file, (found = index.size));
    return found;
  };
  const pages: StoredLedger['pages'] = {};
  for (const [page, { variants, originals, sources }] of ledger) pages[page] = [variants.map(id), originals.map(id), sources.map(id)];
  const stored: StoredLedger = { format: 1, files: [...index.keys()], pages };
  return JSON.stringify(stored);
}

/** The stored ledger; an empty one when the text is not a ledger of this format. */
export function decodeLedger(text: string): ImageLedger {
  let stored: StoredLedger;
  try {
    stored = JSON.parse(text) as StoredLedger;
  } catch {
    return new Map();
  }
  if (stored?.format !== 1 || !Array.isArray(stored.files) || typeof stored.pages !== 'object') return new Map();
  const files = (ids: number[]) => ids.map((item) => stored.files[item]!);
  return new Map(Object.entries(stored.pages).map(([page, [variants, originals, sources]]) => [page, { variants: files(variants), originals: files(originals), sources: files(sources) }]));
}
