import { describe, expect, it } from 'vitest';
import { astroVersion, isBuildManifest, TESTED, untestedAstro } from '../../src/integrations/astro-internals.ts';

describe('the Astro releases Broadsheet was tested with', () => {
  it('include the installed one', () => {
    expect(untestedAstro(astroVersion())).toBeUndefined();
  });

  it('run from the first tested release up to the next minor, not included', () => {
    expect(untestedAstro(TESTED.from)).toBeUndefined();
    expect(untestedAstro('7.4.99')).toBeUndefined();
    expect(untestedAstro('7.4.7')).toMatch(/^Astro 7\.4\.7 is outside the releases Broadsheet was tested with \(7\.4\.8 up to 7\.5\.0, not included\)/);
    expect(untestedAstro('7.5.0')).toContain('src/integrations/astro-internals.ts');
    expect(untestedAstro('8.0.0-beta.1')).toBeDefined();
    expect(untestedAstro('7.3.5')!.split('\n')).toHaveLength(1);
  });
});

describe('the incremental build manifest', () => {
  it('is told by its top-level keys', () => {
    expect(isBuildManifest({ version: 1, configHash: 'a', lockfileHash: 'b', routes: {} })).toBe(true);
    expect(isBuildManifest({ version: 1, routes: {} })).toBe(false);
    expect(isBuildManifest(null)).toBe(false);
  });
});
