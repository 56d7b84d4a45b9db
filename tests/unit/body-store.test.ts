import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
// Astro's own store, the one the content layer hands to loaders.
import { contentStore } from '../../src/integrations/astro-internals.ts';
import { keepBodiesApart, storedWords, withBody } from '../../src/content/body-store.ts';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'body-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Store = LoaderContext['store'];

/** A loader that, like Astro's glob loader, renders only entries whose digest changed and drops the rest. */
function sourceLoader(sources: Record<string, string>, rendered: string[]): Loader {
  return {
    name: 'sources',
    load: async ({ store }) => {
      for (const id of store.keys()) if (!(id in sources)) store.delete(id);
      for (const [id, body] of Object.entries(sources)) {
        const digest = `d${body.length}${body.charCodeAt(0)}`;
        if (store.get(id)?.digest === digest) continue;
        rendered.push(id);
        store.set({ id, data: { title: id }, digest, rendered: { html: `<p>${body}</p>`, metadata: { headings: [], frontmatter: { title: id } } } });
      }
    },
  };
}

async function load(store: Store, sources: Record<string, string>, watcher?: unknown): Promise<string[]> {
  const rendered: string[] = [];
  const loader = keepBodiesApart(sourceLoader(sources, rendered), dir);
  await loader.load({ store, ...(watcher ? { watcher } : {}) } as unknown as LoaderContext);
  return rendered;
}

describe('keepBodiesApart', () => {
  it('keeps each body in its own file and only its name and word count in the store', async () => {
    const store = await contentStore('articles');
    await load(store, { a: 'Three words here', b: 'Two words' });
    const entry = store.get('a')!;
    expect(entry.rendered?.html).toBe('');
    expect(storedWords(entry.rendered)).toBe(3);
    expect(entry.rendered?.metadata?.['headings']).toEqual([]);
    expect(entry.rendered?.metadata?.['frontmatter']).toBeUndefined();
    expect((await withBody(entry, dir)).rendered?.html).toBe('<p>Three words here</p>');
    expect(fs.readdirSync(dir)).toHaveLength(2);
  });

  it('renders again an entry whose body file has gone, and nothing else', async () => {
    const store = await contentStore('articles');
    await load(store, { a: 'First', b: 'Second' });
    fs.rmSync(path.join(dir, store.get('a')!.rendered!.metadata!['bodyFile'] as string));
    expect(await load(store, { a: 'First', b: 'Second' })).toEqual(['a']);
    expect((await withBody(store.get('a')!, dir)).rendered?.html).toBe('<p>First</p>');
  });

  it('removes the files of changed and deleted entries', async () => {
    const store = await contentStore('articles');
    await load(store, { a: 'First', b: 'Second', c: 'Third' });
    fs.writeFileSync(path.join(dir, 'left.html.tmp'), 'half');
    expect(await load(store, { a: 'First, revised', b: 'Second' })).toEqual(['a']);
    const names = fs.readdirSync(dir).sort();
    expect(names).toEqual([store.get('a')!.rendered!.metadata!['bodyFile'], store.get('b')!.rendered!.metadata!['bodyFile']].sort());
    expect((await withBody(store.get('a')!, dir)).rendered?.html).toBe('<p>First, revised</p>');
  });

  it('keeps bodies apart under the dev server too, for the changes its watcher makes later', async () => {
    const store = await contentStore('articles');
    await load(store, { a: 'Inline body' }, {});
    expect(store.get('a')?.rendered?.html).toBe('');
    expect((await withBody(store.get('a')!, dir)).rendered?.html).toBe('<p>Inline body</p>');

    // A watcher keeps the store its loader was given and writes through it when a file changes.
    let later: Store | undefined;
    const watching: Loader = { name: 'watching', load: async (context) => void (later = context.store) };
    await keepBodiesApart(watching, dir).load({ store, watcher: {} } as unknown as LoaderContext);
    later!.set({ id: 'a', data: { title: 'a' }, digest: 'saved', rendered: { html: '<p>Saved again</p>', metadata: {} } });
    expect(store.get('a')?.rendered?.html).toBe('');
    expect((await withBody(store.get('a')!, dir)).rendered?.html).toBe('<p>Saved again</p>');
  });

  it('fails loudly, naming the file, when a body is missing at render time', async () => {
    const store = await contentStore('articles');
    await load(store, { a: 'Gone' });
    const name = store.get('a')!.rendered!.metadata!['bodyFile'] as string;
    fs.rmSync(path.join(dir, name));
    await expect(withBody(store.get('a')!, dir)).rejects.toThrow(name);
  });
});
