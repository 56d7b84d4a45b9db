/**
 * Build benchmark: generates a synthetic newsroom, runs the production build
 * cold (no output, no caches) one or more times, then publishes one change
 * at a time (see bench/scenarios.ts), each a build with the previous build's
 * cache (restored as a copy) and an empty output folder, as CI runs it, and
 * reports time, CPU, memory and output figures.
 *
 *   npm run bench -- --articles 1000 --runs 2
 *   npm run bench -- --articles 1000 --publish edit-body,add-article
 *   npm run bench -- --articles 1000 --ci-path     each publish as CI runs it: install, restore, build, deploy, save
 *
 * See docs/benchmark.md for what each figure means.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, YEARS_BACK, type CorpusSummary } from './corpus.ts';
import { PUBLISHED_BY_DEFAULT, scenario } from './scenarios.ts';
import { runMeasured } from './measure.ts';
import { countHtmlFiles, folderSize, largestListing, imageCacheEntries, pageWeight, readBuildLog, readTimings, round, type LogFigures, type PageWeight } from './inspect.ts';
import { summariseProfile, type ProfileShare } from './profile.ts';
import { appendResult } from './results-file.ts';
import { shippedBy, shippedList, type Shipped } from './shipped.ts';
import { hashSite } from '../src/deploy/manifest.ts';
import { measureFirstSearches, type FirstSearch, type SearchQuery } from './search.ts';
import { restoreSavedCache, saveCache, startS3Target, timeInstall, type S3Target } from './ci-path.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Fixed "now": the corpus spreads dates over the five years before it, so nothing is scheduled. */
const BENCH_NOW = '2026-11-01T00:00:00Z';
const MB = 1024 * 1024;

const { values: flags } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    'images-every': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'json-only': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'no-warm': { type: 'boolean', default: false },
    publish: { type: 'string', default: PUBLISHED_BY_DEFAULT.join(',') },
    'ci-path': { type: 'boolean', default: false },
    results: { type: 'string', default: 'bench/results' },
  },
  strict: true,
});

function positiveInt(name: string, value: string, allowZero = false): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) {
    throw new Error(`--${name} must be a whole number${allowZero ? '' : ' above 0'}, got "${value}"`);
  }
  return number;
}

const articles = positiveInt('articles', flags.articles);
const runs = positiveInt('runs', flags.runs);
const imagesEvery = positiveInt('images-every', flags['images-every'], true);
const seed = positiveInt('seed', flags.seed, true);
const jsonOnly = flags['json-only'];

const work = path.join(repoRoot, 'bench', '.corpus', String(articles));
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');
const cacheDir = path.join(work, 'cache');

const log = (message: string) => {
  if (!jsonOnly) process.stderr.write(`${message}\n`);
};

interface BuildFigures {
  wallSeconds: number;
  cpuSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  peakRssMB: number;
  peakProcessRssMB: number;
  /** When the sampled peak of the process tree was seen, in seconds after the build started. */
  peakRssAtSeconds: number;
  /** Astro's own phase timers (ASTRO_TIMER_PATH), in seconds, keyed as Astro names them. */
  phases: Record<string, number>;
  /** With `--timings`: seconds per Astro build phase and per integration (`readTimings`). From 7 December, evening, for publishes. */
  steps?: Record<string, number>;
  log: LogFigures;
}

/** `astroArgs` go to `astro build`; publishes pass `--timings`, so each reports where its fixed costs go. */
function astroBuild(label: string, extraNodeArgs: string[] = [], astroArgs: string[] = []): Promise<BuildFigures> {
  const timerFile = path.join(work, `timer-${label}.json`);
  fs.rmSync(timerFile, { force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_CONTENT_DIR: contentDir,
    BROADSHEET_OUT_DIR: outDir,
    BROADSHEET_NOW: BENCH_NOW,
    BROADSHEET_CACHE_DIR: cacheDir,
    ASTRO_TIMER_PATH: timerFile,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  const astro = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // The Node running this script (22, from node_modules/.bin) also runs Astro; `astro`'s shebang would pick Node 20.
  const args = [...extraNodeArgs, astro, 'build', ...astroArgs];
  return runMeasured(process.execPath, args, { cwd: repoRoot, env }).then((measured) => {
    fs.writeFileSync(path.join(work, `build-${label}.log`), measured.output);
    if (measured.exitCode !== 0) {
      process.stderr.write(`${measured.output.split('\n').slice(-40).join('\n')}\n`);
      throw new Error(`The ${label} build failed (exit code ${measured.exitCode}); full log in ${path.relative(repoRoot, work)}/build-${label}.log`);
    }
    const phases: Record<string, number> = {};
    if (fs.existsSync(timerFile)) {
      const stats = JSON.parse(fs.readFileSync(timerFile, 'utf8')) as Record<string, { elapsedTime: number }>;
      for (const [name, stat] of Object.entries(stats)) phases[name] = round(stat.elapsedTime / 1000, 2);
    }
    return {
      wallSeconds: round(measured.wallSeconds, 2),
      cpuSeconds: round(measured.userSeconds + measured.systemSeconds, 2),
      userSeconds: round(measured.userSeconds, 2),
      systemSeconds: round(measured.systemSeconds, 2),
      peakRssMB: Math.round(measured.peakTreeRssBytes / MB),
      peakProcessRssMB: Math.round(measured.peakProcessRssBytes / MB),
      peakRssAtSeconds: round(measured.peakTreeAtSeconds, 1),
      phases,
      ...(astroArgs.includes('--timings') ? { steps: readTimings(measured.output) } : {}),
      log: readBuildLog(measured.output),
    };
  });
}

/**
 * Replaces the build cache with a copy of itself, as a CI run restores it:
 * new files (new inodes, not the ones the last build wrote), with the same
 * bytes and modification times. Returns the seconds it took.
 */
function restoreCache(dir: string): number {
  const started = performance.now();
  const copy = `${dir}.restoring`;
  fs.rmSync(copy, { recursive: true, force: true });
  execFileSync('cp', ['-a', dir, copy]);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(copy, dir);
  return round((performance.now() - started) / 1000, 2);
}

function clearForCold() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(path.join(work, 'cache'), { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : round((sorted[middle - 1]! + sorted[middle]!) / 2, 2);
}

function astroVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

interface WarmFigures extends Omit<BuildFigures, 'log'> {
  /** The article, author or file the change touched. */
  editedArticle: string;
  routesRestored: number;
  routesRendered: number;
  pages: number | null;
  routesSeconds: number | null;
  imagesSeconds: number | null;
  imagesEncoded: number;
  imagesReused: number;
  /** Image files added to Astro's cache by the warm build: an independent count of fresh encodes. */
  newImageCacheEntries: number;
  ogCards: LogFigures['ogCards'];
  /** Copying the build cache before the build, as a CI run restores it (not part of the build's figures). From 4 December evening on. */
  cacheRestoreSeconds: number;
  /** What a deploy must send for this publish: the files of `dist/` added, changed and removed since the build before. From 7 December on. */
  shipped: Shipped;
  /** With `--ci-path`: the publish as CI runs it, step by step, in seconds; the page is live after `deploy`. */
  ciPath?: CiPath;
}

interface CiPath {
  install: number;
  restore: number;
  build: number;
  deploy: number;
  save: number;
  /** What actions/cache stores: the build cache as tar and zstd. */
  packedCacheMB: number;
  /** From the start of the run to the page on the target: install, restore, build and deploy. */
  live: number;
  total: number;
}

interface Result {
  benchmark: 'broadsheet-build';
  date: string;
  machine: { cpus: number; memoryGB: number; node: string; astro: string; platform: string };
  corpus: Omit<CorpusSummary, 'wordCounts'> & { imagesEvery: number; seed: number; words: number; generateSeconds: number };
  cold: {
    runs: number;
    wallSeconds: number;
    cpuSeconds: number;
    peakRssMB: number;
    all: BuildFigures[];
  };
  pages: number | null;
  htmlPages: number;
  distMB: number;
  distFiles: number;
  /** The build cache after the cold build: what CI restores and saves on every publish. */
  cacheMB: number;
  cacheFiles: number;
  imagesEncoded: number;
  search: { seconds: number | null; indexMB: number | null; indexFiles: number };
  /** The heaviest page a reader walks through to reach an article (home, archive, topics, authors, tags, series). From 7 December, afternoon, on. */
  largestListing: { page: string; kilobytes: number };
  /** A reader's first search after the cold build, one query per fresh browser: bytes fetched and time to the first result. From 7 December, afternoon, on. */
  firstSearch: FirstSearch[];
  articlePage: PageWeight;
  /** The edit-body publish, under its earlier name. */
  warm: WarmFigures | null;
  /** One build after each publish scenario, in the order run, by scenario name. */
  publish: Record<string, WarmFigures>;
  profile: ProfileShare[] | null;
}

async function main() {
  log(`Generating ${articles} articles (hero image on every ${imagesEvery || 'no'} article, seed ${seed})…`);
  const generateStart = performance.now();
  const corpus = await generateCorpus({ dir: contentDir, articles, imagesEvery, seed, now: new Date(BENCH_NOW) });
  const generateSeconds = round((performance.now() - generateStart) / 1000, 2);

  const cold: BuildFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    clearForCold();
    log(`Cold build ${run}/${runs}…`);
    const figures = await astroBuild(`cold-${run}`);
    cold.push(figures);
    log(`  ${figures.wallSeconds} s wall, ${figures.cpuSeconds} s CPU, ${figures.peakRssMB} MB peak`);
  }
  const last = cold.at(-1)!;

  const dist = folderSize(outDir);
  const cache = folderSize(cacheDir);
  const searchDir = path.join(outDir, 'pagefind');
  const search = folderSize(searchDir);
  const articlePage = pageWeight(outDir, path.join('articles', corpus.typicalSlug));
  const htmlPages = countHtmlFiles(outDir);
  const heaviestListing = largestListing(outDir);
  log('First searches in Chromium…');
  const firstSearch = await measureFirstSearches(outDir, readerQueries());
  for (const found of firstSearch) log(`  ${found.label}: first result after ${found.firstResultMs} ms (${found.afterPageMs} ms after the page), ${found.searchKilobytes} KB of index in ${found.searchRequests} requests`);

  const publish: Record<string, WarmFigures> = {};
  let live = hashSite(outDir);
  const names = flags['no-warm'] ? [] : flags.publish.split(',').filter(Boolean);
  const archive = path.join(work, 'cache.tar.zst');
  let s3: S3Target | undefined;
  let installSeconds = 0;
  if (flags['ci-path'] && names.length > 0) {
    log('CI path: timing npm ci with a warm npm cache, the first deploy and the first cache save…');
    installSeconds = timeInstall(repoRoot);
    s3 = await startS3Target(path.join(work, 's3'));
    const firstDeploy = await s3.deploySite(outDir);
    const firstSave = saveCache(cacheDir, archive);
    log(`  npm ci ${installSeconds} s; first deploy of the whole site ${firstDeploy} s; cache saved in ${firstSave.seconds} s (${firstSave.packedMB} MB packed)`);
  }
  for (const name of names) {
    const { apply, description } = scenario(name);
    const cachedBefore = imageCacheEntries(cacheDir);
    const touched = apply(contentDir, new Date(BENCH_NOW));
    // A CI publish: fresh checkout (empty output) with the build cache restored.
    fs.rmSync(outDir, { recursive: true, force: true });
    const cacheRestoreSeconds = s3 ? restoreSavedCache(cacheDir, archive) : restoreCache(cacheDir);
    log(`Publish: ${description} (${touched})…`);
    const { log: publishLog, ...rest } = await astroBuild(`publish-${name}`, [], ['--timings']);
    const cachedAfter = imageCacheEntries(cacheDir);
    const built = hashSite(outDir);
    const shipped = shippedBy(live, built);
    fs.writeFileSync(path.join(work, `shipped-${name}.txt`), shippedList(live, built));
    live = built;
    let ciPath: CiPath | undefined;
    if (s3) {
      const deploySeconds = await s3.deploySite(outDir);
      const saved = saveCache(cacheDir, archive);
      const steps = { install: installSeconds, restore: cacheRestoreSeconds, build: rest.wallSeconds, deploy: deploySeconds, save: saved.seconds };
      const liveAt = round(steps.install + steps.restore + steps.build + steps.deploy, 2);
      ciPath = { ...steps, packedCacheMB: saved.packedMB, live: liveAt, total: round(liveAt + steps.save, 2) };
    }
    publish[name] = {
      ...rest,
      editedArticle: touched,
      routesRestored: publishLog.routesRestored,
      routesRendered: publishLog.routesRendered,
      pages: publishLog.pages,
      routesSeconds: publishLog.routesSeconds,
      imagesSeconds: publishLog.imagesSeconds,
      imagesEncoded: publishLog.imagesEncoded,
      imagesReused: publishLog.imagesReused,
      newImageCacheEntries: [...cachedAfter].filter((file) => !cachedBefore.has(file)).length,
      ogCards: publishLog.ogCards,
      cacheRestoreSeconds,
      shipped,
      ...(ciPath ? { ciPath } : {}),
    };
    log(`  ${rest.wallSeconds} s wall, ${publishLog.routesRendered} routes rendered, ${publishLog.routesRestored} restored, ${publishLog.imagesEncoded} images encoded`);
    log(`  ships ${shipped.files} files, ${shipped.megabytes} MB (${shipped.added} added, ${shipped.changed} changed, ${shipped.removed} removed)`);
    if (ciPath) log(`  CI path: live after ${ciPath.live} s (install ${ciPath.install}, restore ${ciPath.restore}, build ${ciPath.build}, deploy ${ciPath.deploy}), cache saved ${ciPath.save} s later`);
  }
  await s3?.close();
  const warm = publish['edit-body'] ?? null;

  let profile: ProfileShare[] | null = null;
  if (flags['cpu-prof']) {
    clearForCold();
    const profileDir = path.join(work, 'profile');
    fs.rmSync(profileDir, { recursive: true, force: true });
    log('Profiled cold build (not counted in the figures above)…');
    await astroBuild('profiled', ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    const files = fs.readdirSync(profileDir).map((name) => path.join(profileDir, name));
    const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    if (largest) {
      profile = summariseProfile(largest);
      log(`  profile: ${path.relative(repoRoot, largest)} (open it in Chrome DevTools → Performance)`);
    }
  }

  const result: Result = {
    benchmark: 'broadsheet-build',
    date: new Date().toISOString(),
    machine: {
      cpus: os.availableParallelism(),
      memoryGB: round(os.totalmem() / 1024 ** 3, 1),
      node: process.version,
      astro: astroVersion(),
      platform: `${os.platform()} ${os.release()}`,
    },
    corpus: {
      articles: corpus.articles,
      heroImages: corpus.heroImages,
      authors: corpus.authors,
      topics: corpus.topics,
      typicalSlug: corpus.typicalSlug,
      editSlug: corpus.editSlug,
      imagesEvery,
      seed,
      words: Object.values(corpus.wordCounts).reduce((sum, count) => sum + count, 0),
      generateSeconds,
    },
    cold: {
      runs,
      wallSeconds: median(cold.map((run) => run.wallSeconds)),
      cpuSeconds: median(cold.map((run) => run.cpuSeconds)),
      peakRssMB: median(cold.map((run) => run.peakRssMB)),
      all: cold,
    },
    pages: last.log.pages,
    htmlPages,
    distMB: round(dist.bytes / MB, 1),
    distFiles: dist.files,
    cacheMB: round(cache.bytes / MB, 1),
    cacheFiles: cache.files,
    imagesEncoded: last.log.imagesEncoded,
    search: {
      seconds: last.log.searchIndexSeconds,
      indexMB: search.files > 0 ? round(search.bytes / MB, 2) : null,
      indexFiles: search.files,
    },
    largestListing: heaviestListing,
    firstSearch,
    articlePage,
    warm,
    publish,
    profile,
  };

  writeResult(result);
  if (!jsonOnly) printTable(result);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (!flags.keep) fs.rmSync(work, { recursive: true, force: true });
}

/**
 * What readers search for: a word every article uses, a tag no article's
 * text uses, the same word narrowed by topic and the oldest whole year, and a word
 * in no article (which searches the whole archive before it says so).
 */
function readerQueries(): SearchQuery[] {
  const oldestYear = new Date(BENCH_NOW).getUTCFullYear() - YEARS_BACK + 1;
  return [
    { label: 'common word', query: '?q=council' },
    { label: 'tag name', query: '?q=inflation' },
    { label: 'narrowed by topic and year', query: `?q=council&topic=Politics&year=${oldestYear}` },
    { label: 'word in no article', query: '?q=incunabula' },
  ];
}

/** Appends to the day's result file for this corpus size. */
function writeResult(result: Result) {
  const file = appendResult(path.resolve(repoRoot, flags.results), `${result.date.slice(0, 10)}-${result.corpus.articles}`, result);
  log(`Result appended to ${path.relative(repoRoot, file)}`);
}

function printTable(result: Result) {
  const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
  const s = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value} s`);
  const stepsSummary = (steps: Record<string, number> | undefined) =>
    Object.entries(steps ?? {})
      .filter(([, value]) => value >= 0.1)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ') || '—';
  const ogSummary = (cards: LogFigures['ogCards']) => (cards ? `${cards.drawn} drawn / ${cards.reused} reused in ${s(cards.seconds)}` : '—');
  const { cold, publish, articlePage: page } = result;
  const phases = cold.all.at(-1)!.phases;
  const rows: [string, string][] = [
    ['Articles', `${result.corpus.articles} (${result.corpus.heroImages} with hero images, ${result.corpus.words} words)`],
    [`Cold build, wall (median of ${cold.runs})`, `${s(cold.wallSeconds)}  [${cold.all.map((run) => run.wallSeconds).join(', ')}]`],
    ['Cold build, CPU user+sys', `${s(cold.cpuSeconds)}  [${cold.all.map((run) => `${run.userSeconds}+${run.systemSeconds}`).join(', ')}]`],
    ['Peak RSS, process tree', `${cold.peakRssMB} MB`],
    ...Object.entries(phases).map(([name, value]): [string, string] => [`  Astro phase: ${name}`, s(value)]),
    ['  Rendering routes', s(cold.all.at(-1)!.log.routesSeconds)],
    ['  Optimising images', `${s(cold.all.at(-1)!.log.imagesSeconds)} (${result.imagesEncoded} variants)`],
    ['  Drawing OG cards', ogSummary(cold.all.at(-1)!.log.ogCards)],
    ['Pages listed (by the routes / HTML files)', `${result.pages ?? '—'} / ${result.htmlPages}`],
    ['dist/', `${result.distMB} MB in ${result.distFiles} files`],
    ['Build cache', `${result.cacheMB} MB in ${result.cacheFiles} files`],
    ['Search index', `${result.search.indexMB === null ? 'none' : `${result.search.indexMB} MB in ${result.search.indexFiles} files`}, ${s(result.search.seconds)}`],
    ['Heaviest listing page', `${result.largestListing.page}: ${result.largestListing.kilobytes} KB of HTML`],
    ...result.firstSearch.map((found): [string, string] => [
      `First search: ${found.label}`,
      `first result after ${found.firstResultMs} ms (${found.afterPageMs} ms after the page); ${found.searchKilobytes} KB of index in ${found.searchRequests} requests (${found.kilobytes} KB in ${found.requests} with the page)`,
    ]),
    [`Article page /${page.page}/`, `${kb(page.totalBytes)} (gzip ${kb(page.totalGzipBytes)})`],
    ['  HTML / CSS / JS', `${kb(page.htmlBytes)} / ${kb(page.cssBytes)} / ${kb(page.jsBytes)}`],
  ];
  for (const [name, figures] of Object.entries(publish)) {
    rows.push(
      [`Publish: ${name}`, `${s(figures.wallSeconds)} wall, ${s(figures.cpuSeconds)} CPU, ${figures.peakRssMB} MB`],
      ['  Routes rendered / restored', `${figures.routesRendered} / ${figures.routesRestored} in ${s(figures.routesSeconds)}`],
      ['  Images encoded / reused', `${figures.imagesEncoded} / ${figures.imagesReused} (${figures.newImageCacheEntries} new cache files)`],
      ['  OG cards', ogSummary(figures.ogCards)],
      ['  Steps over 0.1 s (astro build --timings)', stepsSummary(figures.steps)],
      ['  Cache restored before the build (not counted)', s(figures.cacheRestoreSeconds)],
      ['  Ships to the host', `${figures.shipped.files} files, ${figures.shipped.megabytes} MB (${figures.shipped.added} added, ${figures.shipped.changed} changed, ${figures.shipped.removed} removed)`],
      ['    by folder', Object.entries(figures.shipped.byFolder).map(([folder, count]) => `${folder} ${count}`).join(', ')],
    );
    const ci = figures.ciPath;
    if (ci) {
      rows.push(
        ['  CI path: live after', `${s(ci.live)} (npm ci ${s(ci.install)}, cache restore ${s(ci.restore)}, build ${s(ci.build)}, deploy to S3 ${s(ci.deploy)})`],
        ['  CI path: cache saved after the deploy', `${s(ci.save)} (${ci.packedCacheMB} MB packed); whole run ${s(ci.total)}`],
      );
    }
  }
  for (const share of result.profile ?? []) rows.push([`  CPU profile: ${share.where}`, `${s(share.seconds)} (${share.percent} %)`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stderr.write(`\n${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
