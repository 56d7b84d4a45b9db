/**
 * WordPress import benchmark: writes a seeded synthetic export (block-editor
 * and classic posts of 300–1,200 words, nested categories, tags, authors,
 * co-authors, every status, some pages; no media) and times
 * `npm run import:wordpress` on it as a child process, into an empty
 * content folder, with its wall time, CPU and peak memory.
 *
 *   npm run bench:import -- --posts 10000
 *   npm run bench:import -- --posts 10000 --keep      leaves the export and the content folder for a look
 *
 * Goal at 10,000 posts: at most 60 s and under 1 GB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom, type Random } from '../src/lib/random.ts';
import { runMeasured } from './measure.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const GOAL_SECONDS = 60;
const GOAL_BYTES = 1024 * MB;
const SITE = 'https://estuary-bench.example';

const { values: flags } = parseArgs({
  options: { posts: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } },
  strict: true,
});
const posts = Number(flags.posts);
if (!Number.isInteger(posts) || posts < 1) throw new Error(`--posts must be a whole number above 0, got "${flags.posts}"`);

const WORDS = (
  'harbour ferry council tide quay pontoon mooring crew lifeboat estuary channel dredging festival band rowing club notice ' +
  'weather storm sea wall repair budget vote meeting residents fishing fleet market schedule island point breakwater lighthouse ' +
  'pilot cargo container survey contract harbourmaster season summer winter spring autumn evening morning weekend volunteers ' +
  'station timetable passengers route fares shipping repairs engineers report plan works closure opening record visitors'
).split(' ');
const FIRST = ['Ana', 'Bo', 'Cato', 'Dara', 'Eli', 'Fen', 'Gus', 'Hale', 'Ida', 'Jon', 'Kit', 'Lor', 'Mae', 'Ned', 'Ola'];
const LAST = ['Reed', 'Quinlan', 'Varga', 'Ekberg', 'Moss', 'Pryce', 'Lund', 'Carver', 'Hobbs', 'Shaw'];
const CATEGORIES: [string, string, string][] = [
  ['news', 'News', ''], ['harbour', 'Harbour', 'news'], ['council', 'Council', 'news'], ['ferries', 'Ferries', 'harbour'],
  ['culture', 'Culture', ''], ['music', 'Music', 'culture'], ['sport', 'Sport', ''], ['rowing', 'Rowing', 'sport'],
  ['weather', 'Weather', ''], ['business', 'Business', ''], ['opinion', 'Opinion', ''], ['letters', 'Letters', 'opinion'],
];
const TAG_COUNT = 300;
const AUTHOR_COUNT = 25;

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const pad = (value: number) => String(value).padStart(2, '0');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(random: Random): string {
  return `${capitalise(Array.from({ length: random.int(8, 22) }, () => random.pick(WORDS)).join(' '))}.`;
}

function paragraph(random: Random): string {
  return Array.from({ length: random.int(2, 5) }, () => sentence(random)).join(' ');
}

/** A body of 300–1,200 words, in the block editor's markup or the classic editor's. */
function body(random: Random, id: number): string {
  const blocks = random.next() < 0.7;
  const parts: string[] = [];
  const target = random.int(300, 1200);
  let words = 0;
  while (words < target) {
    const text = paragraph(random);
    words += text.split(' ').length;
    const kind = random.next();
    if (kind < 0.08) parts.push(blocks ? `<!-- wp:heading -->\n<h2 class="wp-block-heading">${capitalise(random.pick(WORDS))} ${random.pick(WORDS)}</h2>\n<!-- /wp:heading -->` : `<h2>${capitalise(random.pick(WORDS))} ${random.pick(WORDS)}</h2>`);
    else if (kind < 0.12) parts.push(`<ul>${Array.from({ length: 3 }, () => `<li>${sentence(random)}</li>`).join('')}</ul>`);
    else if (kind < 0.15) parts.push(`<blockquote class="wp-block-quote"><p>${sentence(random)}</p><cite>${random.pick(FIRST)} ${random.pick(LAST)}</cite></blockquote>`);
    else if (kind < 0.16) parts.push(`<figure class="wp-block-table"><table><tbody><tr><td>${random.pick(WORDS)}</td><td>${random.int(1, 99)}</td></tr><tr><td>${random.pick(WORDS)}</td><td>${random.int(1, 99)}</td></tr></tbody></table></figure>`);
    else if (kind < 0.17) parts.push(blocks ? `<!-- wp:embed {"url":"https://www.youtube.com/watch?v=Bench${pad(id % 97)}xyz0"} -->\n<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=Bench${pad(id % 97)}xyz0\n</div></figure>\n<!-- /wp:embed -->` : `https://youtu.be/Bench${pad(id % 97)}xyz0`);
    const linked = id > 1 && random.next() < 0.2 ? ` See <a href="${SITE}/?p=${random.int(1, id - 1)}">an earlier story</a>.` : '';
    parts.push(blocks ? `<!-- wp:paragraph -->\n<p>${text}${linked}</p>\n<!-- /wp:paragraph -->` : `${text.replace(/\. /, '.\n')}${linked}`);
  }
  return parts.join('\n\n');
}

function channel(random: Random): string {
  const authors = Array.from({ length: AUTHOR_COUNT }, (_, index) => {
    const name = `${FIRST[index % FIRST.length]} ${LAST[(index * 7) % LAST.length]}`;
    return `<wp:author><wp:author_id>${index + 1}</wp:author_id><wp:author_login>${cdata(`writer${index + 1}`)}</wp:author_login><wp:author_display_name>${cdata(name)}</wp:author_display_name></wp:author>`;
  });
  const categories = CATEGORIES.map(([nicename, name, parent], index) => `<wp:category><wp:term_id>${index + 2}</wp:term_id><wp:category_nicename>${cdata(nicename)}</wp:category_nicename><wp:category_parent>${cdata(parent)}</wp:category_parent><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>`);
  const tags = Array.from({ length: TAG_COUNT }, (_, index) => `<wp:tag><wp:term_id>${100 + index}</wp:term_id><wp:tag_slug>${cdata(`topic-${index}`)}</wp:tag_slug><wp:tag_name>${cdata(`${random.pick(WORDS)} ${index}`)}</wp:tag_name></wp:tag>`);
  return [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
    '<channel>',
    '<title>Estuary Bench</title>',
    `<link>${SITE}</link>`,
    '<description>A synthetic export</description>',
    '<wp:wxr_version>1.2</wp:wxr_version>',
    `<wp:base_site_url>${SITE}</wp:base_site_url>`,
    `<wp:base_blog_url>${SITE}</wp:base_blog_url>`,
    ...authors,
    ...categories,
    ...tags,
    '<generator>https://wordpress.org/?v=6.5.2</generator>',
  ].join('\n');
}

function item(random: Random, id: number): string {
  const date = new Date(Date.UTC(2014, 0, 1) + random.int(0, 10 * 365) * 86_400_000 + random.int(0, 86_399) * 1000);
  const gmt = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const roll = random.next();
  const type = roll < 0.01 ? 'page' : 'post';
  const status = roll < 0.9 ? 'publish' : roll < 0.95 ? 'draft' : roll < 0.97 ? 'pending' : roll < 0.99 ? 'private' : 'trash';
  const title = capitalise(Array.from({ length: random.int(4, 11) }, () => random.pick(WORDS)).join(' '));
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id}`;
  const [year, month] = gmt.split('-');
  const categories = random.sample(CATEGORIES, random.int(1, 2)).map(([nicename, name]) => `<category domain="category" nicename="${nicename}">${cdata(name)}</category>`);
  const tags = Array.from({ length: random.int(0, 5) }, () => random.int(0, TAG_COUNT - 1)).map((tag) => `<category domain="post_tag" nicename="topic-${tag}">${cdata(`tag ${tag}`)}</category>`);
  const coAuthor = random.next() < 0.1 ? [`<category domain="author" nicename="cap-writer${random.int(1, AUTHOR_COUNT)}">${cdata(`writer${random.int(1, AUTHOR_COUNT)}`)}</category>`] : [];
  return [
    '<item>',
    `<title>${cdata(title)}</title>`,
    `<link>${SITE}/${year}/${month}/${slug}/</link>`,
    `<dc:creator>${cdata(`writer${random.int(1, AUTHOR_COUNT)}`)}</dc:creator>`,
    `<content:encoded>${cdata(body(random, id))}</content:encoded>`,
    `<excerpt:encoded>${cdata(random.next() < 0.3 ? sentence(random) : '')}</excerpt:encoded>`,
    `<wp:post_id>${id}</wp:post_id>`,
    `<wp:post_date>${cdata(gmt)}</wp:post_date>`,
    `<wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt>`,
    `<wp:post_modified>${cdata(gmt)}</wp:post_modified>`,
    `<wp:post_modified_gmt>${cdata(gmt)}</wp:post_modified_gmt>`,
    `<wp:post_name>${cdata(slug)}</wp:post_name>`,
    `<wp:status>${cdata(status)}</wp:status>`,
    `<wp:post_type>${cdata(type)}</wp:post_type>`,
    '<wp:post_password><![CDATA[]]></wp:post_password>',
    `<wp:is_sticky>${random.next() < 0.002 ? 1 : 0}</wp:is_sticky>`,
    ...categories,
    ...tags,
    ...coAuthor,
    '</item>',
  ].join('\n');
}

/** Writes the export a post at a time, as WordPress does. */
function writeExport(file: string, count: number, seed: number): void {
  const random = createRandom(seed);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${channel(random)}\n`);
  for (let id = 1; id <= count; id += 1) fs.writeSync(fd, `${item(random, id)}\n`);
  fs.writeSync(fd, '</channel>\n</rss>\n');
  fs.closeSync(fd);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wordpress-bench-'));
const exportFile = path.join(work, 'export.xml');
const contentDir = path.join(work, 'content');
const startedWriting = performance.now();
writeExport(exportFile, posts, Number(flags.seed));
const exportBytes = fs.statSync(exportFile).size;
console.log(`Export: ${posts.toLocaleString('en-GB')} posts, ${(exportBytes / MB).toFixed(1)} MB, written in ${((performance.now() - startedWriting) / 1000).toFixed(1)} s (${exportFile})`);

const measured = await runMeasured(path.join(repoRoot, 'node_modules/.bin/node'), ['scripts/import-wordpress.ts', exportFile, '--content', contentDir], {
  cwd: repoRoot,
  env: { ...process.env, BROADSHEET_NOW: '2026-11-01T00:00:00Z' },
});
if (measured.exitCode !== 0) {
  console.error(measured.output);
  throw new Error(`The import exited with ${measured.exitCode}`);
}
const articles = fs.readdirSync(path.join(contentDir, 'articles')).reduce((sum, year) => sum + fs.readdirSync(path.join(contentDir, 'articles', year)).length, 0);
const redirectsFile = path.join(contentDir, 'redirects.yml');
const seconds = measured.wallSeconds;
const peak = measured.peakTreeRssBytes;
console.log(`Import: ${articles.toLocaleString('en-GB')} articles written in ${seconds.toFixed(1)} s wall, ${(measured.userSeconds + measured.systemSeconds).toFixed(1)} s CPU, peak RSS ${(peak / MB).toFixed(0)} MB`);
console.log(`redirects.yml: ${(fs.statSync(redirectsFile).size / MB).toFixed(1)} MB`);
console.log(`Goal (≤ ${GOAL_SECONDS} s, < ${GOAL_BYTES / MB} MB): ${seconds <= GOAL_SECONDS && peak < GOAL_BYTES ? 'met' : 'missed'}`);
if (flags.keep) console.log(`Kept: ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
