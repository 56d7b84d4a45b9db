import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldImages } from '../../src/lib/held-images.ts';
import type { CheckedArticle } from '../../src/content/validate.ts';
import { byVisibility } from '../../src/lib/publish.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
/** Each article folder holds its text and a hero; the draft's body also shows a chart. */
const beside = (file: string) => (file.includes('/draft/') ? [file.replace('index.md', 'hero.jpg'), file.replace('index.md', 'chart.png')] : [file.replace('index.md', 'hero.jpg')]);

function article(slug: string, fields: { image?: string; draft?: boolean; publishedAt?: string }): CheckedArticle {
  const dir = `/content/articles/2026/${slug}`;
  return {
    file: `${dir}/index.md`,
    slug,
    data: { draft: fields.draft ?? false, publishedAt: new Date(fields.publishedAt ?? '2026-05-01T00:00:00Z') },
    heroFile: fields.image ? path.resolve(dir, fields.image) : undefined,
  } as unknown as CheckedArticle;
}

/** The files `heldImages` holds among `articles`, split by the publish rule as the content check splits them. */
function held(articles: CheckedArticle[], now: Date, showUnpublished: boolean, besideFiles: (file: string) => string[]): string[] {
  const { shown, hidden } = byVisibility(articles, now, showUnpublished);
  return heldImages(shown, hidden, besideFiles);
}

describe('heldImages', () => {
  it('holds the heroes and other files of drafts and scheduled articles, as absolute paths', () => {
    const result = held(
      [article('out', { image: './hero.jpg' }), article('draft', { image: './hero.jpg', draft: true }), article('later', { image: './hero.webp', publishedAt: '2026-07-01T00:00:00Z' })],
      NOW,
      false,
      beside,
    );
    expect(result.sort()).toEqual([
      '/content/articles/2026/draft/chart.png',
      '/content/articles/2026/draft/hero.jpg',
      '/content/articles/2026/later/hero.jpg',
      '/content/articles/2026/later/hero.webp',
    ]);
  });

  it('does not hold an image a published article shows too', () => {
    const shared = '../shared/photo.jpg';
    expect(held([article('draft', { image: shared, draft: true }), article('out', { image: shared })], NOW, false, () => [])).toEqual([]);
  });

  it('holds nothing in a preview build, which shows every article', () => {
    expect(held([article('draft', { image: './hero.jpg', draft: true })], NOW, true, beside)).toEqual([]);
  });

  it('publishes a scheduled hero once the build runs after its time', () => {
    expect(held([article('later', { image: './hero.jpg', publishedAt: '2026-07-01T00:00:00Z' })], new Date('2026-07-02T00:00:00Z'), false, beside)).toEqual([]);
  });
});
