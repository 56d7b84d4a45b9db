import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/lib/write-atomic.ts';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-atomic-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a file with a new one, leaving no temporary file behind', () => {
    const file = path.join(dir, 'list.json');
    fs.writeFileSync(file, 'old');
    const before = fs.statSync(file).ino;
    writeFileAtomic(file, '["new"]');
    expect(fs.readFileSync(file, 'utf8')).toBe('["new"]');
    // A new file renamed over the old: a hard link to the old one keeps the old bytes.
    expect(fs.statSync(file).ino).not.toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['list.json']);
  });

  it('writes bytes as they are', () => {
    const file = path.join(dir, 'card.jpg');
    writeFileAtomic(file, new Uint8Array([0xff, 0xd8, 0xff]));
    expect([...fs.readFileSync(file)]).toEqual([0xff, 0xd8, 0xff]);
  });
});
