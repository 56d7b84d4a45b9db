import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Properties that name a side of the screen rather than of the text: a right-to-left page would keep them on the wrong side. */
const PHYSICAL = /\b(?:(?:margin|padding|border)-(?:left|right)|left|right|float:\s*(?:left|right)|text-align:\s*(?:left|right)|border-(?:top|bottom)-(?:left|right)-radius)\s*:|\b(?:float|text-align|clear):\s*(?:left|right)\b/;

function styleFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(css|astro)$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('styles follow the direction of the text', () => {
  it('use logical properties (inline-start and -end), never left and right', () => {
    const found: string[] = [];
    for (const file of [...styleFiles('src'), ...styleFiles('admin')]) {
      const text = fs.readFileSync(file, 'utf8');
      // In an .astro file only its <style> blocks are CSS.
      const css = file.endsWith('.astro') ? [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n') : text;
      css.split('\n').forEach((line, index) => {
        if (PHYSICAL.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('would catch a physical property', () => {
    expect(PHYSICAL.test('  margin-left: 1rem;')).toBe(true);
    expect(PHYSICAL.test('  & .x { text-align: right; }')).toBe(true);
    expect(PHYSICAL.test('  left: 0;')).toBe(true);
    expect(PHYSICAL.test('  margin-inline-start: 1rem; inset-inline-end: 0; text-align: start;')).toBe(false);
  });
});
