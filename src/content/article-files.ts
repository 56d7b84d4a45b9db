/**
 * Where article files live: `articles/<year>/<slug>/index.md(x)`. The year
 * folder files an article by the year it was first published; the slug alone
 * makes its URL. The validator, the CMS's admin page and the tools that write
 * or find articles (the benchmark, the sample art, tests) use it; pages read
 * articles through the collections (`src/content.config.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ArticleFolder {
  year: string;
  slug: string;
  dir: string;
}

/** A year folder under `articles/`: four digits. */
export const YEAR_FOLDER = /^\d{4}$/;

/** The folder an article published in `year` is filed in. */
export function articleFolder(contentDir: string, year: number | string, slug: string): string {
  return path.join(contentDir, 'articles', String(year), slug);
}

/**
 * The years articles are filed under: `thisYear` first (where new ones go, and
 * the list the CMS opens on), then the others newest first.
 */
export function listArticleYears(contentDir: string, thisYear: number): string[] {
  const root = path.join(contentDir, 'articles');
  const current = String(thisYear);
  const others = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => YEAR_FOLDER.test(name) && name !== current) : [];
  return [current, ...others.sort().reverse()];
}

/** Every article folder, year by year, each year's slugs in name order. */
export function listArticleFolders(contentDir: string): ArticleFolder[] {
  const root = path.join(contentDir, 'articles');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((year) => YEAR_FOLDER.test(year))
    .sort()
    .flatMap((year) =>
      fs
        .readdirSync(path.join(root, year), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
        .map((slug) => ({ year, slug, dir: path.join(root, year, slug) })),
    );
}

/** The folder of the article with this slug, in whichever year it is filed. */
export function findArticleFolder(contentDir: string, slug: string): string {
  const found = listArticleFolders(contentDir).find((folder) => folder.slug === slug);
  if (!found) throw new Error(`no article "${slug}" under ${path.join(contentDir, 'articles')}`);
  return found.dir;
}
