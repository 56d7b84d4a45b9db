/**
 * The search index is split by year of publication: a publish re-indexes
 * only the years whose article pages changed, and the browser merges the
 * years back into one search. The split depends on nothing but the pages, so
 * a rebuild and a clean build write the same shards.
 */
import crypto from 'node:crypto';

/** The year the article page gives its search filter (`data-year`), in the site's time zone. */
export function shardOf(html: string): string | undefined {
  return /\sdata-year="(\d{4})"/.exec(html)?.[1];
}

export interface ShardPage {
  /** Path relative to the output folder, e.g. `articles/x/index.html`. */
  file: string;
  /** Digest of the page's bytes. */
  digest: string;
}

export function pageDigest(html: string | Buffer): string {
  return crypto.createHash('sha256').update(html).digest('base64url');
}

/**
 * What Pagefind reads of a page: the element marked `data-pagefind-body` and
 * the page's language. Related stories and other lists around the article
 * change with other articles' publishing; keying a year on the whole page
 * would re-index it for them. The whole page when no body is marked.
 */
export function indexedPart(html: string): string {
  const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? '';
  const marker = html.indexOf('data-pagefind-body');
  const start = marker < 0 ? -1 : html.lastIndexOf('<', marker);
  const tag = start < 0 ? undefined : /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start, marker))?.[1];
  if (!tag) return html;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return `${lang}\n${html.slice(start, tags.lastIndex)}`;
  }
  return html;
}

/** Changes whenever a page joins or leaves the shard or any of its pages' bytes change. */
export function shardKey(name: string, pages: readonly ShardPage[], options: unknown): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify({ name, options }));
  for (const page of [...pages].sort((a, b) => a.file.localeCompare(b.file))) hash.update(`\0${page.file}\0${page.digest}`);
  return `${name}-${hash.digest('hex').slice(0, 20)}`;
}

/** Newest year first: the browser loads the first as its main index and merges the rest. */
export function shardOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => b.localeCompare(a));
}
