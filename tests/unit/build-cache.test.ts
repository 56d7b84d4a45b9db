import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFingerprint, distrustReason, imageCacheDistrust, type State } from '../../src/integrations/build-cache.ts';

describe('the build cache guard', () => {
  const finished: State = { format: 1, fingerprint: 'abc', complete: true };

  it('trusts a cache from a finished build of the same code', () => {
    expect(distrustReason(finished, 'abc', false)).toBeUndefined();
  });

  it('distrusts a cache from a build that did not finish, from other code, or when a clean build is asked for', () => {
    expect(distrustReason({ ...finished, complete: false }, 'abc', false)).toBe('the last build did not finish');
    expect(distrustReason(finished, 'def', false)).toBe('the code, dependencies or configuration changed since the last build');
    expect(distrustReason(finished, 'abc', true)).toBe('a clean build was asked for');
  });

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-fingerprint-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps the image cache across code changes, not across encoder settings', () => {
    const encoding = JSON.stringify({ entrypoint: 'astro/assets/services/sharp', config: { webp: { effort: 2 } } });
    expect(imageCacheDistrust({ ...finished, fingerprint: 'other', imageEncoding: encoding }, encoding)).toBeUndefined();
    expect(imageCacheDistrust({ ...finished, imageEncoding: encoding }, encoding.replace('2', '4'))).toBe('the image encoder settings changed');
    // A cache from before the settings were recorded may hold any encoding.
    expect(imageCacheDistrust(finished, encoding)).toBe('the image encoder settings changed');
  });

  it('fingerprints the source files and the settings', () => {
    fs.mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'lib', 'a.ts'), 'export const a = 1;');
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{}');
    const first = buildFingerprint(root, { site: 'https://a.example' });
    expect(buildFingerprint(root, { site: 'https://a.example' })).toBe(first);
    expect(buildFingerprint(root, { site: 'https://b.example' })).not.toBe(first);
    fs.writeFileSync(path.join(root, 'src', 'lib', 'a.ts'), 'export const a = 2;');
    expect(buildFingerprint(root, { site: 'https://a.example' })).not.toBe(first);
  });
});
