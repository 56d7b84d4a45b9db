import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotAWordPressExport, readWxr, type WxrEvent } from '../../src/import/wordpress/read-wxr.ts';
import type { WxrChannel, WxrItem } from '../../src/import/wordpress/wxr.ts';
import { repoRoot } from '../support/paths.ts';

const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/wordpress', name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function read(file: string): Promise<{ channel: WxrChannel; items: WxrItem[]; order: string[] }> {
  const events: WxrEvent[] = [];
  for await (const event of readWxr(file)) events.push(event);
  const channel = events.find((event) => event.kind === 'channel')?.channel;
  if (!channel) throw new Error('no channel');
  return { channel, items: events.flatMap((event) => (event.kind === 'item' ? [event.item] : [])), order: events.map((event) => event.kind) };
}

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

const WXR = (items: string, version = '1.2') =>
  `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/${version}/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><wp:wxr_version>${version}</wp:wxr_version>${items}</channel></rss>`;

describe('readWxr', () => {
  it('hands over the channel first, then each item in file order', async () => {
    const { channel, items, order } = await read(fixture('site.xml'));
    expect(order[0]).toBe('channel');
    expect(channel).toMatchObject({ title: 'The Harbour Gazette', link: 'https://harbour-gazette.example', wxrVersion: '1.2', generator: 'https://wordpress.org/?v=6.5.2' });
    expect(channel.authors.map((author) => author.login)).toEqual(['mara', 'tobias_reed', 'ilse']);
    expect(channel.authors[0]).toMatchObject({ displayName: 'Mara Quinlan', url: 'https://mara-quinlan.example' });
    expect(channel.categories.find((category) => category.nicename === 'harbour')).toMatchObject({ parent: 'news', name: 'Harbour', termId: '3' });
    expect(channel.tags.find((tag) => tag.slug === 'harbour-quay')?.name).toBe('Harbour &amp; Quay');
    expect(items.map((item) => item.postId).slice(0, 4)).toEqual(['101', '102', '103', '104']);
  });

  it('reads an item: fields, terms by domain, postmeta, stickiness; comments are not mistaken for the post', async () => {
    const { items } = await read(fixture('site.xml'));
    const post = items.find((item) => item.postId === '101')!;
    expect(post).toMatchObject({ title: 'Winter ferry timetable extended to the end of April', creator: 'tobias_reed', postName: 'ferry-timetable-extended', status: 'publish', postType: 'post', isSticky: true, postDateGmt: '2024-03-12 09:30:00' });
    expect(post.terms).toEqual([
      { domain: 'category', nicename: 'harbour', name: 'Harbour' },
      { domain: 'post_tag', nicename: 'ferries', name: 'Ferries' },
      { domain: 'post_tag', nicename: 'tides', name: 'Tides' },
    ]);
    expect(post.meta.get('_thumbnail_id')).toBe('201');
    expect(post.content).toContain('<!-- wp:paragraph -->');
    expect(post.content).not.toContain('About time.');
    expect(items.find((item) => item.postId === '201')?.attachmentUrl).toBe('https://harbour-gazette.example/wp-content/uploads/2024/03/harbour-dawn.jpg');
  });

  it('reads a WordPress.com export by its namespaces, whatever prefixes it uses', async () => {
    const { channel, items } = await read(fixture('wordpress-com.xml'));
    expect(channel).toMatchObject({ wxrVersion: '1.1', generator: 'http://wordpress.com/', baseBlogUrl: 'https://harbourlog.wordpress.com' });
    expect(items.map((item) => [item.postId, item.postType])).toEqual([
      ['31', 'post'],
      ['32', 'attachment'],
    ]);
    expect(items[0]!.meta.get('_thumbnail_id')).toBe('32');
  });

  it('resolves no external entity: the reference stays as written, and the item says its XML was damaged', async () => {
    const { items } = await read(fixture('hostile.xml'));
    const [post] = items;
    expect(post!.title).toBe('Notice to mariners &leak; from the harbour office');
    expect(post!.excerpt).toContain('&remote;');
    expect(post!.readProblems.join(' ')).toMatch(/undefined entity/);
  });

  it('reads on past a broken item, and says when the file ends inside one', async () => {
    const file = write(
      'truncated.xml',
      WXR('<item><title>One</title><wp:post_id>1</wp:post_id><wp:bogus>a &nope; b</wp:bogus></item><item><title>Two</title><wp:post_id>2</wp:post_id></item>').replace('</channel></rss>', '<item><title>Three</title><wp:post_id>3</wp:post_id>'),
    );
    const { channel, items } = await read(file);
    expect(items.map((item) => item.title)).toEqual(['One', 'Two']);
    expect(items[0]!.readProblems).toHaveLength(1);
    expect(channel.readProblems.join(' ')).toMatch(/ends inside post 3/);
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['a comment and nothing else', '<!-- nothing here -->', /not XML/],
    ['plain text', 'hello, world', /not XML/],
    ['binary bytes', '\u0000\u0001\u0002PNG', /not XML/],
    ['an RSS feed', '<rss version="2.0"><channel><title>Feed</title><item><title>A</title></item></channel></rss>', /not a WordPress export \(it has no wp:wxr_version\)/],
    ['another XML document', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', /root element is <svg>/],
  ])('refuses %s before handing over anything', async (_name, text, message) => {
    const file = write(`refused-${Math.random().toString(36).slice(2)}.xml`, text);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of readWxr(file)) seen.push(event.kind);
    })();
    await expect(reading).rejects.toThrow(NotAWordPressExport);
    await expect(reading).rejects.toThrow(message);
    expect(seen).toEqual([]);
  });
});
