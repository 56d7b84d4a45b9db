/**
 * Astro writes its incremental build manifest (`incremental-build.json`:
 * every page's cache key and the image variants it uses) as one string,
 * indented with tabs. At 100,000 articles that string passed the longest
 * a JavaScript string may be (about 512 MiB) and the cold build failed at its
 * very end ("Invalid string length"). Unindented it is a third smaller: the
 * same data, which Astro reads back with `JSON.parse` either way. While a
 * build runs, `JSON.stringify` leaves out the indentation for that one
 * object, told by its shape; everything else is untouched.
 */
import type { AstroIntegration } from 'astro';
import { isBuildManifest } from './astro-internals.ts';

type Stringify = typeof JSON.stringify;

/** `JSON.stringify` that writes the build manifest without indentation. */
export function compactManifestStringify(original: Stringify): Stringify {
  return function stringify(value: unknown, replacer?: unknown, space?: string | number) {
    return original(value, replacer as never, isBuildManifest(value) ? undefined : space);
  } as Stringify;
}

export function compactBuildManifestIntegration(): AstroIntegration {
  const original = JSON.stringify;
  return {
    name: 'broadsheet:compact-build-manifest',
    hooks: {
      'astro:build:start': () => {
        JSON.stringify = compactManifestStringify(original);
      },
      'astro:build:done': () => {
        JSON.stringify = original;
      },
    },
  };
}
