import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { repoRoot, SAMPLE_NOW } from './paths.ts';
import { listArticleFolders } from '../../src/content/article-files.ts';

export interface SampleArticle {
  slug: string;
  title: string;
  authors: string[];
  topics: string[];
  tags: string[];
  publishedAt: Date;
  draft: boolean;
  hasImage: boolean;
  /** The hero image's file, when there is one. */
  imageFile: string | undefined;
  published: boolean;
  /** `news` unless the frontmatter names another format. */
  format: string;
}

/** Reads the sample content's frontmatter directly, independently of the site's own code. */
export function readSampleArticles(contentDir = path.join(repoRoot, 'content')): SampleArticle[] {
  const now = new Date(SAMPLE_NOW);
  return listArticleFolders(contentDir).map(({ slug, dir }) => {
    const file = ['index.md', 'index.mdx'].map((name) => path.join(dir, name)).find((f) => fs.existsSync(f))!;
    const text = fs.readFileSync(file, 'utf8');
    const data = yaml.load(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
    const publishedAt = new Date(data['publishedAt'] as string | Date);
    const draft = data['draft'] === true;
    return {
      slug,
      title: String(data['title']),
      authors: data['authors'] as string[],
      topics: data['topics'] as string[],
      tags: (data['tags'] as string[] | undefined) ?? [],
      publishedAt,
      draft,
      hasImage: Boolean(data['image']),
      imageFile: data['image'] ? path.resolve(dir, (data['image'] as { src: string }).src) : undefined,
      published: !draft && publishedAt <= now,
      format: typeof data['format'] === 'string' ? data['format'] : 'news',
    };
  });
}

export function readYamlIds(folder: 'authors' | 'topics', contentDir = path.join(repoRoot, 'content')): string[] {
  return fs
    .readdirSync(path.join(contentDir, folder))
    .filter((name) => name.endsWith('.yml'))
    .map((name) => name.replace(/\.yml$/, ''));
}
