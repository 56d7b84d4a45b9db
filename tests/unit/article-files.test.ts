import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFolder, findArticleFolder, listArticleFolders, listArticleYears } from '../../src/content/article-files.ts';

const content = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-article-files-'));
afterAll(() => fs.rmSync(content, { recursive: true, force: true }));
for (const [year, slug] of [['2025', 'old-story'], ['2026', 'b-story'], ['2026', 'a-story'], ['2027', 'scheduled']]) {
  fs.mkdirSync(articleFolder(content, year!, slug!), { recursive: true });
}
fs.mkdirSync(path.join(content, 'articles', 'not-a-year'));

describe('article files', () => {
  it('files an article under its year', () => {
    expect(articleFolder('/c', 2026, 'x')).toBe(path.join('/c', 'articles', '2026', 'x'));
  });
  it('lists every article folder year by year, skipping what is not a year', () => {
    expect(listArticleFolders(content).map((folder) => `${folder.year}/${folder.slug}`)).toEqual(['2025/old-story', '2026/a-story', '2026/b-story', '2027/scheduled']);
  });
  it('finds an article by slug in any year, and says so when it is not there', () => {
    expect(findArticleFolder(content, 'old-story')).toBe(articleFolder(content, 2025, 'old-story'));
    expect(() => findArticleFolder(content, 'missing')).toThrow(/no article "missing"/);
  });
  it('lists the current year first, whether or not it has articles, then the rest newest first', () => {
    expect(listArticleYears(content, 2026)).toEqual(['2026', '2027', '2025']);
    expect(listArticleYears(content, 2028)).toEqual(['2028', '2027', '2026', '2025']);
    expect(listArticleYears(path.join(content, 'nowhere'), 2026)).toEqual(['2026']);
  });
});
