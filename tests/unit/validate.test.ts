import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateContent } from '../../src/content/validate.ts';
import { repoRoot } from '../support/paths.ts';

const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures', name);

describe('validateContent', () => {
  it('finds nothing wrong with the valid fixture and the sample content', () => {
    expect(validateContent(fixture('valid')).problems).toEqual([]);
    expect(validateContent(path.join(repoRoot, 'content')).problems).toEqual([]);
  });

  describe('the broken fixture: one problem per rule, all reported in one run', () => {
    const { problems } = validateContent(fixture('broken'));
    const at = (file: string) => problems.filter((problem) => problem.file === `broken/${file}`);

    it.each([
      ['articles/2026/yaml-syntax-error/index.md', 'line 4', /YAML syntax error/],
      ['articles/2026/wrong-type/index.md', 'featured', /boolean/],
      ['articles/2026/empty-title/index.md', 'title', /must not be empty/],
      ['articles/2026/unknown-author/index.md', 'authors.1', /unknown author "nobody-here"/],
      ['articles/2026/unknown-topic/index.md', 'topics.0', /unknown topic "gamma"/],
      ['articles/2026/duplicate-slug/index.mdx', 'slug', /duplicate slug "duplicate-slug"/],
      ['articles/2026/missing-image/index.md', 'image.src', /image file "\.\/not-there\.jpg" does not exist/],
      ['articles/2026/image-without-alt/index.md', 'image.alt', /alt text is required/],
      ['articles/2026/invalid-date/index.md', 'publishedAt', /not an ISO 8601 date-time/],
      ['articles/2026/impossible-date/index.md', 'publishedAt', /not a real calendar date/],
      ['articles/2026/updated-before-published/index.md', 'updatedAt', /must not be earlier than publishedAt/],
      ['articles/2026/relative-canonical/index.md', 'canonical', /absolute http\(s\) URL/],
      ['articles/2026/script-source-url/index.md', 'source.url', /absolute http\(s\) URL/],
      ['articles/2026/mdx-syntax-error/index.mdx', 'line 10', /MDX syntax error/],
      ['articles/2026/Bad_Slug/index.md', 'slug', /not a valid slug/],
      ['articles/2026/good-story/index-1.md', 'file', /would never be published/],
      ['articles/2026/updated-before-published/index.md', 'slug', /duplicate slug "updated-before-published": also used by articles\/2025\/updated-before-published/],
      ['articles/filed-without-year', 'file', /"filed-without-year" is not a year: articles are filed as articles\/<year>\/<slug>\/index.md/],
      ['authors/nameless.yml', 'name', /is required/],
      ['topics/unnamed.yml', 'name', /is required/],
      ['articles/2026/bad-format/index.md', 'format', /must be one of news, analysis, opinion/],
      ['articles/2026/unknown-series/index.md', 'series', /unknown series "no-such-series" \(no content\/series\/no-such-series\.yml\)/],
      ['articles/2026/unknown-translation/index.md', 'translationOf', /"no-such-original" is no article/],
      ['articles/2026/unknown-translation/index.md', 'language', /"fr-FR" is not one of the publication's languages/],
      ['live/live-story/no-time.md', 'time', /is required/],
      ['live/live-story/too-early.md', 'time', /is before the story was published \(2026-03-01T10:00:00\.000Z\)/],
      ['live/live-story/wrong-folder.md', 'story', /is "good-story" but the file is in content\/live\/live-story\//],
      ['live/good-story/not-live.md', 'story', /the article "good-story" is not a live story/],
      ['alerts.yml', 'alerts.0.level', /must be one of breaking, notice/],
    ])('%s › %s', (file, field, message) => {
      const found = at(file);
      expect(found.map((problem) => problem.field)).toContain(field);
      expect(found.find((problem) => problem.field === field)?.message).toMatch(message);
    });

    it('reports nothing about the good article', () => {
      expect(at('articles/2026/good-story/index.md')).toEqual([]);
    });

    it('formats one line per problem naming file and field', () => {
      const text = formatProblems(problems);
      expect(text.split('\n')).toHaveLength(problems.length);
      expect(text).toContain('broken/articles/2026/empty-title/index.md › title: title must not be empty');
    });
  });
});
