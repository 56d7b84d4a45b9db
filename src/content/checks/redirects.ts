import { hasQuery, placeholders, ruleProblem, type RedirectRule } from '../../lib/redirect-rules.ts';
import { isBuildFolder, missingPage, pageShapeOf, type SiteIds } from '../../lib/site-pages.ts';
import type { Redirects } from '../schema.ts';
import type { Finding } from './finding.ts';

const isExternal = (address: string) => /^https?:\/\//i.test(address);

/** A target that leaves the site, or a page the content defines. */
function targetProblem(to: string, ids: SiteIds): string | undefined {
  if (isExternal(to)) return undefined;
  const missing = missingPage(to, ids);
  return missing ? `leads to "${to}", which names no page of this site (${missing})` : undefined;
}

/** A source must not take over a page the site has, or a folder the build writes. */
function sourceProblem(from: string, ids: SiteIds): string | undefined {
  const path = from.split('?')[0]!;
  if (isBuildFolder(path)) return `"${from}" is inside a folder the build writes itself`;
  if (!hasQuery(from) && pageShapeOf(path) && !missingPage(path, ids)) return `"${from}" is the address of a page this site has`;
  return undefined;
}

/** Placeholders stand in for ids; what a rule leads to must still have the shape of a page. */
function ruleTargetProblem(rule: RedirectRule): string | undefined {
  if (isExternal(rule.to)) return undefined;
  let sample = rule.to;
  for (const name of placeholders(rule.to)) sample = sample.replace(`:${name}`, 'sample');
  return pageShapeOf(sample) ? undefined : `leads to "${rule.to}", which has the shape of no page of this site`;
}

/**
 * Checks `redirects.yml` against the rest of the content: every target names
 * a page that exists (an article, a topic, an author, a tag…) or a full
 * address elsewhere, no source is an address the site itself serves, no
 * source is listed twice, and rules are written in the notation both hosts read.
 */
export function checkRedirects(value: Redirects, ids: SiteIds): Finding[] {
  const findings: Finding[] = [];
  value.rules.forEach((rule, index) => {
    const problem = ruleProblem(rule) ?? ruleTargetProblem(rule);
    if (problem) findings.push({ field: `rules.${index}`, message: `"${rule.from}" ${problem}` });
  });
  const seen = new Map<string, number>();
  value.redirects.forEach((redirect, index) => {
    const earlier = seen.get(redirect.from);
    if (earlier !== undefined) findings.push({ field: `redirects.${index}.from`, message: `"${redirect.from}" is listed twice (also redirects.${earlier})` });
    seen.set(redirect.from, index);
    const source = sourceProblem(redirect.from, ids);
    if (source) findings.push({ field: `redirects.${index}.from`, message: source });
    const target = targetProblem(redirect.to, ids);
    if (target) findings.push({ field: `redirects.${index}.to`, message: `"${redirect.from}" ${target}` });
  });
  return findings;
}
