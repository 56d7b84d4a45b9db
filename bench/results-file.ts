/** The benchmarks' result files: one JSON array per day and kind of run, so earlier runs stay beside later ones. */
import fs from 'node:fs';
import path from 'node:path';

/** Appends `result` to `dir/<name>.json`, replaced atomically; returns the file's path. */
export function appendResult(dir: string, name: string, result: unknown): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[]) : [];
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify([...previous, result], null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
