/**
 * Astro's own floor: what the installed Astro needs, on this machine, to
 * build a site of near-empty pages with `experimental.incrementalBuild` and
 * the site's own `build` options, so that the site's figures can be read
 * against it. One route, N pages, each a heading and a paragraph in a small
 * layout with a `cacheKey`:
 *
 *   cold         no output, no cache: every page rendered and cached;
 *   unchanged    fresh output folder, cache kept: Astro copies every page back;
 *   in place     last output kept: Astro finds every page already there;
 *   all changed  every key changes: every page rendered again (what a
 *                change shown on every page costs, such as the tagline).
 *
 * Each step checks its output, not Astro's log: every page names the build
 * that rendered it (which its cache key leaves out), so a page Astro kept
 * still names an earlier build; a page found in place is the same file, with
 * the same time, as before the build.
 *
 *   npm run bench:floor -- --pages 1500,15000
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runMeasured } from './measure.ts';
import { round } from './inspect.ts';
import { appendResult } from './results-file.ts';
import siteConfig from '../astro.config.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: flags } = parseArgs({
  options: {
    pages: { type: 'string', default: '1500,15000' },
    'json-only': { type: 'boolean', default: false },
    results: { type: 'string', default: 'bench/results' },
  },
  strict: true,
});

const counts = flags.pages.split(',').map((item) => {
  const count = Number(item);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--pages takes whole numbers above 0, separated by commas; got "${item}"`);
  return count;
});

const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({
  cacheDir: './cache',
  build: ${JSON.stringify(siteConfig.build ?? {})},
  experimental: { incrementalBuild: true },
  // "in place" keeps the last output, as the site's build does with its links.
  vite: { build: { emptyOutDir: process.env.FLOOR_KEEP_OUTPUT !== '1' } },
});
`;

const LAYOUT = `---
interface Props { title: string }
const { title } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8" /><title>{title} | Floor</title></head>
<body><header><a href="/">Floor</a><nav><a href="/a/">A</a> <a href="/b/">B</a></nav></header><main><slot /></main><footer>Footer</footer></body></html>
`;

const PAGE = `---
import Layout from '../Layout.astro';
export function getStaticPaths() {
  const version = process.env.FLOOR_VERSION ?? '1';
  return Array.from({ length: Number(process.env.FLOOR_PAGES) }, (_, i) => ({ params: { n: \`p\${i}\` }, props: { i }, cacheKey: \`\${i}:\${version}\` }));
}
const { i } = Astro.props;
const build = process.env.FLOOR_BUILD;
---
<Layout title={\`Page \${i}\`}><h1>Page {i}</h1><p>A line of text for page {i}.</p><p data-build={build}></p></Layout>
`;

interface Step {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMB: number;
}

/** A throwaway Astro project that uses this repository's packages. */
function makeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "astro-floor", "private": true, "type": "module" }\n');
  fs.writeFileSync(path.join(dir, 'astro.config.mjs'), CONFIG);
  fs.writeFileSync(path.join(dir, 'src', 'Layout.astro'), LAYOUT);
  fs.writeFileSync(path.join(dir, 'src', 'pages', '[n].astro'), PAGE);
}

/** What a step must leave: each page rendered by this build (`render`), copied from Astro's cache (`copy`), or left where it was (`keep`). */
type Expect = 'render' | 'copy' | 'keep';

/** Names the build that rendered each page: a step's number. */
let buildNumber = 0;
/** The build that rendered the pages the cache holds. */
let cachedBuild = 0;

/** Each page file in `output`, with its inode and time: a page left in place keeps both. */
function pageFiles(output: string): Map<string, string> {
  const files = fs.existsSync(output) ? fs.readdirSync(output, { recursive: true }).map(String) : [];
  return new Map(
    files
      .filter((file) => /^p\d+[/\\]index\.html$/.test(file))
      .map((file) => {
        const stat = fs.statSync(path.join(output, file), { bigint: true });
        return [file, `${stat.ino}:${stat.mtimeNs}`];
      }),
  );
}

/** Fails unless the output holds `pages` pages, each as `expected` says; `before` is the output's pages before the build. */
function checkOutput(output: string, pages: number, expected: Expect, build: number, before: Map<string, string>): void {
  const after = pageFiles(output);
  if (after.size !== pages) throw new Error(`The floor build wrote ${after.size} pages, not ${pages}`);
  const wanted = expected === 'render' ? build : cachedBuild;
  for (const [file, stamp] of after) {
    const by = Number(/data-build="(\d+)"/.exec(fs.readFileSync(path.join(output, file), 'utf8'))?.[1]);
    const untouched = before.get(file) === stamp;
    if (by !== wanted || untouched !== (expected === 'keep')) {
      throw new Error(`The floor build left ${file} rendered by build ${by}${untouched ? ', untouched' : ''}; expected it to ${expected} (build ${wanted})`);
    }
  }
  if (expected === 'render') cachedBuild = build;
}

async function build(dir: string, pages: number, expected: Expect, env: Record<string, string> = {}): Promise<Step> {
  const astro = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  buildNumber += 1;
  const output = path.join(dir, 'dist');
  const before = pageFiles(output);
  const measured = await runMeasured(process.execPath, [astro, 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FLOOR_PAGES: String(pages), FLOOR_BUILD: String(buildNumber), ...env },
  });
  const tail = measured.output.split('\n').slice(-30).join('\n');
  if (measured.exitCode !== 0) throw new Error(`The floor build of ${pages} pages failed:\n${tail}`);
  checkOutput(output, pages, expected, buildNumber, before);
  return {
    wallSeconds: round(measured.wallSeconds, 2),
    cpuSeconds: round(measured.userSeconds + measured.systemSeconds, 2),
    peakRssMB: Math.round(measured.peakTreeRssBytes / (1024 * 1024)),
  };
}

const results: Record<string, Record<string, Step>> = {};
for (const pages of counts) {
  const dir = path.join(repoRoot, 'bench', '.corpus', `floor-${pages}`);
  makeProject(dir);
  const output = path.join(dir, 'dist');
  const steps: Record<string, Step> = {};
  steps['cold'] = await build(dir, pages, 'render');
  fs.rmSync(output, { recursive: true, force: true });
  steps['unchanged'] = await build(dir, pages, 'copy');
  steps['in place'] = await build(dir, pages, 'keep', { FLOOR_KEEP_OUTPUT: '1' });
  fs.rmSync(output, { recursive: true, force: true });
  steps['all changed'] = await build(dir, pages, 'render', { FLOOR_VERSION: '2' });
  results[pages] = steps;
  fs.rmSync(dir, { recursive: true, force: true });
  if (!flags['json-only']) {
    for (const [name, step] of Object.entries(steps)) {
      process.stderr.write(`${String(pages).padStart(6)} pages, ${name.padEnd(12)} ${String(step.wallSeconds).padStart(7)} s wall ${String(step.cpuSeconds).padStart(7)} s CPU ${String(step.peakRssMB).padStart(5)} MB\n`);
    }
  }
}
const result = { benchmark: 'astro-floor', date: new Date().toISOString(), build: siteConfig.build ?? {}, results };
const file = appendResult(path.resolve(repoRoot, flags.results), `${result.date.slice(0, 10)}-floor`, result);
if (!flags['json-only']) process.stderr.write(`Result appended to ${path.relative(repoRoot, file)}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
