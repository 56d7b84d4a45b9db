/**
 * Whether a language's dictionary is complete: every word of the reference
 * (English) dictionary, each plural with every form the language's plural
 * rules use, and no placeholder the reference does not fill.
 */
import { entriesOf, isPluralEntry, lookUp, placeholdersOf, type Dictionary, type Entry } from './translate.ts';

const messagesOf = (entry: Entry): string[] => (typeof entry === 'string' ? [entry] : Object.values(entry));

/** What is wrong with `candidate` beside `reference`, one line each naming the key; empty when complete. */
export function dictionaryProblems(reference: Dictionary, candidate: Dictionary, locale: string): string[] {
  const problems: string[] = [];
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  for (const [key, expected] of entriesOf(reference)) {
    const entry = lookUp(candidate, key);
    if (entry === undefined) {
      problems.push(`missing "${key}"`);
      continue;
    }
    if (isPluralEntry(expected) !== isPluralEntry(entry)) {
      problems.push(`"${key}" must be ${isPluralEntry(expected) ? 'an object of plural forms (one, other, …)' : 'a single text'}`);
      continue;
    }
    if (isPluralEntry(entry)) {
      const lacking = categories.filter((category) => entry[category] === undefined);
      if (lacking.length > 0) problems.push(`"${key}" lacks the plural form${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')} that ${locale} uses`);
    }
    const filled = new Set(messagesOf(expected).flatMap(placeholdersOf));
    const unknown = [...new Set(messagesOf(entry).flatMap(placeholdersOf))].filter((name) => !filled.has(name));
    if (unknown.length > 0) problems.push(`"${key}" uses ${unknown.map((name) => `{${name}}`).join(', ')}, which nothing fills`);
  }
  const known = new Set(entriesOf(reference).map(([key]) => key));
  for (const [key] of entriesOf(candidate)) if (!known.has(key)) problems.push(`unknown key "${key}"`);
  return problems;
}
