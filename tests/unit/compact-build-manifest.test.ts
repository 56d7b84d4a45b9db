import { describe, expect, it } from 'vitest';
import { compactManifestStringify } from '../../src/integrations/compact-build-manifest.ts';
import { isBuildManifest } from '../../src/integrations/astro-internals.ts';

describe('the incremental build manifest, written without indentation', () => {
  const stringify = compactManifestStringify(JSON.stringify);
  const manifest = { version: 1, configHash: 'abc', routes: { 'src/pages/index.astro': { paths: { '/': { cacheKey: 'k' } } } } };

  it('writes the manifest on one line, and it reads back the same', () => {
    const text = stringify(manifest, null, '\t');
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual(manifest);
    expect(text.length).toBeLessThan(JSON.stringify(manifest, null, '\t').length);
  });

  it('indents everything else as asked', () => {
    expect(isBuildManifest({ version: 1, routes: {} })).toBe(false);
    expect(isBuildManifest(null)).toBe(false);
    expect(stringify({ a: [1] }, null, 2)).toBe(JSON.stringify({ a: [1] }, null, 2));
    expect(stringify('text')).toBe('"text"');
    expect(stringify({ b: 1, c: 2 }, ['b'])).toBe('{"b":1}');
  });
});
