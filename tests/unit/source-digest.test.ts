import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder, sourceDigest } from '../../src/lib/source-digest.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-digest-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

describe('sourceDigest', () => {
  write('src/a.ts', 'a');
  write('src/deep/b.ts', 'b');
  write('config.mjs', 'c');

  it('lists every file under folders and single files, sorted, skipping what is missing', () => {
    expect(filesUnder(root, ['src', 'config.mjs', 'absent']).map((file) => path.relative(root, file))).toEqual([
      'config.mjs',
      path.join('src', 'a.ts'),
      path.join('src', 'deep', 'b.ts'),
    ]);
  });

  it('changes with a byte of any file, a renamed file and the extra settings, and with nothing else', () => {
    const before = sourceDigest(root, ['src', 'config.mjs'], { site: 'x' });
    expect(sourceDigest(root, ['config.mjs', 'src'], { site: 'x' })).toBe(before);
    expect(sourceDigest(root, ['src', 'config.mjs'], { site: 'y' })).not.toBe(before);
    write('src/deep/b.ts', 'B');
    expect(sourceDigest(root, ['src', 'config.mjs'], { site: 'x' })).not.toBe(before);
    write('src/deep/b.ts', 'b');
    expect(sourceDigest(root, ['src', 'config.mjs'], { site: 'x' })).toBe(before);
    fs.renameSync(path.join(root, 'src/a.ts'), path.join(root, 'src/z.ts'));
    expect(sourceDigest(root, ['src', 'config.mjs'], { site: 'x' })).not.toBe(before);
  });
});
