/**
 * Every field of every kind of content, read from the content schema, and a
 * valid change to each: what the schema sweep (`tests/rebuild/schema-sweep.test.ts`)
 * publishes one batch at a time. The fields come from walking the schema, so a
 * field added to it later is swept without this file changing; only a new
 * kind of content needs a line in `KINDS`.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { alertsFields, articleFields, authorFields, plainIds, seriesFields, settingsFields, topicFields, updateFields } from '../../src/content/schema.ts';
import { validateContent } from '../../src/content/validate.ts';

/** In these files an image is its path, as in the validator's first pass. */
const imagePath = () => z.string();

type Format = 'frontmatter' | 'yaml';

/** Each kind of content: its schema and its files under the content folder. */
export const KINDS: { kind: string; schema: z.ZodType; format: Format; files: (contentDir: string) => string[] }[] = [
  // First: an article can be written in a further language, or translate another, only once the settings name one.
  { kind: 'settings', schema: settingsFields, format: 'yaml', files: (dir) => [path.join(dir, 'settings.yml')] },
  { kind: 'articles', schema: articleFields(imagePath, plainIds), format: 'frontmatter', files: (dir) => filesUnder(path.join(dir, 'articles'), /\/index\.mdx?$/) },
  { kind: 'live updates', schema: updateFields, format: 'frontmatter', files: (dir) => filesUnder(path.join(dir, 'live'), /\.md$/) },
  { kind: 'authors', schema: authorFields(imagePath), format: 'yaml', files: (dir) => filesUnder(path.join(dir, 'authors'), /\.ya?ml$/) },
  { kind: 'topics', schema: topicFields, format: 'yaml', files: (dir) => filesUnder(path.join(dir, 'topics'), /\.ya?ml$/) },
  { kind: 'series', schema: seriesFields(imagePath), format: 'yaml', files: (dir) => filesUnder(path.join(dir, 'series'), /\.ya?ml$/) },
  { kind: 'alerts', schema: alertsFields, format: 'yaml', files: (dir) => [path.join(dir, 'alerts.yml')] },
];

/** Languages with a dictionary, for the language fields. */
const LANGUAGES = ['en-GB', 'de-DE'];

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((file) => path.join(dir, file))
    .filter((file) => pattern.test(file.split(path.sep).join('/')))
    .sort();
}

export type FieldPath = (string | number)[];
interface Field {
  path: FieldPath;
  schema: z.ZodType;
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType> };
const def = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;
const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'prefault']);

/** The schema under its optional, default and nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (WRAPPERS.has(def(inner).type)) inner = def(inner).innerType!;
  return inner;
}

/** Every leaf field: an object's fields in turn, a list of objects through its first item. */
export function fieldsOf(schema: z.ZodType, prefix: FieldPath = []): Field[] {
  const base = unwrap(schema);
  if (def(base).type === 'object') return Object.entries((base as unknown as { shape: Record<string, z.ZodType> }).shape).flatMap(([key, field]) => fieldsOf(field, [...prefix, key]));
  if (def(base).type === 'array' && def(unwrap(def(base).element!)).type === 'object') return fieldsOf(def(base).element!, [...prefix, 0]);
  return [{ path: prefix, schema }];
}

/** The schema of the value at `at` below `schema` (objects by key, lists by item). */
function schemaAt(schema: z.ZodType, at: FieldPath): z.ZodType {
  let current = schema;
  for (const key of at) {
    const base = unwrap(current);
    current = typeof key === 'number' ? def(base).element! : (base as unknown as { shape: Record<string, z.ZodType> }).shape[key]!;
  }
  return current;
}

/** Entries of a kind tried for a field, among those that set it and those that do not. */
const ENTRIES_TRIED = 5;

/** A field taken out of its entry. */
const ABSENT = Symbol('absent');

const isRequired = (schema: z.ZodType) => !['optional', 'default'].includes(def(schema).type);

/** Values tried for a field, from the value it holds and from a pool of every kind of value; `ids` are the content's entry ids and `images` paths to its images. */
function candidates(schema: z.ZodType, current: unknown, ids: string[], images: string[]): unknown[] {
  const pool: unknown[] = [];
  const base = unwrap(schema);
  if (def(base).type === 'enum') pool.push(...(base as unknown as { options: unknown[] }).options);
  if (current instanceof Date) pool.push(new Date(current.getTime() - 3_600_000), new Date(current.getTime() + 3_600_000));
  if (typeof current === 'string') pool.push(`${current}-x`, `${current} (swept)`);
  if (typeof current === 'number') pool.push(current + 1, current - 1);
  if (typeof current === 'boolean') pool.push(!current);
  if (Array.isArray(current)) {
    pool.push(current.slice(1), [...current].reverse(), [...current, 'swept']);
    pool.push(...ids.filter((id) => !current.includes(id)).map((id) => [...current, id]));
  }
  if (def(base).type === 'object' && current === undefined) pool.push(sample(base, ids, images));
  pool.push('Swept text', 'https://example.org/swept', 'swept@example.org', new Date('2026-10-01T12:00:00Z'), 2, true, false, ['swept'], ...ids, ...images);
  pool.push(...LANGUAGES, ...LANGUAGES.map((tag) => [tag]));
  const values = pool.filter((value) => value !== undefined && JSON.stringify(value) !== JSON.stringify(current) && schema.safeParse(value).success);
  // Last: taking out a field that may be left out.
  return current !== undefined && schema.safeParse(undefined).success ? [...values, ABSENT] : values;
}

/** A small valid value of an object schema: its required fields, each the first value it accepts. */
function sample(schema: z.ZodType, ids: string[], images: string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries((unwrap(schema) as unknown as { shape: Record<string, z.ZodType> }).shape)) {
    if (isRequired(field)) value[key] = candidates(field, undefined, ids, images)[0];
  }
  return value;
}

/** A file's fields, and how to write them back with its body. */
function readEntry(file: string, format: Format): { data: Record<string, unknown>; write: (data: Record<string, unknown>) => void } {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (format === 'yaml') return { data: (yaml.load(text) ?? {}) as Record<string, unknown>, write: (data) => fs.writeFileSync(file, yaml.dump(data)) };
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file} has no frontmatter`);
  const body = match[2]!;
  return { data: yaml.load(match[1]!) as Record<string, unknown>, write: (data) => fs.writeFileSync(file, `---\n${yaml.dump(data)}---\n${body}`) };
}

const getAt = (data: unknown, at: FieldPath): unknown => at.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], data);

/** A copy of `data` with `value` at `at`, making the objects and lists above it (with their required fields) where missing. */
function setAt(data: Record<string, unknown>, at: FieldPath, value: unknown, schema: z.ZodType, ids: string[], images: string[]): Record<string, unknown> {
  const copy = structuredClone(data);
  let holder: Record<string | number, unknown> = copy;
  at.slice(0, -1).forEach((key, index) => {
    if (holder[key] === undefined || holder[key] === null) {
      const next = at[index + 1];
      holder[key] = typeof next === 'number' ? [sample(schemaAt(schema, [...at.slice(0, index + 1), 0]), ids, images)] : sample(schemaAt(schema, at.slice(0, index + 1)), ids, images);
    }
    holder = holder[key] as Record<string | number, unknown>;
  });
  if (value === ABSENT) delete holder[at.at(-1)!];
  else holder[at.at(-1)!] = value;
  return copy;
}

/** One change the sweep made. */
export interface Change {
  kind: string;
  file: string;
  field: string;
  from: unknown;
  to: unknown;
}

/** Every field of every kind, in order: the sweep's list of work. */
export function allFields(): { kind: (typeof KINDS)[number]; path: FieldPath; schema: z.ZodType }[] {
  return KINDS.flatMap((kind) => fieldsOf(kind.schema).map((field) => ({ kind, ...field })));
}

/** Every entry id and image path in the content folder, the pool that reference and image fields draw from. */
function contentPools(contentDir: string, file: string): { ids: string[]; images: string[] } {
  const ids = [
    ...['authors', 'topics', 'series'].flatMap((folder) => filesUnder(path.join(contentDir, folder), /\.ya?ml$/).map((entry) => path.basename(entry).replace(/\.ya?ml$/, ''))),
    // Article slugs, for `translationOf`.
    ...filesUnder(path.join(contentDir, 'articles'), /\/index\.mdx?$/).map((file) => path.basename(path.dirname(file))),
  ];
  const images = filesUnder(contentDir, /\.(jpe?g|png|webp)$/)
    .slice(0, 3)
    .map((image) => {
      const relative = path.relative(path.dirname(file), image).split(path.sep).join('/');
      return relative.startsWith('.') ? relative : `./${relative}`;
    });
  return { ids, images };
}

/**
 * Changes one field in the content folder to the first candidate value that
 * leaves the whole content valid: in an entry that sets it if one can, else
 * in one that does not. Undefined when no entry and no candidate can.
 */
export function changeField(contentDir: string, field: ReturnType<typeof allFields>[number]): Change | undefined {
  const entries = field.kind.files(contentDir).map((file) => ({ file, ...readEntry(file, field.kind.format) }));
  const setting = entries.filter(({ data }) => getAt(data, field.path) !== undefined);
  const others = entries.filter(({ data }) => getAt(data, field.path) === undefined);
  // A few of each: enough to get past rules that tie fields together, such as a series part's number.
  for (const entry of [...setting.slice(0, ENTRIES_TRIED), ...others.slice(0, ENTRIES_TRIED)]) {
    const from = getAt(entry.data, field.path);
    const { ids, images } = contentPools(contentDir, entry.file);
    for (const to of candidates(field.schema, from, ids, images)) {
      entry.write(setAt(entry.data, field.path, to, field.kind.schema, ids, images));
      if (validateContent(contentDir).problems.length === 0) {
        return { kind: field.kind.kind, file: path.relative(contentDir, entry.file), field: field.path.join('.'), from, to: to === ABSENT ? '(taken out)' : to };
      }
      entry.write(entry.data);
    }
  }
  return undefined;
}
