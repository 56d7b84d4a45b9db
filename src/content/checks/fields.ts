import type { z } from 'astro/zod';
import type { Finding } from './finding.ts';

function fieldName(issuePath: readonly PropertyKey[]): string {
  return issuePath.length ? issuePath.map(String).join('.') : 'frontmatter';
}

function valueAt(data: unknown, at: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of at) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Checks data against a schema: one problem per issue at its dotted field, one per unknown key, and
 * "is required" for a missing value. The value is the parsed data, or undefined when there were problems.
 */
export function checkFields<T>(schema: z.ZodType<T>, data: unknown): { value: T | undefined; problems: Finding[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: [] };
  const problems: Finding[] = [];
  for (const issue of result.error.issues) {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (unknownKeys.length) {
      for (const key of unknownKeys) {
        problems.push({ field: fieldName([...issue.path, key]), message: 'is not a known field (check the spelling)' });
      }
      continue;
    }
    // Zod words a missing field as a type error ("Invalid input: expected string, received undefined"); editors need "is required".
    // Date-times are a union (text or a parsed date), whose missing value Zod words as plain "Invalid input".
    const missing =
      (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.message.startsWith('Invalid input') && valueAt(data, issue.path) === undefined;
    problems.push({ field: fieldName(issue.path), message: missing ? 'is required' : issue.message.replace(/^Invalid input: /, '') });
  }
  return { value: undefined, problems };
}
