/**
 * The content queries in `src/content.ts`, run against collections served by
 * a mocked `astro:content`, so no build is needed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Ref {
  collection: string;
  id: string;
}

interface ArticleData {
  title: string;
  description: string;
  publishedAt: Date;
  updatedAt?: Date;
  authors: Ref[];
  topics: Ref[];
  tags: string[];
  draft: boolean;
  featured: boolean;
  corrections: unknown[];
}

interface Entry<D> {
  id: string;
  collection: string;
  data: D;
  rendered?: { html: string };
  digest?: string;
  filePath?: string;
}

interface AuthorData {
  name: string;
  role: string;
  bio: string;
  links: Record<string, string>;
}

interface TopicData {
  name: string;
  description: string;
  order: number;
}

interface SettingsData {
  name: string;
  tagline: string;
  description: string;
  navigation: string[];
  social: Record<string, string>;
  about: string;
  ageNoticeYears?: number;
}

interface Collections {
  articles: Entry<ArticleData>[];
  authors: Entry<AuthorData>[];
  topics: Entry<TopicData>[];
  settings: Entry<SettingsData>[];
  series?: Entry<{ name: string; description: string }>[];
  updates?: Entry<{ story: string; time: Date; headline?: string; pinned: boolean; keyEvent: boolean }>[];
  alerts?: Entry<{ alerts: { text: string; level: 'breaking' | 'notice'; link?: string; expires?: Date }[] }>[];
}

const content = vi.hoisted(() => ({
  collections: undefined as unknown as Collections,
  calls: [] as string[],
}));

vi.mock('astro:content', () => ({
  getCollection: async (name: keyof Collections) => {
    content.calls.push(name);
    // A site without series, live stories or alerts has empty collections.
    return structuredClone(content.collections[name] ?? []);
  },
}));

const NOW = '2026-06-01T12:00:00Z';

function article(
  id: string,
  publishedAt: string,
  fields: { authors: string[]; topics: string[]; tags?: string[]; updatedAt?: string; draft?: boolean; series?: string; seriesPart?: number; live?: boolean },
): Entry<ArticleData> {
  return {
    id,
    collection: 'articles',
    data: {
      title: `Title of ${id}`,
      description: `About ${id}.`,
      publishedAt: new Date(publishedAt),
      ...(fields.updatedAt && { updatedAt: new Date(fields.updatedAt) }),
      authors: fields.authors.map((author) => ({ collection: 'authors', id: author })),
      topics: fields.topics.map((topic) => ({ collection: 'topics', id: topic })),
      tags: fields.tags ?? [],
      draft: fields.draft ?? false,
      featured: false,
      corrections: [],
      ...(fields.series && { series: { collection: 'series', id: fields.series } }),
      ...(fields.seriesPart && { seriesPart: fields.seriesPart }),
      ...(fields.live && { live: { status: 'live' } }),
    },
    rendered: { html: `<p>Body of ${id}.</p>` },
    digest: `digest-${id}`,
    filePath: `content/articles/${id}/index.md`,
  };
}

const author = (id: string, name: string): Entry<AuthorData> => ({
  id,
  collection: 'authors',
  data: { name, role: '', bio: '', links: {} },
});

const topic = (id: string, name: string, order = 100): Entry<TopicData> => ({
  id,
  collection: 'topics',
  data: { name, description: '', order },
});

/**
 * Newest first, the visible articles are c-gamma, a-alpha and b-beta (the
 * same minute, so by id), g-newyear and d-delta. e-draft is a draft and
 * f-scheduled is dated after NOW. Entries are listed out of order on purpose.
 */
function sample(): Collections {
  return {
    articles: [
      article('b-beta', '2026-05-01T09:00:00Z', { authors: ['bob'], topics: ['world', 'climate'], tags: ['elections'] }),
      article('d-delta', '2025-03-01T09:00:00Z', {
        authors: ['ada'],
        topics: ['world'],
        tags: ['Elections'],
        updatedAt: '2025-03-01T09:00:00Z',
      }),
      article('a-alpha', '2026-05-01T09:00:00Z', { authors: ['ada'], topics: ['world'], tags: ['Elections', 'Europe'] }),
      article('e-draft', '2026-04-01T09:00:00Z', { authors: ['ada'], topics: ['world'], draft: true }),
      article('g-newyear', '2025-12-31T23:30:00-01:00', { authors: ['bob'], topics: ['climate'], tags: ['Arctic'] }),
      article('c-gamma', '2026-05-10T09:00:00Z', {
        authors: ['ada', 'bob'],
        topics: ['climate'],
        tags: ['Europe', 'Oceans', 'Arctic'],
        updatedAt: '2026-05-11T08:15:00Z',
      }),
      article('f-scheduled', '2026-07-01T00:00:00Z', { authors: ['bob'], topics: ['world'] }),
    ],
    authors: [author('ada', 'Zoe Ada'), author('bob', 'Abel Bob')],
    topics: [
      topic('culture', 'Culture'),
      topic('world', 'World'),
      topic('science', 'Science', 5),
      topic('arts', 'Arts'),
      topic('climate', 'Climate'),
      topic('business', 'Business', 1),
    ],
    settings: [
      {
        id: 'site',
        collection: 'settings',
        data: {
          name: 'The Test Gazette',
          tagline: 'All the news',
          description: '',
          navigation: ['climate', 'world'],
          social: {},
          about: '',
        },
      },
    ],
  };
}

type ContentModule = typeof import('../../src/content.ts');
type Newsroom = Awaited<ReturnType<ContentModule['getNewsroom']>>;
type Article = Newsroom['articles'][number];

/** A fresh copy of `src/content.ts` (its cache and the site config re-read) over `collections`. */
async function load(collections: Collections, env: Record<string, string> = {}): Promise<ContentModule> {
  content.collections = collections;
  content.calls = [];
  vi.stubEnv('BROADSHEET_NOW', NOW);
  vi.stubEnv('BROADSHEET_SHOW_UNPUBLISHED', '');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return import('../../src/content.ts');
}

async function newsroom(collections = sample(), env: Record<string, string> = {}): Promise<Newsroom> {
  return (await load(collections, env)).getNewsroom();
}

const ids = (articles: readonly Article[] | undefined) => articles?.map((item) => item.id);
const find = (room: Newsroom, id: string) => {
  const found = room.articles.find((item) => item.id === id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
};

beforeEach(() => {
  vi.unstubAllEnvs();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getNewsroom', () => {
  it('lists visible articles newest first, same-time articles by id', async () => {
    const room = await newsroom();
    expect(ids(room.articles)).toEqual(['c-gamma', 'a-alpha', 'b-beta', 'g-newyear', 'd-delta']);
    expect(room.articles.every((item) => item.visibility === 'published')).toBe(true);
  });

  it('leaves out drafts and scheduled articles', async () => {
    const room = await newsroom();
    expect(ids(room.articles)).not.toContain('e-draft');
    expect(ids(room.articles)).not.toContain('f-scheduled');
    expect([...room.byTopic.values()].flat().map((item) => item.id)).not.toContain('f-scheduled');
  });

  it('publishes a scheduled article once "now" reaches its time', async () => {
    const room = await newsroom(sample(), { BROADSHEET_NOW: '2026-07-01T00:00:00Z' });
    expect(ids(room.articles)).toEqual(['f-scheduled', 'c-gamma', 'a-alpha', 'b-beta', 'g-newyear', 'd-delta']);
  });

  it('includes drafts and scheduled articles, marked as such, when asked to show unpublished ones', async () => {
    const room = await newsroom(sample(), { BROADSHEET_SHOW_UNPUBLISHED: '1' });
    expect(ids(room.articles)).toEqual([
      'f-scheduled',
      'c-gamma',
      'a-alpha',
      'b-beta',
      'e-draft',
      'g-newyear',
      'd-delta',
    ]);
    expect(find(room, 'e-draft').visibility).toBe('draft');
    expect(find(room, 'f-scheduled').visibility).toBe('scheduled');
    expect(find(room, 'c-gamma').visibility).toBe('published');
  });

  it('resolves authors and topics in the order the article lists them', async () => {
    const room = await newsroom();
    const gamma = find(room, 'c-gamma');
    expect(gamma.authors.map((item) => item.data.name)).toEqual(['Zoe Ada', 'Abel Bob']);
    const beta = find(room, 'b-beta');
    expect(beta.topicIds).toEqual(['world', 'climate']);
    expect(beta.primaryTopic.id).toBe('world');
    expect(beta.tags).toEqual(['elections']);
  });

  it('groups articles by topic, author and year (in the site time zone), newest first', async () => {
    const room = await newsroom();
    expect(Object.fromEntries([...room.byTopic].map(([id, list]) => [id, ids(list)]))).toEqual({
      world: ['a-alpha', 'b-beta', 'd-delta'],
      climate: ['c-gamma', 'b-beta', 'g-newyear'],
    });
    expect(Object.fromEntries([...room.byAuthor].map(([id, list]) => [id, ids(list)]))).toEqual({
      ada: ['c-gamma', 'a-alpha', 'd-delta'],
      bob: ['c-gamma', 'b-beta', 'g-newyear'],
    });
    // 23:30 on 31 December at UTC-1 is already the new year in London.
    expect(find(room, 'g-newyear').year).toBe(2026);
    expect([...room.byYear.keys()]).toEqual([2026, 2025]);
    expect(ids(room.byYear.get(2026))).toEqual(['c-gamma', 'a-alpha', 'b-beta', 'g-newyear']);
    expect(ids(room.byYear.get(2025))).toEqual(['d-delta']);
  });

  it('groups tags by slug, merging case variants, most used first and then by name', async () => {
    const room = await newsroom();
    expect(room.tags.map((group) => [group.tag, group.slug, ids(group.articles)])).toEqual([
      ['Elections', 'elections', ['a-alpha', 'b-beta', 'd-delta']],
      ['Arctic', 'arctic', ['c-gamma', 'g-newyear']],
      ['Europe', 'europe', ['c-gamma', 'a-alpha']],
      ['Oceans', 'oceans', ['c-gamma']],
    ]);
  });

  it('lists an article once on a tag page when it carries two spellings of the tag', async () => {
    const collections = sample();
    collections.articles[0]!.data.tags = ['Europe', 'europe', 'EUROPE'];
    const group = (await newsroom(collections)).tags.find((tag) => tag.slug === 'europe');
    expect(ids(group?.articles)?.filter((id) => id === collections.articles[0]!.id)).toHaveLength(1);
  });

  it('links neighbours within the primary topic only', async () => {
    const room = await newsroom();
    const neighbours = (id: string) => {
      const pair = room.neighbours.get(id);
      return pair && { newer: pair.newer?.id, older: pair.older?.id };
    };
    expect(neighbours('a-alpha')).toEqual({ newer: undefined, older: 'b-beta' });
    expect(neighbours('b-beta')).toEqual({ newer: 'a-alpha', older: 'd-delta' });
    expect(neighbours('d-delta')).toEqual({ newer: 'b-beta', older: undefined });
    // b-beta is also in Climate, but not as its primary topic, so it is skipped here.
    expect(neighbours('c-gamma')).toEqual({ newer: undefined, older: 'g-newyear' });
    expect(neighbours('g-newyear')).toEqual({ newer: 'c-gamma', older: undefined });
    expect(room.neighbours.size).toBe(5);
  });

  it('relates stories sharing topics or tags, newest first, never the article itself', async () => {
    const room = await newsroom();
    expect(ids(room.related.get('c-gamma'))).toEqual(['a-alpha', 'b-beta', 'g-newyear']);
    expect(ids(room.related.get('d-delta'))).toEqual(['a-alpha', 'b-beta']);
    expect(ids(room.related.get('g-newyear'))).toEqual(['c-gamma', 'b-beta']);
    for (const item of room.articles) expect(ids(room.related.get(item.id))).not.toContain(item.id);
  });

  it('sorts topics by navigation order, then by order, then by name', async () => {
    const room = await newsroom();
    expect(room.topics.map((item) => item.id)).toEqual(['climate', 'world', 'business', 'science', 'arts', 'culture']);
    expect(room.navigation.map((item) => item.id)).toEqual(['climate', 'world']);
  });

  it('sorts authors by name', async () => {
    const room = await newsroom();
    expect(room.authors.map((item) => item.id)).toEqual(['bob', 'ada']);
  });

  it('names the publisher from the settings and the site URL', async () => {
    const room = await newsroom(sample(), { SITE_URL: 'https://news.test/' });
    expect(room.publisher).toEqual({
      name: 'The Test Gazette',
      url: 'https://news.test/',
      logo: 'https://news.test/logo.png',
    });
  });

  it('sets revisedAt only when updatedAt is later than publishedAt', async () => {
    const room = await newsroom();
    expect(find(room, 'c-gamma').revisedAt).toEqual(new Date('2026-05-11T08:15:00Z'));
    // updatedAt equal to publishedAt is no revision.
    expect(find(room, 'd-delta').data.updatedAt).toEqual(new Date('2025-03-01T09:00:00Z'));
    expect(find(room, 'd-delta').revisedAt).toBeUndefined();
    expect(find(room, 'a-alpha').revisedAt).toBeUndefined();
  });

  it('counts reading time from the rendered HTML, or from the source file without frontmatter', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-'));
    try {
      const collections = sample();
      const [first, second] = collections.articles;
      first!.rendered = { html: `<p>${'word '.repeat(460)}</p>` };
      const mdx = path.join(dir, 'index.mdx');
      fs.writeFileSync(mdx, `---\ntitle: ${'frontmatter '.repeat(2000)}\n---\n${'word '.repeat(700)}\n`);
      delete second!.rendered;
      second!.filePath = mdx;
      const room = await newsroom(collections);
      expect(find(room, first!.id).readingMinutes).toBe(2);
      expect(find(room, second!.id).readingMinutes).toBe(3);
      expect(find(room, 'a-alpha').readingMinutes).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('changes cardKey of every article an author appears on when the author is renamed', async () => {
    const before = await newsroom();
    const renamed = sample();
    renamed.authors[0]!.data.name = 'Zoe Ada-Smith';
    const after = await newsroom(renamed);
    const changed = before.articles.filter((item) => find(after, item.id).cardKey !== item.cardKey).map((item) => item.id);
    expect(changed).toEqual(['c-gamma', 'a-alpha', 'd-delta']);
  });

  it('changes key but not cardKey when only the source file changes', async () => {
    const before = await newsroom();
    const edited = sample();
    edited.articles.find((item) => item.id === 'a-alpha')!.digest = 'digest-a-alpha-edited';
    const after = await newsroom(edited);
    expect(find(after, 'a-alpha').cardKey).toBe(find(before, 'a-alpha').cardKey);
    expect(find(after, 'a-alpha').key).not.toBe(find(before, 'a-alpha').key);
    for (const id of ['b-beta', 'c-gamma', 'd-delta', 'g-newyear']) {
      expect(find(after, id).key).toBe(find(before, id).key);
    }
  });

  it('changes cardKey when what a card shows changes', async () => {
    const before = await newsroom();
    const edited = sample();
    edited.articles.find((item) => item.id === 'b-beta')!.data.title = 'A new headline';
    const after = await newsroom(edited);
    expect(find(after, 'b-beta').cardKey).not.toBe(find(before, 'b-beta').cardKey);
    expect(find(after, 'a-alpha').cardKey).toBe(find(before, 'a-alpha').cardKey);
  });

  it('changes linkKey with the headline only, not with a byline or a picture', async () => {
    const before = await newsroom();
    const renamed = sample();
    renamed.authors[0]!.data.name = 'Zoe Ada-Smith';
    const retitled = sample();
    retitled.articles.find((item) => item.id === 'a-alpha')!.data.title = 'A new headline';
    const afterRename = await newsroom(renamed);
    const afterTitle = await newsroom(retitled);
    expect(find(afterRename, 'a-alpha').cardKey).not.toBe(find(before, 'a-alpha').cardKey);
    expect(find(afterRename, 'a-alpha').linkKey).toBe(find(before, 'a-alpha').linkKey);
    expect(find(afterTitle, 'a-alpha').linkKey).not.toBe(find(before, 'a-alpha').linkKey);
    expect(find(afterTitle, 'b-beta').linkKey).toBe(find(before, 'b-beta').linkKey);
  });

  it('keeps the shared chrome key when only the age notice threshold changes', async () => {
    const before = await newsroom();
    const older = sample();
    older.settings[0]!.data.ageNoticeYears = 5;
    const retagged = sample();
    retagged.settings[0]!.data.tagline = 'A new tagline';
    expect((await newsroom(older)).chromeKey).toBe(before.chromeKey);
    expect((await newsroom(retagged)).chromeKey).not.toBe(before.chromeKey);
  });

  it('loads once and reuses the result outside the dev server', async () => {
    const { getNewsroom } = await load(sample());
    const first = getNewsroom();
    expect(getNewsroom()).toBe(first);
    await first;
    expect(content.calls.sort()).toEqual(['alerts', 'articles', 'authors', 'series', 'settings', 'topics', 'updates']);
  });

  it('orders a series by part number, then by date, and says where each part sits', async () => {
    const collections = sample();
    collections.series = [{ id: 'tides', collection: 'series', data: { name: 'Tides', description: '' } }];
    collections.articles.push(
      article('s-one', '2026-05-20T09:00:00Z', { authors: ['ada'], topics: ['world'], series: 'tides', seriesPart: 1 }),
      article('s-late', '2026-05-02T09:00:00Z', { authors: ['ada'], topics: ['world'], series: 'tides' }),
      article('s-two', '2026-05-01T09:00:00Z', { authors: ['ada'], topics: ['world'], series: 'tides', seriesPart: 2 }),
    );
    const { getNewsroom, seriesPlace } = await load(collections);
    const room = await getNewsroom();
    expect(ids(room.bySeries.get('tides'))).toEqual(['s-one', 's-two', 's-late']);
    const place = seriesPlace(room, find(room, 's-two'));
    expect(place?.index).toBe(1);
    expect(place?.series.data.name).toBe('Tides');
    expect(seriesPlace(room, find(room, 'a-alpha'))).toBeUndefined();
  });

  it("gives a live story its updates, and its page key changes with any update's file", async () => {
    const collections = sample();
    collections.articles.push(article('l-live', '2026-05-20T09:00:00Z', { authors: ['ada'], topics: ['world'], live: true }));
    const update = (id: string, digest: string) => ({
      id: `l-live/${id}`,
      collection: 'updates',
      data: { story: 'l-live', time: new Date('2026-05-20T10:00:00Z'), pinned: false, keyEvent: false },
      digest,
    });
    collections.updates = [update('first', 'd1'), update('second', 'd2'), { ...update('elsewhere', 'd3'), id: 'a-alpha/elsewhere' }];
    const before = find(await newsroom(collections), 'l-live');
    expect(before.updates.map((item) => item.id)).toEqual(['first', 'second']);
    expect(find(await newsroom(collections), 'a-alpha').updates).toEqual([]);
    collections.updates[1] = update('second', 'd2-edited');
    const after = find(await newsroom(collections), 'l-live');
    expect(after.key).not.toBe(before.key);
    expect(after.cardKey).toBe(before.cardKey);
  });

  it('keeps only the alerts still running, with a stable id for each', async () => {
    const collections = sample();
    const alerts = [
      { text: 'Over', level: 'notice' as const, expires: new Date('2026-06-01T11:00:00Z') },
      { text: 'Polls open', level: 'notice' as const, link: '/articles/a-alpha/' },
      { text: 'Storm', level: 'breaking' as const, expires: new Date('2026-06-02T00:00:00Z') },
    ];
    collections.alerts = [{ id: 'site', collection: 'alerts', data: { alerts } }];
    const room = await newsroom(collections);
    expect(room.alerts.map((alert) => alert.text)).toEqual(['Storm', 'Polls open']);
    expect(room.alerts[0]).toMatchObject({ level: 'breaking', expires: '2026-06-02T00:00:00.000Z' });
    expect(room.alerts[1]).toMatchObject({ link: '/articles/a-alpha/' });
    expect((await newsroom(collections)).alerts.map((alert) => alert.id)).toEqual(room.alerts.map((alert) => alert.id));
  });

  it('rejects an unknown author reference, naming the file', async () => {
    const collections = sample();
    collections.articles.push(article('h-orphan', '2026-05-02T09:00:00Z', { authors: ['nobody'], topics: ['world'] }));
    await expect(newsroom(collections)).rejects.toThrow(/content\/articles\/h-orphan\/index\.md: author "nobody"/);
  });

  it('rejects an unknown topic reference, naming the file', async () => {
    const collections = sample();
    collections.articles.push(article('h-orphan', '2026-05-02T09:00:00Z', { authors: ['ada'], topics: ['nowhere'] }));
    await expect(newsroom(collections)).rejects.toThrow(/content\/articles\/h-orphan\/index\.md: topic "nowhere"/);
  });

  it('rejects missing settings', async () => {
    const collections = sample();
    collections.settings = [];
    await expect(newsroom(collections)).rejects.toThrow(/settings\.yml is missing or empty/);
  });
});

describe('pageKey', () => {
  it('is stable across loads of the same content', async () => {
    const first = await load(sample());
    const a = await first.getNewsroom();
    const second = await load(sample());
    const b = await second.getNewsroom();
    expect(second.pageKey(b, b.articles, 'extra')).toBe(first.pageKey(a, a.articles, 'extra'));
  });

  it('changes with the shared chrome: settings and topics', async () => {
    const { pageKey, getNewsroom } = await load(sample());
    const base = await getNewsroom();
    const key = pageKey(base, base.articles);

    const tagline = sample();
    tagline.settings[0]!.data.tagline = 'Some of the news';
    const withTagline = await (await load(tagline)).getNewsroom();
    expect(withTagline.chromeKey).not.toBe(base.chromeKey);
    expect(pageKey(withTagline, withTagline.articles)).not.toBe(key);

    const renamedTopic = sample();
    renamedTopic.topics.find((item) => item.id === 'climate')!.data.name = 'Climate & Energy';
    const withTopic = await (await load(renamedTopic)).getNewsroom();
    expect(withTopic.chromeKey).not.toBe(base.chromeKey);
    expect(pageKey(withTopic, withTopic.articles)).not.toBe(key);

    // Descriptions and order show on the topics' own pages, not in the header or on cards.
    const described = sample();
    for (const item of described.topics) item.data = { ...item.data, description: 'Rewritten', order: 1 };
    const withDescriptions = await (await load(described)).getNewsroom();
    expect(withDescriptions.chromeKey).toBe(base.chromeKey);
    expect(pageKey(withDescriptions, withDescriptions.articles)).toBe(key);
  });

  it("changes an article's key but not its card when an author's bio changes", async () => {
    const before = await newsroom();
    const rewritten = sample();
    rewritten.authors[0]!.data.bio = 'Writes about rivers.';
    const after = await newsroom(rewritten);
    expect(find(after, 'a-alpha').key).not.toBe(find(before, 'a-alpha').key);
    expect(find(after, 'a-alpha').cardKey).toBe(find(before, 'a-alpha').cardKey);
  });

  it('changes with the cards listed and the other parts, not with the article bodies', async () => {
    const { pageKey, getNewsroom } = await load(sample());
    const room = await getNewsroom();
    const key = pageKey(room, room.articles.slice(0, 2), 1);
    expect(pageKey(room, room.articles.slice(0, 3), 1)).not.toBe(key);
    expect(pageKey(room, room.articles.slice(0, 2), 2)).not.toBe(key);

    const edited = sample();
    edited.articles.find((item) => item.id === 'c-gamma')!.digest = 'digest-c-gamma-edited';
    const after = await (await load(edited)).getNewsroom();
    expect(pageKey(after, after.articles.slice(0, 2), 1)).toBe(key);
  });
});
