import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFields } from '../../src/content/checks/fields.ts';
import { checkImage } from '../../src/content/checks/images.ts';
import { checkMdx } from '../../src/content/checks/mdx.ts';
import { checkReferences } from '../../src/content/checks/references.ts';
import { checkSeriesPart, checkUpdate } from '../../src/content/checks/updates.ts';
import { checkArticleFolder, checkEntryId, checkLooseArticles, checkYearFolder, findDuplicateSlugs } from '../../src/content/checks/slugs.ts';
import { parseFrontmatter, parseYaml, readYamlFile } from '../../src/content/checks/yaml.ts';
import { articleFields, authorFields, plainIds, topicFields } from '../../src/content/schema.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-validate-checks-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Creates `files` (name → contents) in a fresh folder under the scratch directory. */
function folderWith(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('parseYaml', () => {
  it('keeps timestamps as written and reads an empty document as {}', () => {
    expect(parseYaml('publishedAt: 2026-11-27T07:30:00Z\n')).toEqual({ ok: true, data: { publishedAt: '2026-11-27T07:30:00Z' } });
    expect(parseYaml('')).toEqual({ ok: true, data: {} });
  });

  it('reports a syntax error at its line', () => {
    expect(parseYaml('name: Ada\nrole: : :\n')).toEqual({
      ok: false,
      problem: { field: 'line 2', message: 'YAML syntax error: bad indentation of a mapping entry' },
    });
  });
});

describe('readYamlFile', () => {
  it('parses a file and reports one that cannot be read', () => {
    const dir = folderWith('yaml-files', { 'alpha.yml': 'name: Alpha\n' });
    expect(readYamlFile(path.join(dir, 'alpha.yml'))).toEqual({ ok: true, data: { name: 'Alpha' } });
    const missing = readYamlFile(path.join(dir, 'missing.yml'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.problem.field).toBe('file');
      expect(missing.problem.message).toMatch(/^could not be read: Error: ENOENT/);
    }
  });
});

describe('parseFrontmatter', () => {
  it('returns the data, the body and the line the body starts on', () => {
    expect(parseFrontmatter('---\ntitle: T\n---\n\nBody\n')).toEqual({ ok: true, data: { title: 'T' }, body: '\nBody\n', bodyStartLine: 4 });
    expect(parseFrontmatter('---\r\ntitle: T\r\n---\r\nBody')).toEqual({ ok: true, data: { title: 'T' }, body: 'Body', bodyStartLine: 4 });
  });

  it('counts a YAML error line from the top of the file, below the opening ---', () => {
    expect(parseFrontmatter('---\nname: Ada\nrole: : :\n---\n')).toEqual({
      ok: false,
      problem: { field: 'line 3', message: 'YAML syntax error: bad indentation of a mapping entry' },
    });
  });

  it('requires a frontmatter block at the very start', () => {
    const problem = { field: 'frontmatter', message: 'must start with a frontmatter block between --- lines' };
    expect(parseFrontmatter('Just text\n')).toEqual({ ok: false, problem });
    expect(parseFrontmatter('\n---\ntitle: T\n---\n')).toEqual({ ok: false, problem });
  });
});

describe('checkFields', () => {
  it('returns the parsed value, with defaults, and no problems for valid data', () => {
    expect(checkFields(topicFields, { name: 'Climate' })).toEqual({ value: { name: 'Climate', description: '', order: 100 }, problems: [] });
  });

  it('reports a misspelled key as unknown, at its full path', () => {
    expect(checkFields(topicFields, { name: 'Climate', nmae: 'x' })).toEqual({
      value: undefined,
      problems: [{ field: 'nmae', message: 'is not a known field (check the spelling)' }],
    });
    const author = authorFields(() => z.string());
    expect(checkFields(author, { name: 'Ada', links: { webside: 'https://ada.example/' } }).problems).toEqual([
      { field: 'links.webside', message: 'is not a known field (check the spelling)' },
    ]);
    const article = articleFields(() => z.string(), plainIds);
    const data = { title: 'T', description: 'D', publishedAt: '2026-02-01T00:00:00Z', authors: ['ada'], topics: ['alpha'] };
    expect(
      checkFields(article, {
        ...data,
        image: { src: './a.jpg', alt: 'A', captoin: 'x' },
        source: { url: 'https://wire.example/', nmae: 'Wire' },
        corrections: [{ date: '2026-02-02T00:00:00Z', text: 'Fixed.', txet: 'x' }],
      }).problems,
    ).toEqual([
      { field: 'image.captoin', message: 'is not a known field (check the spelling)' },
      { field: 'source.nmae', message: 'is not a known field (check the spelling)' },
      { field: 'corrections.0.txet', message: 'is not a known field (check the spelling)' },
    ]);
  });

  it('says "is required" for a missing field, and keeps the type message for a wrong one', () => {
    expect(checkFields(topicFields, { description: 'No name' }).problems).toEqual([{ field: 'name', message: 'is required' }]);
    expect(checkFields(topicFields, { name: 5, order: 'first' }).problems).toEqual([
      { field: 'name', message: 'expected string, received number' },
      { field: 'order', message: 'expected number, received string' },
    ]);
  });

  it('reports data that is not an object at all against the frontmatter', () => {
    expect(checkFields(topicFields, ['Climate']).problems).toEqual([{ field: 'frontmatter', message: 'expected object, received array' }]);
  });

  it('keeps the schema’s own messages, e.g. for dates', () => {
    const article = articleFields(() => z.string(), plainIds);
    const data = { title: 'T', description: 'D', authors: ['ada'], topics: ['alpha'] };
    expect(checkFields(article, { ...data, publishedAt: '2026-02-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }).problems).toEqual([
      { field: 'updatedAt', message: 'must not be earlier than publishedAt' },
    ]);
  });
});

describe('checkReferences', () => {
  const topics = new Set(['alpha', 'beta']);

  it('accepts known ids', () => {
    expect(checkReferences('topics', ['beta', 'alpha'], 'topic', topics)).toEqual([]);
  });

  it('reports each unknown id at its index, naming the file that is missing', () => {
    expect(checkReferences('authors', ['ada', 'nobody'], 'author', new Set(['ada']))).toEqual([
      { field: 'authors.1', message: 'unknown author "nobody" (no content/authors/nobody.yml)' },
    ]);
    expect(checkReferences('navigation', ['gamma', 'alpha', 'delta'], 'topic', topics)).toEqual([
      { field: 'navigation.0', message: 'unknown topic "gamma" (no content/topics/gamma.yml)' },
      { field: 'navigation.2', message: 'unknown topic "delta" (no content/topics/delta.yml)' },
    ]);
  });
});

describe('checkEntryId', () => {
  it('accepts slugs and rejects anything else', () => {
    expect(checkEntryId('jane-doe-2')).toEqual([]);
    expect(checkEntryId('Jane_Doe')).toEqual([{ field: 'file', message: '"Jane_Doe" is not a valid id: use lowercase letters, digits and hyphens' }]);
  });
});

describe('findDuplicateSlugs', () => {
  it('finds folders whose slugs differ only in case, naming the earlier folder', () => {
    expect(findDuplicateSlugs(['budget-vote', 'election'])).toEqual(new Map());
    expect(findDuplicateSlugs(['Budget-Vote', 'budget-vote', 'election'])).toEqual(
      new Map([['budget-vote', { field: 'slug', message: 'duplicate slug "budget-vote": also used by articles/Budget-Vote' }]]),
    );
  });

  it('finds a slug used again in another year: every year shares /articles/<slug>/', () => {
    expect(findDuplicateSlugs(['2025/budget-vote', '2026/election', '2026/Budget-Vote'])).toEqual(
      new Map([['2026/Budget-Vote', { field: 'slug', message: 'duplicate slug "budget-vote": also used by articles/2025/budget-vote' }]]),
    );
  });

  it('names the latest earlier folder when a slug is used three times', () => {
    expect([...findDuplicateSlugs(['STORY', 'Story', 'story'])]).toEqual([
      ['Story', { field: 'slug', message: 'duplicate slug "story": also used by articles/STORY' }],
      ['story', { field: 'slug', message: 'duplicate slug "story": also used by articles/Story' }],
    ]);
  });
});

describe('checkArticleFolder', () => {
  it('returns index.md or index.mdx as the source of a well-formed folder', () => {
    const md = folderWith('articles/plain', { 'index.md': '', 'hero.jpg': '' });
    const mdx = folderWith('articles/rich', { 'index.mdx': '' });
    expect(checkArticleFolder(md)).toEqual({ source: 'index.md', problems: [] });
    expect(checkArticleFolder(mdx)).toEqual({ source: 'index.mdx', problems: [] });
  });

  it('reports a folder without a source', () => {
    const dir = folderWith('articles/empty', { 'hero.jpg': '' });
    expect(checkArticleFolder(dir)).toEqual({
      source: undefined,
      problems: [{ file: dir, field: 'file', message: 'article folder has no index.md or index.mdx' }],
    });
  });

  it('reports index.md beside index.mdx, stray Markdown files and a folder name that is not a slug', () => {
    const dir = folderWith('articles/Budget_Vote', { 'index.md': '', 'index.mdx': '', 'Notes.MD': '' });
    expect(checkArticleFolder(dir)).toEqual({
      source: 'index.md',
      problems: [
        {
          file: path.join(dir, 'index.mdx'),
          field: 'slug',
          message: 'duplicate slug "Budget_Vote": Budget_Vote/index.md and Budget_Vote/index.mdx both exist',
        },
        {
          file: path.join(dir, 'Notes.MD'),
          field: 'file',
          message: 'would never be published: each article needs its own folder, articles/<year>/<slug>/index.md',
        },
        {
          file: path.join(dir, 'index.md'),
          field: 'slug',
          message: 'folder name "Budget_Vote" is not a valid slug: use lowercase letters, digits and hyphens',
        },
      ],
    });
  });
});

describe('checkLooseArticles', () => {
  it('reports Markdown lying in articles/ outside a folder, and nothing else there', () => {
    const dir = folderWith('loose/articles', { 'stray.md': '', 'Notes.MDX': '', 'readme.txt': '' });
    fs.mkdirSync(path.join(dir, 'a-story'));
    expect(checkLooseArticles(dir, '2026')).toEqual([
      { file: path.join(dir, 'Notes.MDX'), field: 'file', message: 'would never be published: move it to articles/2026/Notes/index.md' },
      { file: path.join(dir, 'stray.md'), field: 'file', message: 'would never be published: move it to articles/2026/stray/index.md' },
    ]);
  });
  it('accepts a missing folder', () => {
    expect(checkLooseArticles(path.join(scratch, 'no-such-folder'), '2026')).toEqual([]);
  });
});

describe('checkYearFolder', () => {
  it('accepts a four-digit year and names the layout for anything else', () => {
    expect(checkYearFolder('2026')).toEqual([]);
    expect(checkYearFolder('budget-vote')).toEqual([
      { field: 'file', message: '"budget-vote" is not a year: articles are filed as articles/<year>/<slug>/index.md, e.g. articles/2026/budget-vote/index.md' },
    ]);
    expect(checkYearFolder('26')).toHaveLength(1);
  });
});

describe('checkImage', () => {
  const dir = folderWith('images', { 'index.md': '', 'hero.jpg': '', 'Portrait.PNG': '', 'notes.txt': '' });
  const owner = path.join(dir, 'index.md');

  it('accepts an existing image beside the file, whatever the case of its extension', () => {
    expect(checkImage(owner, 'image.src', './hero.jpg')).toEqual([]);
    expect(checkImage(owner, 'avatar', 'Portrait.PNG')).toEqual([]);
  });

  it('leaves a missing or non-string value to the schema check', () => {
    expect(checkImage(owner, 'image.src', undefined)).toEqual([]);
    expect(checkImage(owner, 'image.src', '')).toEqual([]);
    expect(checkImage(owner, 'image.src', 42)).toEqual([]);
  });

  it('rejects absolute paths and URLs', () => {
    expect(checkImage(owner, 'image.src', '/images/hero.jpg')).toEqual([
      { field: 'image.src', message: '"/images/hero.jpg" must be a path relative to this file, e.g. ./hero.jpg' },
    ]);
    expect(checkImage(owner, 'avatar', 'https://example.org/hero.jpg')).toEqual([
      { field: 'avatar', message: '"https://example.org/hero.jpg" must be a path relative to this file, e.g. ./hero.jpg' },
    ]);
  });

  it('rejects a file that is not an image, even when it exists', () => {
    expect(checkImage(owner, 'image.src', './notes.txt')).toEqual([
      { field: 'image.src', message: '"./notes.txt" is not an image (expected .jpg, .jpeg, .png, .webp, .avif, .gif, .tiff, .svg)' },
    ]);
  });

  it('reports an image file that does not exist', () => {
    expect(checkImage(owner, 'image.src', './missing.webp')).toEqual([{ field: 'image.src', message: 'image file "./missing.webp" does not exist' }]);
  });
});

describe('checkMdx', () => {
  it('accepts valid MDX', () => {
    expect(checkMdx('# Heading\n\n<Callout>Text</Callout>\n', 1)).toEqual([]);
  });

  it('reports an error at its line in the whole file, without the compiler’s positions in the text', () => {
    expect(checkMdx('# Heading\n\n<div>\n', 5)).toEqual([
      { field: 'line 7', message: 'MDX syntax error: Expected a closing tag for `<div>` (mdx-jsx:unexpected-character)' },
    ]);
  });

  it('maps a body line through the frontmatter to the file line', () => {
    const text = '---\ntitle: T\ndescription: D\n---\n\nIntro {\n';
    const frontmatter = parseFrontmatter(text);
    if (!frontmatter.ok) throw new Error('the frontmatter should parse');
    expect(checkMdx(frontmatter.body, frontmatter.bodyStartLine)).toEqual([
      {
        field: 'line 6',
        message:
          'MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for `{` (mdx-jsx:unexpected-character)',
      },
    ]);
  });
});

describe('live update and series part checks', () => {
  const stories = new Map([
    ['storm', { publishedAt: new Date('2026-11-29T07:00:00Z'), live: true }],
    ['plain', { publishedAt: new Date('2026-11-29T07:00:00Z'), live: false }],
  ]);

  it('accepts an update in its live story’s folder, posted after the story', () => {
    expect(checkUpdate('storm', { story: 'storm', time: new Date('2026-11-29T07:00:00Z') }, stories)).toEqual([]);
  });

  it('names the field of each broken update', () => {
    expect(checkUpdate('storm', { story: 'other', time: new Date('2026-11-29T08:00:00Z') }, stories)[0]?.field).toBe('story');
    expect(checkUpdate('gone', { story: 'gone', time: new Date('2026-11-29T08:00:00Z') }, stories)[0]?.message).toMatch(/no article has the slug "gone"/);
    expect(checkUpdate('plain', { story: 'plain', time: new Date('2026-11-29T08:00:00Z') }, stories)[0]?.message).toMatch(/not a live story/);
    expect(checkUpdate('storm', { story: 'storm', time: new Date('2026-11-29T06:59:59Z') }, stories)).toEqual([
      { field: 'time', message: 'is before the story was published (2026-11-29T07:00:00.000Z)' },
    ]);
  });

  it('reports a part number claimed twice in one series, not across series', () => {
    const claimed = new Map<string, string>();
    expect(checkSeriesPart(claimed, 'rivers', 1, 'first')).toEqual([]);
    expect(checkSeriesPart(claimed, 'tides', 1, 'other-series')).toEqual([]);
    expect(checkSeriesPart(claimed, 'rivers', undefined, 'unnumbered')).toEqual([]);
    expect(checkSeriesPart(claimed, 'rivers', 1, 'second')).toEqual([{ field: 'seriesPart', message: 'part 1 of series "rivers" is already "first"' }]);
  });
});
