/**
 * Last-modified times of article URLs, read straight from frontmatter, for
 * the sitemap integration (which runs outside the content collections).
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

export function articleLastModified(contentDir: string): Map<string, Date> {
  const dir = path.join(contentDir, 'articles');
  const result = new Map<string, Date>();
  if (!fs.existsSync(dir)) return result;
  for (const slug of fs.readdirSync(dir)) {
    const file = ['index.md', 'index.mdx'].map((name) => path.join(dir, slug, name)).find((candidate) => fs.existsSync(candidate));
    if (!file) continue;
    const match = FRONTMATTER.exec(fs.readFileSync(file, 'utf8'));
    if (!match) continue;
    let data: { publishedAt?: unknown; updatedAt?: unknown } | null;
    try {
      data = yaml.load(match[1] ?? '') as typeof data;
    } catch {
      // Broken YAML is reported, with file and line, by the content validator.
      continue;
    }
    const dates = [data?.publishedAt, data?.updatedAt]
      .map((value) => (value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined))
      .filter((date): date is Date => date !== undefined && !Number.isNaN(date.getTime()));
    if (dates.length) result.set(`/articles/${slug}/`, new Date(Math.max(...dates.map((date) => date.getTime()))));
  }
  return result;
}
