/**
 * The `_redirects` file Netlify and Cloudflare Pages read, from
 * `content/redirects.yml`. Rules cover whole permalink structures; an old
 * address gets a line of its own only where no rule sends it to the same
 * page, so a large archive stays within Cloudflare's 2,000 static and 100
 * dynamic redirects. Cloudflare applies a rule even where a file exists, so
 * any page of the site a rule would match is first listed as served as it is.
 */
import type { Redirects } from '../content/schema.ts';
import { hasQuery, isPattern, ruleMatcher } from './redirect-rules.ts';

export interface RedirectsFileOptions {
  redirects: Redirects;
  /** Every address the build wrote (`/search/`, `/rss.xml`): what a rule must not take over. */
  siteAddresses: Iterable<string>;
  /**
   * Netlify also matches query strings, as `/ p=123`; Cloudflare cannot, and
   * counts such a line as a broken one. Written only for Netlify.
   */
  queryLines: boolean;
}

export interface RedirectsFile {
  text: string;
  /** Lines of one address each (Cloudflare: at most 2,000). */
  staticLines: number;
  /** Lines with a placeholder or a splat (Cloudflare: at most 100). */
  dynamicLines: number;
}

const line = (from: string, to: string, status: 200 | 301) => `${from} ${to} ${status}`;

/** `/blog/?p=123&x=1` as Netlify writes it: `/blog/ p=123 x=1`. */
function queryLine(from: string, to: string): string {
  const [path, query = ''] = from.split('?');
  const parameters = [...new URLSearchParams(query)].map(([name, value]) => `${name}=${value}`);
  return `${path} ${parameters.join(' ')} ${to} 301`;
}

export function redirectsFile({ redirects, siteAddresses, queryLines }: RedirectsFileOptions): RedirectsFile {
  const rules = redirects.rules.filter((rule) => isPattern(rule.from));
  const matches = ruleMatcher(rules);
  const guards = rules.length === 0 ? [] : [...siteAddresses].filter((address) => matches(address) !== undefined).sort();
  const singles = redirects.redirects.filter((redirect) => !hasQuery(redirect.from) && matches(redirect.from) !== redirect.to);
  const queries = queryLines ? redirects.redirects.filter((redirect) => hasQuery(redirect.from)) : [];
  const sections = [
    ['# Old addresses and where they lead now: written by the build from content/redirects.yml.'],
    guards.length ? ['# Pages of this site that a rule below would match: served as they are.', ...guards.map((address) => line(address, address, 200))] : [],
    singles.length ? ['# Old addresses no rule covers, one by one.', ...singles.map((redirect) => line(redirect.from, redirect.to, 301))] : [],
    queries.length ? ['# WordPress ?p=ID links (Netlify only).', ...queries.map((redirect) => queryLine(redirect.from, redirect.to))] : [],
    rules.length ? ['# Rules: each covers many old addresses.', ...rules.map((rule) => line(rule.from, rule.to, 301))] : [],
  ].filter((section) => section.length > 0);
  return {
    text: `${sections.map((section) => section.join('\n')).join('\n\n')}\n`,
    staticLines: guards.length + singles.length + queries.length,
    dynamicLines: rules.length,
  };
}
