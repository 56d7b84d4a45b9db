/**
 * The schema sweep: every field of every kind of content (read from the
 * content schema, `tests/support/schema-sweep.ts`) is changed in turn, a few
 * fields a publish, and after each publish the incremental build must equal a
 * clean build of the same content, file for file. A field added to the schema
 * is swept without this test changing. `BROADSHEET_SWEEP_BATCH=1` publishes
 * one field at a time, to tell which field a difference comes from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { describeDiff, diffDirs } from '../support/compare-dirs.ts';
import { repoRoot, SAMPLE_NOW, testOutput } from '../support/paths.ts';
import { allFields, changeField, type Change } from '../support/schema-sweep.ts';

const work = path.join(testOutput, 'schema-sweep');
const contentDir = path.join(work, 'content');
const incremental = path.join(work, 'incremental');
const clean = path.join(work, 'clean');
const env = { BROADSHEET_NOW: SAMPLE_NOW };
const BATCH = Number(process.env['BROADSHEET_SWEEP_BATCH'] ?? 1);
/** `BROADSHEET_SWEEP_KINDS=authors,topics` sweeps those kinds only. */
const KINDS = process.env['BROADSHEET_SWEEP_KINDS']?.split(',');

/** Fields that no valid content can change: a live update's story is the folder it sits in. */
const FIXED = ['live updates: story'];

async function build(outDir: string): Promise<void> {
  const result = await buildSite({ contentDir, outDir, env });
  expect(result.code, result.output.slice(-3000)).toBe(0);
}

const describeChange = ({ kind, file, field, from, to }: Change) => `${kind}: ${field} in ${file}, ${JSON.stringify(from)} → ${JSON.stringify(to)}`;

it('keeps the incremental build equal to a clean one whatever field of whatever kind changes', async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  await build(incremental);

  const fields = allFields().filter(({ kind }) => !KINDS || KINDS.includes(kind.kind));
  const unchanged: string[] = [];
  const differences: string[] = [];
  let swept = 0;
  for (let start = 0; start < fields.length; start += BATCH) {
    const changes: Change[] = [];
    for (const field of fields.slice(start, start + BATCH)) {
      const change = changeField(contentDir, field);
      if (change) changes.push(change);
      else unchanged.push(`${field.kind.kind}: ${field.path.join('.')}`);
    }
    if (changes.length === 0) continue;
    swept += changes.length;
    await build(incremental);
    fs.rmSync(clean, { recursive: true, force: true });
    fs.rmSync(`${clean}.cache`, { recursive: true, force: true });
    await build(clean);
    const diff = describeDiff(diffDirs(incremental, clean), ['incremental', 'clean']);
    if (diff) differences.push(`After changing:\n  ${changes.map(describeChange).join('\n  ')}\n${diff}`);
  }

  expect(differences.join('\n\n')).toBe('');
  const fixed = FIXED.filter((field) => !KINDS || KINDS.some((kind) => field.startsWith(`${kind}:`)));
  expect(unchanged).toEqual(fixed);
  expect(swept).toBe(fields.length - fixed.length);
}, 1_800_000);
