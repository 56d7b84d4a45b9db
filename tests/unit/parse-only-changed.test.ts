import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { glob, type LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentStore, parseOnlyChanged } from '../../src/integrations/astro-internals.ts';

let root = '';
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-only-changed-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (slug: string, title: string) => {
  const file = path.join(root, 'articles', '2026', slug, 'index.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `---\ntitle: ${title}\n---\nThe body of ${slug}.\n`);
};

/** Astro's own glob loader and store, with a Markdown entry type that notes each file it parses. */
function articles(store: LoaderContext['store']) {
  const parsed: string[] = [];
  const entryTypes = new Map([
    [
      '.md',
      {
        extensions: ['.md'],
        getEntryInfo: ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
          parsed.push(path.basename(path.dirname(fileURLToPath(fileUrl))));
          const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(contents) ?? [];
          return { data: yaml.load(frontmatter) as Record<string, unknown>, body, slug: '', rawData: frontmatter };
        },
      },
    ],
  ]);
  const quiet = () => undefined;
  const context = {
    collection: 'articles',
    store,
    logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: unknown) => crypto.createHash('sha1').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex'),
    entryTypes,
  } as unknown as LoaderContext;
  const loader = parseOnlyChanged(glob({ pattern: '*/*/index.md', base: path.join(root, 'articles'), generateId: ({ entry }) => entry.split('/')[1] ?? entry }));
  return {
    load: async () => {
      parsed.length = 0;
      await loader.load(context);
      return [...parsed].sort();
    },
  };
}

describe("parseOnlyChanged (Astro's glob loader)", () => {
  it('parses every file once, then only the files that changed, and keeps the entries of the others as they were', async () => {
    write('a', 'First');
    write('b', 'Second');
    write('c', 'Third');
    const store = await contentStore('articles');
    const collection = articles(store);
    expect(await collection.load()).toEqual(['a', 'b', 'c']);
    write('b', 'Second, corrected');
    expect(await collection.load()).toEqual(['b']);
    expect(store.get('a')?.data).toEqual({ title: 'First' });
    expect(store.get('b')?.data).toEqual({ title: 'Second, corrected' });
    expect(await collection.load()).toEqual([]);
    expect(store.values().map((entry) => entry.data['title']).sort()).toEqual(['First', 'Second, corrected', 'Third']);
  });

  it('parses a file that changed back to what it was, and a new one, and lets a deleted one go', async () => {
    write('a', 'First');
    const store = await contentStore('articles');
    const collection = articles(store);
    await collection.load();
    write('a', 'Changed');
    expect(await collection.load()).toEqual(['a']);
    write('a', 'First');
    write('d', 'New');
    expect(await collection.load()).toEqual(['a', 'd']);
    expect(store.get('a')?.data).toEqual({ title: 'First' });
    fs.rmSync(path.join(root, 'articles', '2026', 'd'), { recursive: true });
    expect(await collection.load()).toEqual([]);
    expect(store.keys()).toEqual(['a']);
  });

  it('parses a file whose entry has gone from the store', async () => {
    write('a', 'First');
    write('b', 'Second');
    const store = await contentStore('articles');
    const collection = articles(store);
    await collection.load();
    store.delete('a');
    expect(await collection.load()).toEqual(['a']);
    expect(store.get('a')?.data).toEqual({ title: 'First' });
  });
});
