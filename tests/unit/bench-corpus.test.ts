import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/random.ts';
import {
  articleBody,
  AUTHOR_COUNT,
  countWords,
  editArticleBody,
  generateCorpus,
  MAX_WORDS,
  MIN_WORDS,
  TOPIC_COUNT,
  uniqueCopy,
  type CorpusOptions,
  type CorpusSummary,
} from '../../bench/corpus.ts';
import { validateContent } from '../../src/content/validate.ts';
import { findArticleFolder, listArticleFolders } from '../../src/content/article-files.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-corpus-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const NOW = new Date('2026-11-01T00:00:00Z');
const options = (name: string, overrides: Partial<CorpusOptions> = {}): CorpusOptions => ({
  dir: path.join(scratch, name),
  articles: 8,
  imagesEvery: 4,
  seed: 7,
  now: NOW,
  ...overrides,
});

/** Every file under `dir` with a hash of its bytes, in a stable order. */
function fingerprint(dir: string): Record<string, string> {
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  return Object.fromEntries(files.map((file) => [file, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')]));
}

function bodyOf(dir: string, slug: string): string {
  const text = fs.readFileSync(path.join(findArticleFolder(dir, slug), 'index.md'), 'utf8');
  return text.slice(text.indexOf('\n---\n', 4) + 5);
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('articleBody', () => {
  it('has exactly the requested number of words, with headings, lists, quotes and links', () => {
    const random = createRandom(3);
    const bodies: string[] = [];
    for (let target = MIN_WORDS; target <= MAX_WORDS; target += 10) {
      const body = articleBody(random, target, ['older-story-00001']);
      expect(countWords(body)).toBe(target);
      expect(body).toMatch(/^## \w/m);
      bodies.push(body);
    }
    const all = bodies.join('\n\n');
    expect(all).toMatch(/^- \w/m);
    expect(all).toMatch(/^> \w/m);
    expect(all).toMatch(/\]\(https:\/\/example\.org\//);
    expect(all).toMatch(/\]\(\/articles\/older-story-00001\/\)/);
  });
});

describe('generateCorpus', () => {
  it('writes the same bytes, images included, for the same options', { timeout: 60_000 }, async () => {
    await generateCorpus(options('a'));
    await generateCorpus(options('b'));
    const a = fingerprint(path.join(scratch, 'a'));
    expect(Object.keys(a).some((file) => file.endsWith('hero.jpg'))).toBe(true);
    expect(a).toEqual(fingerprint(path.join(scratch, 'b')));
  });

  it('writes different articles for another seed', { timeout: 60_000 }, async () => {
    const articlesOf = async (seed: number) => {
      await generateCorpus(options(`seed-${seed}`, { seed, imagesEvery: 0 }));
      return Object.entries(fingerprint(path.join(scratch, `seed-${seed}`))).filter(([file]) => file.endsWith('.md'));
    };
    expect(await articlesOf(8)).not.toEqual(await articlesOf(7));
  });
});

describe('a generated corpus of 40 articles', () => {
  const dir = path.join(scratch, 'valid');
  let summary: CorpusSummary;
  beforeAll(async () => {
    summary = await generateCorpus(options('valid', { articles: 40, imagesEvery: 10 }));
  }, 60_000);

  it('passes the site validator: ids exist, dates are ISO 8601 with Z, images have alt text', () => {
    const { problems, articleCount } = validateContent(dir);
    expect(problems).toEqual([]);
    expect(articleCount).toBe(40);
    expect(summary.heroImages).toBe(4);
    expect(fs.readdirSync(path.join(dir, 'authors')).filter((name) => name.endsWith('.yml'))).toHaveLength(AUTHOR_COUNT);
    expect(fs.readdirSync(path.join(dir, 'topics'))).toHaveLength(TOPIC_COUNT);
    expect(fs.readFileSync(path.join(dir, 'settings.yml'), 'utf8')).toMatch(/^navigation: \[politics, world, /m);
  });

  it('gives every article 800–1,200 words, as its summary says', () => {
    const slugs = listArticleFolders(dir).map((folder) => folder.slug);
    const counts = Object.fromEntries(slugs.map((slug) => [slug, countWords(bodyOf(dir, slug))]));
    expect(counts).toEqual(summary.wordCounts);
    expect(Object.values(counts).every((count) => count >= MIN_WORDS && count <= MAX_WORDS)).toBe(true);
  });

  it('spreads publication over the five years before "now", nothing scheduled', () => {
    const folders = listArticleFolders(dir);
    const dates = folders.map(({ dir: folder }) => /^publishedAt: (\S+)$/m.exec(fs.readFileSync(path.join(folder, 'index.md'), 'utf8'))![1]!);
    // Each article is filed under the year it was published.
    expect(folders.map((folder) => folder.year)).toEqual(dates.map((date) => date.slice(0, 4)));
    expect(dates.every((date) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(date))).toBe(true);
    const times = dates.map((date) => Date.parse(date));
    const fiveYears = 5 * 365 * 24 * 3600 * 1000;
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - fiveYears - 3600_000);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(fiveYears * 0.8);
  });

  it('gives each hero its own file content', () => {
    const heroes = Object.entries(fingerprint(dir)).filter(([file]) => file.endsWith('hero.jpg'));
    expect(heroes).toHaveLength(4);
    expect(new Set(heroes.map(([, hash]) => hash)).size).toBe(4);
  });

  it('edits one article body and leaves its frontmatter alone', () => {
    const slug = summary.editSlug;
    const file = path.join(findArticleFolder(dir, slug), 'index.md');
    const before = fs.readFileSync(file, 'utf8');
    editArticleBody(dir, slug);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(after.split('\n---\n')[0]).toBe(before.split('\n---\n')[0]);
  });
});

describe('uniqueCopy', () => {
  it('changes the bytes but not the picture', async () => {
    const base = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const copy = uniqueCopy(base, 'some-article-00001');
    expect(copy.equals(base)).toBe(false);
    const [pixelsA, pixelsB] = await Promise.all([sharp(base).raw().toBuffer(), sharp(copy).raw().toBuffer()]);
    expect(pixelsB.equals(pixelsA)).toBe(true);
  });
});
