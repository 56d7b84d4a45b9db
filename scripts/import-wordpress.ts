/**
 * Imports a WordPress export (Tools → Export, WXR) into the content folder:
 *   npm run import:wordpress -- <export.xml>
 *   npm run import:wordpress -- <export.xml> --uploads <copy of wp-content/uploads | URL serving it>
 *   npm run import:wordpress -- <export.xml> --content <folder>   (default: BROADSHEET_CONTENT_DIR, or content)
 * Prints the report and keeps it in <content>/.import/wordpress-report.md. A
 * file that is not a WordPress export stops the import with one line and
 * nothing written. See docs/wordpress.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importWordPress } from '../src/import/wordpress/import.ts';

/** One line, no stack: what went wrong is in the message. */
function fail(message: string): never {
  process.stderr.write(`Import failed: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

function readArgs() {
  try {
    return parseArgs({ options: { uploads: { type: 'string' }, content: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const { values, positionals } = readArgs();
const exportFile = positionals[0];
if (!exportFile || positionals.length > 1) fail('name one export file: npm run import:wordpress -- <export.xml> [--uploads <folder or URL>] [--content <folder>]');
const contentDir = path.resolve(values.content ?? process.env['BROADSHEET_CONTENT_DIR'] ?? 'content');
const nowText = process.env['BROADSHEET_NOW'];
const now = nowText ? new Date(nowText) : undefined;
if (now && Number.isNaN(now.getTime())) fail(`BROADSHEET_NOW is not a valid date: "${nowText}"`);
const started = performance.now();

try {
  const outcome = await importWordPress({ exportFile, contentDir, uploads: values.uploads, now, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(outcome.text);
  process.stdout.write(`\nReport kept in ${path.relative(process.cwd(), outcome.reportFile)}; imported in ${((performance.now() - started) / 1000).toFixed(1)} s. Next: npm run build\n`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
