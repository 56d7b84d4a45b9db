import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffManifests, hashSite, type Manifest } from '../../src/deploy/manifest.ts';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-manifest-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(file: string, data: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), data);
}

const sha256 = (data: string) => crypto.createHash('sha256').update(data).digest('hex');

const manifest = (files: Record<string, string>): Manifest => ({
  version: 1,
  files: Object.fromEntries(Object.entries(files).map(([name, data]) => [name, { sha256: sha256(data), size: Buffer.byteLength(data) }])),
});

describe('hashSite', () => {
  it('lists every file by its POSIX path in the folder, with its SHA-256 and size, in sorted order', () => {
    write('index.html', '<h1>Home</h1>');
    write('articles/b/index.html', 'b');
    write('articles/a/index.html', 'a');
    write('_astro/app.Xy1.css', 'body{}');
    write('Über/index.html', 'ü');
    const site = hashSite(dir);
    expect(site.version).toBe(1);
    expect(Object.keys(site.files)).toEqual(['_astro/app.Xy1.css', 'articles/a/index.html', 'articles/b/index.html', 'index.html', 'Über/index.html']);
    expect(site.files['index.html']).toEqual({ sha256: sha256('<h1>Home</h1>'), size: 13 });
    expect(site.files['Über/index.html']).toEqual({ sha256: sha256('ü'), size: 2 });
  });

  it('leaves out folders and symbolic links, which a copy of the site would not carry as files', () => {
    write('index.html', 'home');
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.symlinkSync(path.join(dir, 'index.html'), path.join(dir, 'alias.html'));
    expect(Object.keys(hashSite(dir).files)).toEqual(['index.html']);
  });

  it('gives the same manifest for the same bytes, whatever the files’ times', () => {
    write('index.html', 'home');
    const before = hashSite(dir);
    fs.utimesSync(path.join(dir, 'index.html'), new Date(0), new Date(0));
    expect(hashSite(dir)).toEqual(before);
  });
});

describe('diffManifests', () => {
  it('adds every file when nothing is known of the target', () => {
    const next = manifest({ 'index.html': 'home', 'rss.xml': 'feed' });
    expect(diffManifests(undefined, next)).toEqual({ added: ['index.html', 'rss.xml'], changed: [], removed: [], bytes: 8 });
  });

  it('sorts files into added, changed and removed, and counts the bytes to send', () => {
    const live = manifest({ 'index.html': 'home', 'articles/old/index.html': 'old', 'about/index.html': 'same' });
    const next = manifest({ 'index.html': 'home, new', 'articles/new/index.html': 'new!', 'about/index.html': 'same' });
    expect(diffManifests(live, next)).toEqual({
      added: ['articles/new/index.html'],
      changed: ['index.html'],
      removed: ['articles/old/index.html'],
      bytes: 4 + 9,
    });
  });

  it('finds nothing to send between a site and itself', () => {
    const site = manifest({ 'index.html': 'home' });
    expect(diffManifests(site, site)).toEqual({ added: [], changed: [], removed: [], bytes: 0 });
  });

  it('sorts each list by code unit, so two machines agree', () => {
    const next = manifest({ 'b.html': '1', 'a.html': '2', 'B.html': '3', '_x.html': '4' });
    expect(diffManifests(undefined, next).added).toEqual(['B.html', '_x.html', 'a.html', 'b.html']);
  });

  it('reads a file named like an object property as a file', () => {
    const live = manifest({ constructor: 'a' });
    const next = manifest({ toString: 'b' });
    expect(diffManifests(live, next)).toEqual({ added: ['toString'], changed: [], removed: ['constructor'], bytes: 1 });
  });

  it('works on what hashSite writes', () => {
    write('index.html', 'home');
    write('articles/a/index.html', 'a');
    const live = hashSite(dir);
    write('index.html', 'home, new');
    fs.rmSync(path.join(dir, 'articles'), { recursive: true });
    write('tags/x/index.html', 'x');
    expect(diffManifests(live, hashSite(dir))).toEqual({ added: ['tags/x/index.html'], changed: ['index.html'], removed: ['articles/a/index.html'], bytes: 10 });
  });
});
