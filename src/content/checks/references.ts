import type { Finding } from './finding.ts';

/** Where each kind of referenced entry lives, under the content folder. */
const FOLDERS = { author: 'authors', topic: 'topics', series: 'series' } as const;
export type ReferenceKind = keyof typeof FOLDERS;

/** Checks that an id names an existing entry of `kind`. */
export function checkReference(field: string, id: string, kind: ReferenceKind, known: ReadonlySet<string>): Finding[] {
  return known.has(id) ? [] : [{ field, message: `unknown ${kind} "${id}" (no content/${FOLDERS[kind]}/${id}.yml)` }];
}

/** Checks that every id in a list (`field.<index>`) names an existing entry of `kind`. */
export function checkReferences(field: string, ids: readonly string[], kind: ReferenceKind, known: ReadonlySet<string>): Finding[] {
  return ids.flatMap((id, index) => checkReference(`${field}.${index}`, id, kind, known));
}
