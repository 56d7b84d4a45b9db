import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { broadsheet, broadsheetSteps } from '../../src/integrations/broadsheet.ts';
import { handOff } from '../../src/integrations/hand-off.ts';
import { NOW_VARIABLE, site } from '../../src/site.config.ts';

describe('the build as one integration', () => {
  type Setup = (options: { command: string; updateConfig: (config: { integrations: AstroIntegration[] }) => void }) => void;
  const setup = (command: string, added: AstroIntegration[] = []) =>
    (broadsheet().hooks['astro:config:setup'] as Setup)({ command, updateConfig: ({ integrations }) => added.push(...integrations) });

  it('adds its steps right after itself, in the order they must run', () => {
    const added: AstroIntegration[] = [];
    setup('dev', added);
    const names = added.map((step) => step.name);
    expect(names).toEqual(broadsheetSteps().map((step) => step.name));
    const at = (name: string) => names.indexOf(name);
    expect(at('broadsheet:astro-version')).toBe(0);
    expect(at('broadsheet:validate-content')).toBe(1);
    expect(at('broadsheet:restore-pages')).toBeLessThan(at('broadsheet:pagefind'));
    expect(at('broadsheet:pagefind')).toBeLessThan(at('broadsheet:pagefind-finish'));
    expect(at('broadsheet:pagefind-finish')).toBeLessThan(at('broadsheet:redirects'));
    expect(names.slice(-2)).toEqual(['broadsheet:build-cache', 'broadsheet:host-limits']);
  });

  it("fixes a build's now for the pages, which load the configuration again, and leaves the dev server's and a set one alone", () => {
    const set = process.env[NOW_VARIABLE];
    try {
      delete process.env[NOW_VARIABLE];
      setup('dev');
      expect(process.env[NOW_VARIABLE]).toBeUndefined();
      setup('build');
      expect(process.env[NOW_VARIABLE]).toBe(site.now.toISOString());
      process.env[NOW_VARIABLE] = '2026-01-01T00:00:00.000Z';
      setup('build');
      expect(process.env[NOW_VARIABLE]).toBe('2026-01-01T00:00:00.000Z');
    } finally {
      if (set === undefined) delete process.env[NOW_VARIABLE];
      else process.env[NOW_VARIABLE] = set;
    }
  });
});

describe('a hand-off between steps', () => {
  it('gives the readers the value last set', () => {
    const facts = handOff<number>('The count');
    facts.set(1);
    facts.set(2);
    expect(facts.read()).toBe(2);
  });

  it('fails, naming what was asked for, when read before it is set', () => {
    expect(() => handOff<number>('The count').read()).toThrow('The count was read before the step that works it out ran');
  });
});
