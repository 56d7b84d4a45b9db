/**
 * Redirect rules in the notation Netlify and Cloudflare Pages share: `:name`
 * stands for one path segment and a final `*` for the rest of the path, which
 * the target takes as `:splat`. One rule covers every post of an old
 * permalink structure, where a line per post would outgrow Cloudflare's limit
 * of 2,000 static redirects. The content check, the `_redirects` writer and
 * the WordPress importer all read rules through these helpers.
 */

/** A placeholder as both hosts read one: a colon and a name. */
const PLACEHOLDER = /:([A-Za-z]\w*)/g;

export interface RedirectRule {
  from: string;
  to: string;
}

/** The part of an address that is its query (`?p=123`), which static hosts' rules cannot match. */
export function hasQuery(address: string): boolean {
  return address.includes('?');
}

/** A rule whose source holds a placeholder or a splat: a dynamic rule, in Cloudflare's terms. */
export function isPattern(from: string): boolean {
  return from.includes('*') || new RegExp(PLACEHOLDER.source).test(from);
}

/** The placeholder names of a source or a target, `splat` for a final `*`. */
export function placeholders(address: string): string[] {
  const names = [...address.matchAll(PLACEHOLDER)].map((match) => match[1]!);
  return address.endsWith('*') ? [...names, 'splat'] : names;
}

/** What is wrong with a rule's notation, or undefined when both hosts read it as meant. */
export function ruleProblem(rule: RedirectRule): string | undefined {
  const { from, to } = rule;
  if (!isPattern(from)) return 'has no :placeholder or *: list a single address under redirects instead';
  if (hasQuery(from)) return 'cannot match a query string: hosts match rules against the path only';
  if (from.indexOf('*') !== -1 && from.indexOf('*') !== from.length - 1) return 'may only have * at its very end';
  const names = placeholders(from);
  if (new Set(names).size !== names.length) return 'uses the same placeholder twice';
  const unknown = placeholders(to).filter((name) => !names.includes(name));
  if (unknown.length > 0) return `leads to :${unknown[0]}, which its source does not capture`;
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The source as a regular expression over a path: a placeholder takes one segment, a splat anything. */
export function compileRule(from: string): RegExp {
  let source = '';
  let last = 0;
  const body = from.endsWith('*') ? from.slice(0, -1) : from;
  for (const match of body.matchAll(PLACEHOLDER)) {
    source += `${escapeRegExp(body.slice(last, match.index))}(?<${match[1]}>[^/]+)`;
    last = match.index + match[0].length;
  }
  source += escapeRegExp(body.slice(last));
  if (from.endsWith('*')) source += '(?<splat>.*)';
  return new RegExp(`^${source}$`);
}

/** Where `rule` sends `pathname`, or undefined when it does not match. */
export function applyRule(rule: RedirectRule, pathname: string, compiled = compileRule(rule.from)): string | undefined {
  const match = compiled.exec(pathname);
  if (!match) return undefined;
  const groups = match.groups ?? {};
  return rule.to.replace(/:([A-Za-z]\w*)/g, (whole, name: string) => groups[name] ?? whole);
}

/** Resolves paths as a host would: the first rule that matches decides. Each source is compiled once. */
export function ruleMatcher(rules: readonly RedirectRule[]): (pathname: string) => string | undefined {
  const compiled = rules.map((rule) => ({ rule, regExp: compileRule(rule.from) }));
  return (pathname) => {
    for (const { rule, regExp } of compiled) {
      const to = applyRule(rule, pathname, regExp);
      if (to !== undefined) return to;
    }
    return undefined;
  };
}
