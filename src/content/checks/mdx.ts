import { mdxToJs } from 'satteri';
import type { Finding } from './finding.ts';

/** Checks an MDX body's syntax; an error is reported at its line in the whole file, the body starting at `bodyStartLine`. */
export function checkMdx(body: string, bodyStartLine: number): Finding[] {
  try {
    mdxToJs(body);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+)/.exec(message);
    const line = position ? Number(position[1]) + bodyStartLine - 1 : undefined;
    // The position moves into the field, so it is dropped from the text: the leading `line:column[-line:column]: ` and any ` (line:column)`.
    const text = message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '').replace(/ \(\d+:\d+\)/g, '');
    return [{ field: line ? `line ${line}` : 'body', message: `MDX syntax error: ${text}` }];
  }
}
