import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage, imageExtension, mediaFileName, mediaSource, originalOf, uploadsPath } from '../../src/import/wordpress/media.ts';
import { digestOf, localCopy, readState, recordPost, saveState } from '../../src/import/wordpress/state.ts';
import { repoRoot } from '../support/paths.ts';

const uploads = path.join(repoRoot, 'tests/fixtures/wordpress/uploads');
const jpeg = fs.readFileSync(path.join(uploads, '2024/03/harbour-dawn.jpg'));

describe('where an image comes from', () => {
  it('reads the path inside the uploads folder, on a self-hosted site and on WordPress.com', () => {
    expect(uploadsPath('https://old.example/wp-content/uploads/2024/03/a%20b.jpg')).toBe('2024/03/a b.jpg');
    expect(uploadsPath('https://old.example/blog/wp-content/uploads/2024/03/a.jpg?resize=10')).toBe('2024/03/a.jpg');
    expect(uploadsPath('https://harbourlog.files.wordpress.com/2022/08/pier.jpg?w=1024')).toBe('2022/08/pier.jpg');
    expect(uploadsPath('https://elsewhere.example/photo.jpg')).toBeUndefined();
    expect(originalOf('2024/03/ferry-deck-1024x640.jpg')).toBe('2024/03/ferry-deck.jpg');
    expect(originalOf('2024/03/ferry-deck.jpg')).toBeUndefined();
  });

  it('takes --uploads as a folder or a server, and without it the export’s own addresses', () => {
    expect(mediaSource(undefined)).toEqual({ kind: 'origin' });
    expect(mediaSource('http://127.0.0.1:8080/files')).toEqual({ kind: 'server', base: 'http://127.0.0.1:8080/files/' });
    expect(mediaSource('uploads')).toEqual({ kind: 'folder', folder: path.resolve('uploads') });
  });

  it('knows a picture by its first bytes, whatever its name says', () => {
    expect(imageExtension(jpeg)).toBe('jpg');
    expect(imageExtension(fs.readFileSync(path.join(uploads, '2023/11/festival-stage.png')))).toBe('png');
    expect(imageExtension(new TextEncoder().encode('<html>not found</html>'))).toBeUndefined();
  });

  it('names the copy after the file, in lowercase words, once per article', () => {
    expect(mediaFileName('https://old.example/wp-content/uploads/My%20Photo%20(1).JPG', 'jpg', new Set())).toBe('my-photo-1.jpg');
    expect(mediaFileName('/somewhere/pier.jpg', 'jpg', new Set(['pier.jpg']))).toBe('pier-2.jpg');
    expect(mediaFileName('https://old.example/wp-content/uploads/%E6%B8%AF.png', 'png', new Set())).toBe('image.png');
  });
});

describe('fetchImage', () => {
  let server: http.Server;
  let base: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requested.push(req.url ?? '');
      if (req.url === '/files/2024/03/harbour-dawn.jpg' || req.url === '/direct/dawn.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
      else if (req.url === '/files/2024/03/html.jpg') res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('copies from an uploads folder, trying the original when a resized copy is missing', async () => {
    const found = await fetchImage('https://old.example/wp-content/uploads/2024/03/ferry-deck-1024x640.jpg', mediaSource(uploads));
    expect(found).toMatchObject({ ok: true, extension: 'jpg', from: path.join(uploads, '2024/03/ferry-deck.jpg') });
    expect(await fetchImage('https://old.example/wp-content/uploads/2024/01/gone.jpg', mediaSource(uploads))).toEqual({ ok: false, problem: 'is not in the uploads folder (2024/01/gone.jpg)' });
    expect(await fetchImage('https://elsewhere.example/a.jpg', mediaSource(uploads))).toMatchObject({ ok: false, problem: expect.stringMatching(/not from the old site’s uploads/) });
    expect(await fetchImage('https://old.example/wp-content/uploads/..%2f..%2f..%2fetc%2fhostname', mediaSource(uploads))).toEqual({ ok: false, problem: 'points outside the uploads folder' });
  });

  it('fetches from a server holding the uploads, and refuses what is not a picture', async () => {
    const source = mediaSource(`${base}/files`);
    expect(await fetchImage('https://harbourlog.files.wordpress.com/2024/03/harbour-dawn.jpg?w=1024', source)).toMatchObject({ ok: true, extension: 'jpg' });
    expect(await fetchImage('https://old.example/wp-content/uploads/2024/03/html.jpg', source)).toEqual({ ok: false, problem: 'the file fetched is not a JPEG, PNG, GIF, WebP or AVIF image' });
    expect(await fetchImage('https://old.example/wp-content/uploads/2024/03/none.jpg', source)).toEqual({ ok: false, problem: 'could not be fetched (HTTP 404)' });
  });

  it('fetches from the address in the export when no uploads are given', async () => {
    expect(await fetchImage(`${base}/direct/dawn.jpg?w=300`, mediaSource(undefined))).toMatchObject({ ok: true, from: `${base}/direct/dawn.jpg` });
    expect(requested).toContain('/direct/dawn.jpg');
  });
});

describe('import state', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-state-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('remembers each article written, even when the import stops before saving', () => {
    const state = readState(dir);
    expect(state).toEqual({ version: 1, posts: {} });
    recordPost(dir, state, '12', { slug: 'a', year: '2024', modified: '2024-01-01 00:00:00', digest: digestOf('x') });
    // A second run after an interruption reads the journal.
    expect(readState(dir).posts['12']?.slug).toBe('a');
    saveState(dir, state);
    expect(fs.readdirSync(path.join(dir, '.import'))).toEqual(['wordpress.json']);
    expect(readState(dir).posts['12']?.slug).toBe('a');
  });

  it('tells an article edited since the import from one left as it was, and one removed', () => {
    const folder = path.join(dir, 'articles/2024/a');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'index.md'), 'as written');
    const post = { slug: 'a', year: '2024', modified: '', digest: digestOf('as written') };
    expect(localCopy(dir, post)).toBe('unchanged');
    fs.appendFileSync(path.join(folder, 'index.md'), ', then edited');
    expect(localCopy(dir, post)).toBe('edited');
    expect(localCopy(dir, { ...post, slug: 'gone' })).toBe('missing');
  });
});
