import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { broadsheet, broadsheetSteps } from '../../src/integrations/broadsheet.ts';
import { handOff } from '../../src/integrations/hand-off.ts';

describe('the build as one integration', () => {
  it('adds its steps right after itself, in the order they must run', () => {
    const added: AstroIntegration[] = [];
    const setup = broadsheet().hooks['astro:config:setup'] as (options: { updateConfig: (config: { integrations: AstroIntegration[] }) => void }) => void;
    setup({ updateConfig: ({ integrations }) => added.push(...integrations) });
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
