import { describe, expect, it } from 'vitest';
import { mapPost, withImage, type ArticleLookups, type Attachment } from '../../src/import/wordpress/article.ts';
import { AuthorPlanner, wordpressNicename } from '../../src/import/wordpress/authors.ts';
import { classifyItem } from '../../src/import/wordpress/classify.ts';
import { isoSeconds, parseGmtDate, parseLocalDate, wordpressDate } from '../../src/import/wordpress/dates.ts';
import { SlugAllocator, wantedSlug } from '../../src/import/wordpress/slugs.ts';
import { decodeEntities, firstSentence, firstWords, htmlToText, truncateWords } from '../../src/import/wordpress/text.ts';
import { largestTopics, TopicPlanner } from '../../src/import/wordpress/topics.ts';
import { emptyItem, type WxrAuthor, type WxrCategory, type WxrItem } from '../../src/import/wordpress/wxr.ts';

const item = (fields: Partial<WxrItem>): WxrItem => ({ ...emptyItem(), postType: 'post', status: 'publish', ...fields });
const user = (login: string, displayName: string, extra: Partial<WxrAuthor> = {}): WxrAuthor => ({ id: '1', login, email: `${login}@example.org`, displayName, firstName: '', lastName: '', description: '', url: '', ...extra });
const category = (nicename: string, name: string, parent = '', termId = nicename): WxrCategory => ({ termId, nicename, parent, name, description: '' });

const CATEGORIES = [category('world', 'World', '', '1'), category('europe', 'Europe', 'world', '2'), category('nordics', 'Nordics', 'europe', '3'), category('sport', 'Sport', '', '4')];

function lookups(attachments: Record<string, Attachment> = {}): ArticleLookups {
  return {
    timeZone: 'Europe/London',
    now: new Date('2026-01-01T00:00:00Z'),
    authors: new AuthorPlanner([user('ana', 'Ana Lima', { description: 'Writes about ports.', url: 'https://ana.example' }), user('bo_ek', 'Bo Ek')]),
    topics: new TopicPlanner(CATEGORIES),
    fallbackLogin: 'ana',
    attachment: (id) => attachments[id],
    attachedImages: () => [],
    link: (href) => href,
  };
}

function article(fields: Partial<WxrItem>, status: 'published' | 'scheduled' | 'draft' = 'published', attachments: Record<string, Attachment> = {}) {
  const mapped = mapPost(item({ postId: '9', creator: 'ana', postDateGmt: '2024-03-12 09:30:00', postDate: '2024-03-12 09:30:00', ...fields }), status, lookups(attachments));
  if (mapped.kind !== 'article') throw new Error(mapped.reason);
  return mapped;
}

describe('classifyItem', () => {
  it.each([
    [{ status: 'publish' }, { kind: 'article', status: 'published' }],
    [{ status: 'future' }, { kind: 'article', status: 'scheduled' }],
    [{ status: 'draft' }, { kind: 'article', status: 'draft' }],
    [{ status: 'pending' }, { kind: 'article', status: 'draft' }],
    [{ status: 'private' }, { kind: 'skip' }],
    [{ status: 'trash' }, { kind: 'skip' }],
    [{ status: 'publish', password: 'secret' }, { kind: 'skip' }],
    [{ status: 'auto-draft' }, { kind: 'skip' }],
    [{ postType: 'page' }, { kind: 'skip' }],
    [{ postType: 'product' }, { kind: 'skip' }],
    [{ postType: 'attachment', status: 'inherit' }, { kind: 'attachment' }],
    [{ postType: 'nav_menu_item' }, { kind: 'ignore' }],
    [{ postType: 'revision', status: 'inherit' }, { kind: 'ignore' }],
  ] as const)('%j is %j', (fields, expected) => {
    expect(classifyItem(item(fields))).toMatchObject(expected);
  });
});

describe('dates', () => {
  it('reads GMT dates, and local ones in a time zone, across a clock change', () => {
    expect(parseGmtDate('2024-03-12 09:30:00')?.toISOString()).toBe('2024-03-12T09:30:00.000Z');
    expect(parseGmtDate('0000-00-00 00:00:00')).toBeUndefined();
    expect(parseGmtDate('2024-02-30 10:00:00')).toBeUndefined();
    expect(parseLocalDate('2024-07-01 10:00:00', 'Europe/London')?.toISOString()).toBe('2024-07-01T09:00:00.000Z');
    expect(parseLocalDate('2024-01-01 10:00:00', 'Europe/London')?.toISOString()).toBe('2024-01-01T10:00:00.000Z');
    expect(parseLocalDate('2024-03-31 03:30:00', 'Europe/London')?.toISOString()).toBe('2024-03-31T02:30:00.000Z');
    expect(parseLocalDate('2024-07-01 10:00:00', 'America/New_York')?.toISOString()).toBe('2024-07-01T14:00:00.000Z');
    expect(wordpressDate('0000-00-00 00:00:00', '2024-07-01 10:00:00', 'Europe/London')?.toISOString()).toBe('2024-07-01T09:00:00.000Z');
    expect(isoSeconds(new Date('2024-07-01T09:00:00.250Z'))).toBe('2024-07-01T09:00:00Z');
  });
});

describe('text', () => {
  it('decodes the entities WordPress stores and strips markup', () => {
    expect(decodeEntities('Fish &amp; chips &#8217;n&#x2019; &hellip; &unknown;')).toBe('Fish & chips ’n’ … &unknown;');
    expect(htmlToText('<p>One <b>two</b></p><!-- wp:x --><p>three [caption]four[/caption]</p><script>no()</script>')).toBe('One two three four');
  });

  it('finds a first sentence, first words and cuts at a word', () => {
    expect(firstSentence('The council met on Tuesday. It voted on Wednesday.', 400)).toBe('The council met on Tuesday.');
    expect(firstSentence('Costs rose 3.5 per cent in May. Then they fell.', 400)).toBe('Costs rose 3.5 per cent in May.');
    expect(firstSentence('No full stop here at all', 400)).toBe('No full stop here at all');
    expect(firstWords('one two three four five', 3, 200)).toBe('one two three…');
    expect(truncateWords('a'.repeat(10) + ' ' + 'b'.repeat(10), 15)).toBe('aaaaaaaaaa…');
  });
});

describe('slugs', () => {
  it('takes the post name, decoded, else the headline, else the post ID', () => {
    expect(wantedSlug('ferry-timetable', 'Anything', '1')).toBe('ferry-timetable');
    expect(wantedSlug('caf%c3%a9-opens', 'Anything', '1')).toBe('cafe-opens');
    expect(wantedSlug('%d0%bf%d0%be%d1%80%d1%82', 'Port notices', '1')).toBe('port-notices');
    expect(wantedSlug('', 'New mooring fees: what owners pay', '1')).toBe('new-mooring-fees-what-owners-pay');
    expect(wantedSlug('', '', '12')).toBe('post-12');
  });

  it('hands out each slug once, across years and what the content folder already has', () => {
    const slugs = new SlugAllocator(['taken']);
    expect(['taken', 'fresh', 'fresh', 'taken'].map((slug) => slugs.allocate(slug))).toEqual(['taken-2', 'fresh', 'fresh-2', 'taken-3']);
  });
});

describe('authors', () => {
  it('writes WordPress users as authors: display name, bio, website, never the email', () => {
    const planner = new AuthorPlanner([user('ana', 'Ana Lima', { description: 'Writes about &amp; ports.', url: 'https://ana.example' }), user('bo_ek', '', { firstName: 'Bo', lastName: 'Ek' })]);
    expect(planner.byCreator('ana')).toEqual({ id: 'ana', nicename: 'ana', guest: false, file: { name: 'Ana Lima', bio: 'Writes about & ports.', links: { website: 'https://ana.example' } } });
    expect(planner.byCreator('bo_ek')).toMatchObject({ id: 'bo-ek', nicename: 'bo_ek', file: { name: 'Bo Ek' } });
    expect(planner.byCoAuthor({ domain: 'author', nicename: 'cap-ana', name: 'ana' }).id).toBe('ana');
    expect(planner.byCoAuthor({ domain: 'author', nicename: 'cap-sam-guest', name: 'Sam Guest' })).toMatchObject({ id: 'sam-guest', nicename: 'sam-guest', guest: true, file: { name: 'Sam Guest' } });
    expect(planner.all().map((author) => author.id)).toEqual(['ana', 'bo-ek', 'sam-guest']);
  });

  it('knows the old archive address of a login', () => {
    expect(wordpressNicename('Jane.Doe')).toBe('jane-doe');
    expect(wordpressNicename('jane_doe')).toBe('jane_doe');
  });
});

describe('topics', () => {
  it('files a post under its categories, primary first, each followed by those above it', () => {
    const topics = new TopicPlanner(CATEGORIES);
    const post = item({ terms: [{ domain: 'category', nicename: 'sport', name: 'Sport' }, { domain: 'category', nicename: 'nordics', name: 'Nordics' }] });
    expect(topics.topicsOf(post).map((topic) => topic.id)).toEqual(['sport', 'nordics', 'europe', 'world']);
    post.meta.set('_yoast_wpseo_primary_category', '3');
    expect(topics.topicsOf(post).map((topic) => topic.id)).toEqual(['nordics', 'europe', 'world', 'sport']);
    expect(topics.topic('nordics').path).toEqual(['world', 'europe', 'nordics']);
    expect(topics.topicsOf(item({})).map((topic) => [topic.id, topic.file.name])).toEqual([['uncategorized', 'Uncategorized']]);
  });

  it('survives a loop in the parents', () => {
    const topics = new TopicPlanner([category('a', 'A', 'b'), category('b', 'B', 'a')]);
    expect(topics.topicsOf(item({ terms: [{ domain: 'category', nicename: 'a', name: 'A' }] })).map((topic) => topic.id)).toEqual(['a', 'b']);
  });

  it('puts the largest topics in the navigation, but not Uncategorized', () => {
    const counts = new Map([['uncategorized', 50], ['a', 3], ['b', 9], ['c', 3], ['d', 1], ['e', 1], ['f', 1], ['g', 1]]);
    expect(largestTopics(counts, new Map([['a', 'Alpha'], ['c', 'Charlie']]))).toEqual(['b', 'a', 'c', 'd', 'e', 'f']);
  });
});

describe('mapPost', () => {
  it('follows the schema: headline, dek, dates, byline, topics, tags, draft and featured flags', () => {
    const mapped = article({
      title: 'Fish &amp; chips',
      excerpt: '<p>A <b>short</b> dek.</p>',
      postModifiedGmt: '2024-03-13 10:00:00',
      isSticky: true,
      terms: [
        { domain: 'category', nicename: 'europe', name: 'Europe' },
        { domain: 'post_tag', nicename: 'ferries', name: 'Ferries' },
        { domain: 'post_tag', nicename: 'ferries-2', name: 'ferries' },
        { domain: 'author', nicename: 'cap-bo_ek', name: 'bo_ek' },
        { domain: 'author', nicename: 'cap-ana', name: 'ana' },
      ],
      content: '<p>Body.</p>',
    });
    expect(mapped.frontmatter).toEqual({
      title: 'Fish & chips',
      description: 'A short dek.',
      publishedAt: '2024-03-12T09:30:00Z',
      updatedAt: '2024-03-13T10:00:00Z',
      authors: ['ana', 'bo-ek'],
      topics: ['europe', 'world'],
      tags: ['ferries'],
      featured: true,
    });
    expect(mapped.notes).toEqual([]);
    expect(article({ content: '<p>x</p>' }, 'draft').frontmatter).toMatchObject({ draft: true });
  });

  it('takes the dek from an SEO plugin, else the first sentence, else the headline', () => {
    expect(article({ title: 'T', content: '<p>First sentence here. Second.</p>', meta: new Map([['rank_math_description', 'From Rank Math.']]) }).frontmatter['description']).toBe('From Rank Math.');
    expect(article({ title: 'T', content: '<p>First sentence here. Second.</p>', meta: new Map([['_yoast_wpseo_metadesc', '%%title%% %%sep%% %%sitename%%']]) }).frontmatter['description']).toBe('First sentence here.');
    const empty = article({ title: 'Only a headline' });
    expect(empty.frontmatter['description']).toBe('Only a headline');
    expect(empty.notes).toEqual(['its body is empty', 'no excerpt and no text to take a dek from: the headline stands in']);
  });

  it('gives an untitled post a headline from its first words, and a long one a shorter one', () => {
    const untitled = article({ content: '<p>Tide tables for the spring weekend are posted at the harbour office.</p>' });
    expect(untitled.frontmatter['title']).toBe('Tide tables for the spring weekend are posted…');
    expect(untitled.notes[0]).toMatch(/no title in WordPress/);
    expect(String(article({ title: 'word '.repeat(60), content: '<p>x</p>' }).frontmatter['title']).length).toBeLessThanOrEqual(200);
  });

  it('dates a post without a publication date by its last change, and skips one with no date at all', () => {
    const undated = article({ postDateGmt: '0000-00-00 00:00:00', postDate: '0000-00-00 00:00:00', postModifiedGmt: '2024-04-10 11:00:00', content: '<p>x</p>' });
    expect(undated.frontmatter['publishedAt']).toBe('2024-04-10T11:00:00Z');
    expect(undated.notes).toContain('no publication date in WordPress (0000-00-00 00:00:00): dated by its last change');
    expect(mapPost(item({ postId: '1', creator: 'ana', postDate: '0000-00-00 00:00:00' }), 'published', lookups())).toEqual({ kind: 'skip', reason: 'it has no date at all (0000-00-00 00:00:00)' });
  });

  it('names the featured image with its alt text and caption, and stands in for missing alt text', () => {
    const attachments: Record<string, Attachment> = {
      '5': { id: '5', url: 'https://old.example/wp-content/uploads/a.jpg', alt: 'The quay', caption: 'At dawn', title: 'a', parent: '9' },
      '6': { id: '6', url: 'https://old.example/wp-content/uploads/b.jpg', alt: '', caption: '', title: 'IMG_0412', parent: '9' },
    };
    expect(article({ title: 'T', content: '<p>x</p>', meta: new Map([['_thumbnail_id', '5']]) }, 'published', attachments).featured).toEqual({ url: 'https://old.example/wp-content/uploads/a.jpg', alt: 'The quay', caption: 'At dawn' });
    const noAlt = article({ title: 'Headline', content: '<p>x</p>', meta: new Map([['_thumbnail_id', '6']]) }, 'published', attachments);
    expect(noAlt.featured?.alt).toBe('Headline');
    expect(noAlt.notes[0]).toMatch(/no alt text in WordPress/);
    expect(article({ title: 'T', content: '<p>x</p>', meta: new Map([['_thumbnail_id', '404']]) }).notes[0]).toMatch(/attachment 404\) is not in the export/);
  });

  it('signs a post without an author with the fallback, and says so', () => {
    const mapped = article({ creator: '', content: '<p>x</p>' });
    expect(mapped.frontmatter['authors']).toEqual(['ana']);
    expect(mapped.notes.join(' ')).toMatch(/names no author/);
  });

  it('puts the hero image where the schema lists it', () => {
    expect(Object.keys(withImage({ title: 't', tags: [], draft: true }, { src: './a.jpg', alt: 'a' }))).toEqual(['title', 'tags', 'image', 'draft']);
    expect(Object.keys(withImage({ title: 't', topics: [] }, { src: './a.jpg', alt: 'a' }))).toEqual(['title', 'topics', 'image']);
  });
});
