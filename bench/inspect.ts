/**
 * Reads what a build left behind: figures from the lines Broadsheet's own
 * build steps log (never Astro's, whose wording is its own to change) and
 * from the output folder. A line that is missing yields null rather than a
 * guess.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parsePageWalk } from '../src/lib/page-walk.ts';

export interface LogFigures {
  /** Pages the routes listed (HTML pages, feeds, images from endpoints). */
  pages: number | null;
  /** Listing the routes' pages and rendering those that changed. */
  routesSeconds: number | null;
  /** Astro's image step after the pages. */
  imagesSeconds: number | null;
  /** Image variants encoded in this build. */
  imagesEncoded: number;
  /** Image variants Astro's image cache already held. */
  imagesReused: number;
  /** Render time summed by the first URL segment, e.g. `articles`, `tags`, `(root)`. */
  routeSecondsBySection: Record<string, number>;
  /** Time the search indexer reported for itself, when it logs one. */
  searchIndexSeconds: number | null;
  /** Routes copied from the incremental build cache instead of rendered. */
  routesRestored: number;
  /** Routes rendered in this build. */
  routesRendered: number;
  /** Open Graph cards, drawn beside and after the pages by the site's own build step. */
  ogCards: { drawn: number; reused: number; seconds: number } | null;
}

/** e.g. `[broadsheet:og-cards] 1000 OG cards: 3 drawn, 997 reused, in 0.41 s`. */
const OG_CARDS = /\d+ OG cards: (\d+) drawn, (\d+) reused, in ([\d.]+) s/;
/** The search integration's summary, e.g. `[broadsheet:pagefind] Search index: 30 articles … in 0.71 s; …`. */
const SEARCH = /Search index:[^\n]*? in ([\d.]+) s/;

export function readBuildLog(output: string): LogFigures {
  const walk = parsePageWalk(output);
  const cards = OG_CARDS.exec(output);
  const search = SEARCH.exec(output);
  return {
    pages: walk?.listed ?? null,
    routesSeconds: walk ? round(walk.seconds, 2) : null,
    imagesSeconds: walk ? round(walk.imageSeconds, 2) : null,
    imagesEncoded: walk?.imagesEncoded ?? 0,
    imagesReused: walk?.imagesReused ?? 0,
    routeSecondsBySection: walk?.bySection ?? {},
    searchIndexSeconds: search ? Number(search[1]) : null,
    routesRestored: walk ? walk.listed - walk.rendered : 0,
    routesRendered: walk?.rendered ?? 0,
    ogCards: cards ? { drawn: Number(cards[1]), reused: Number(cards[2]), seconds: Number(cards[3]) } : null,
  };
}

/** Astro prints durations as `850ms`, `3.77s` or, past a minute, `2m 5s`. */
function seconds(text: string): number {
  const match = /^(?:(\d+)m )?([\d.]+)(ms|s)?$/.exec(text);
  if (!match) return NaN;
  const [, minutes = '0', value = '0', unit = 's'] = match;
  return Number(minutes) * 60 + (unit === 'ms' ? Number(value) / 1000 : Number(value));
}

/** A row of a section of Astro's `--timings` report: its name, then its duration. */
const TIMING_ROW = /^ {2,}(\S.*?) {2,}((?:\d+m )?[\d.]+(?:ms|s))\b/;
/** The sections of that report read here: Astro's phases, and each integration's hooks. */
const TIMING_SECTIONS = /^(Build phases|Integrations)\b/;

/**
 * Seconds per build phase and per integration, from the report `astro build
 * --timings` prints (Astro's documented flag): where a publish's fixed costs
 * go. Empty when the build printed none.
 */
export function readTimings(output: string): Record<string, number> {
  const steps: Record<string, number> = {};
  let reading = false;
  for (const line of output.split('\n')) {
    if (/^\S/.test(line)) reading = TIMING_SECTIONS.test(line);
    const row = reading ? TIMING_ROW.exec(line) : null;
    if (row) steps[row[1]!] = round(seconds(row[2]!), 2);
  }
  return steps;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface FolderSize {
  bytes: number;
  files: number;
}

export function folderSize(dir: string): FolderSize {
  const size: FolderSize = { bytes: 0, files: 0 };
  if (!fs.existsSync(dir)) return size;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    size.bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    size.files++;
  }
  return size;
}

export function countHtmlFiles(dir: string): number {
  return fs.readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
}

/** The listings a reader walks to reach any article: the home page, the archive, and topic, author, tag and series pages. */
const LISTINGS = ['archive', 'topics', 'authors', 'tags', 'series'];

/** The heaviest listing page's HTML, by site path. */
export function largestListing(outDir: string): { page: string; kilobytes: number } {
  let largest = { page: '', bytes: fs.statSync(path.join(outDir, 'index.html')).size };
  for (const folder of LISTINGS) {
    const dir = path.join(outDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name !== 'index.html') continue;
      const file = path.join(entry.parentPath, entry.name);
      const bytes = fs.statSync(file).size;
      if (bytes > largest.bytes) largest = { page: path.relative(outDir, entry.parentPath), bytes };
    }
  }
  return { page: `/${largest.page}${largest.page ? '/' : ''}`, kilobytes: round(largest.bytes / 1024, 1) };
}

export interface PageWeight {
  /** Site path of the page measured. */
  page: string;
  htmlBytes: number;
  /** Stylesheets the page links. */
  cssBytes: number;
  /** Scripts the page loads, their static imports, and inline scripts (JSON-LD is data, not counted). */
  jsBytes: number;
  /** HTML + linked CSS + external JS: everything but images, fonts and search data. */
  totalBytes: number;
  /** The same files gzipped one by one, roughly what travels over the wire. */
  totalGzipBytes: number;
}

const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const MODULE_PRELOAD = /<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/gi;
const HREF = /\bhref=["']?([^"'\s>]+)/i;
const SRC = /\bsrc=["']?([^"'\s>]+)/i;
const TYPE = /\btype=["']?([^"'\s>]+)/i;
/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from` in built chunks. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/** Local file for a site-absolute or page-relative URL; undefined for other hosts. */
function localFile(outDir: string, fromFile: string, url: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? path.join(outDir, clean) : path.resolve(path.dirname(fromFile), clean);
}

/** The HTML of one page plus the CSS and JavaScript it pulls in, each file counted once. */
export function pageWeight(outDir: string, page: string): PageWeight {
  const htmlFile = path.join(outDir, page, 'index.html');
  const html = fs.readFileSync(htmlFile);
  const text = html.toString('utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  let inlineJs = 0;
  for (const tag of text.match(STYLESHEET) ?? []) {
    const file = localFile(outDir, htmlFile, HREF.exec(tag)?.[1] ?? '');
    if (file) css.add(file);
  }
  for (const tag of text.match(MODULE_PRELOAD) ?? []) {
    const file = localFile(outDir, htmlFile, HREF.exec(tag)?.[1] ?? '');
    if (file) js.add(file);
  }
  for (const [, attributes = '', body = ''] of text.matchAll(SCRIPT)) {
    const type = TYPE.exec(attributes)?.[1] ?? '';
    if (type && type !== 'module' && !type.includes('javascript')) continue;
    const src = SRC.exec(attributes)?.[1];
    if (src) {
      const file = localFile(outDir, htmlFile, src);
      if (file) js.add(file);
    } else {
      inlineJs += Buffer.byteLength(body);
    }
  }
  const queue = [...js];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (!fs.existsSync(file)) continue;
    for (const [, spec = ''] of fs.readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const imported = localFile(outDir, file, spec);
      if (imported && !js.has(imported)) {
        js.add(imported);
        queue.push(imported);
      }
    }
  }
  const files = [...css, ...js].filter((file) => fs.existsSync(file));
  const bytesOf = (list: Iterable<string>) => [...list].filter((file) => fs.existsSync(file)).reduce((sum, file) => sum + fs.statSync(file).size, 0);
  const cssBytes = bytesOf(css);
  const externalJs = bytesOf(js);
  const gzip = (data: Buffer) => zlib.gzipSync(data, { level: 9 }).length;
  return {
    page,
    htmlBytes: html.length,
    cssBytes,
    jsBytes: externalJs + inlineJs,
    totalBytes: html.length + cssBytes + externalJs,
    totalGzipBytes: gzip(html) + files.reduce((sum, file) => sum + gzip(fs.readFileSync(file)), 0),
  };
}

/** Files in Astro's optimised-image cache; new entries after a build are fresh encodes. */
export function imageCacheEntries(cacheDir: string): Set<string> {
  const dir = path.join(cacheDir, 'assets');
  if (!fs.existsSync(dir)) return new Set();
  return new Set(fs.readdirSync(dir, { recursive: true }).map(String).filter((name) => !name.endsWith('.json')));
}
