import type { Finding } from './finding.ts';

/** Checks that every id in a list (`field.<index>`) names an existing author or topic file. */
export function checkReferences(field: string, ids: readonly string[], kind: 'author' | 'topic', known: ReadonlySet<string>): Finding[] {
  return ids.flatMap((id, index) =>
    known.has(id) ? [] : [{ field: `${field}.${index}`, message: `unknown ${kind} "${id}" (no content/${kind}s/${id}.yml)` }],
  );
}
