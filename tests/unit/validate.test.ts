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
      ['articles/yaml-syntax-error/index.md', 'line 4', /YAML syntax error/],
      ['articles/wrong-type/index.md', 'featured', /boolean/],
      ['articles/empty-title/index.md', 'title', /must not be empty/],
      ['articles/unknown-author/index.md', 'authors.1', /unknown author "nobody-here"/],
      ['articles/unknown-topic/index.md', 'topics.0', /unknown topic "gamma"/],
      ['articles/duplicate-slug/index.mdx', 'slug', /duplicate slug "duplicate-slug"/],
      ['articles/missing-image/index.md', 'image.src', /image file "\.\/not-there\.jpg" does not exist/],
      ['articles/image-without-alt/index.md', 'image.alt', /alt text is required/],
      ['articles/invalid-date/index.md', 'publishedAt', /not an ISO 8601 date-time/],
      ['articles/impossible-date/index.md', 'publishedAt', /not a real calendar date/],
      ['articles/updated-before-published/index.md', 'updatedAt', /must not be earlier than publishedAt/],
      ['articles/relative-canonical/index.md', 'canonical', /absolute http\(s\) URL/],
      ['articles/script-source-url/index.md', 'source.url', /absolute http\(s\) URL/],
      ['articles/mdx-syntax-error/index.mdx', 'line 10', /MDX syntax error/],
      ['articles/Bad_Slug/index.md', 'slug', /not a valid slug/],
      ['articles/good-story/index-1.md', 'file', /would never be published/],
      ['authors/nameless.yml', 'name', /is required/],
      ['topics/unnamed.yml', 'name', /is required/],
    ])('%s › %s', (file, field, message) => {
      const found = at(file);
      expect(found.map((problem) => problem.field)).toContain(field);
      expect(found.find((problem) => problem.field === field)?.message).toMatch(message);
    });

    it('reports nothing about the good article', () => {
      expect(at('articles/good-story/index.md')).toEqual([]);
    });

    it('formats one line per problem naming file and field', () => {
      const text = formatProblems(problems);
      expect(text.split('\n')).toHaveLength(problems.length);
      expect(text).toContain('broken/articles/empty-title/index.md › title: title must not be empty');
    });
  });
});
