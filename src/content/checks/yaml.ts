import fs from 'node:fs';
import yaml from 'js-yaml';
import type { Finding } from './finding.ts';

/** Parsed data, or the one problem that stopped parsing. */
export type Parsed<T extends object = { data: unknown }> = ({ ok: true } & T) | { ok: false; problem: Finding };

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Frontmatter YAML starts below the opening `---` line. */
const FRONTMATTER_LINE_OFFSET = 1;

function failure(error: unknown, lineOffset: number): { ok: false; problem: Finding } {
  if (error instanceof yaml.YAMLException) {
    const line = error.mark ? error.mark.line + 1 + lineOffset : undefined;
    return { ok: false, problem: { field: line ? `line ${line}` : 'file', message: `YAML syntax error: ${error.reason}` } };
  }
  return { ok: false, problem: { field: 'file', message: `could not be read: ${String(error)}` } };
}

/**
 * Parses YAML text (an empty document is `{}`); a syntax error becomes a problem at its line, counting
 * `lineOffset` lines of the file above the YAML. Timestamps stay strings, so dates are checked as written.
 */
export function parseYaml(text: string, lineOffset = 0): Parsed {
  try {
    return { ok: true, data: yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {} };
  } catch (error) {
    return failure(error, lineOffset);
  }
}

/** Reads and parses a YAML file; a file that cannot be read is a problem too. */
export function readYamlFile(file: string): Parsed {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return failure(error, 0);
  }
  return parseYaml(text);
}

/** Parses a Markdown file's frontmatter block (YAML errors at their line in the whole file) and returns the body below it. */
export function parseFrontmatter(text: string): Parsed<{ data: unknown; body: string; bodyStartLine: number }> {
  const match = FRONTMATTER.exec(text);
  if (!match) return { ok: false, problem: { field: 'frontmatter', message: 'must start with a frontmatter block between --- lines' } };
  const parsed = parseYaml(match[1] ?? '', FRONTMATTER_LINE_OFFSET);
  if (!parsed.ok) return parsed;
  const bodyStartLine = (match[0].match(/\n/g)?.length ?? 0) + 1;
  return { ok: true, data: parsed.data, body: text.slice(match[0].length), bodyStartLine };
}
