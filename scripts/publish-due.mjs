#!/usr/bin/env node
/**
 * Asks, cheaply, whether a scheduled run has anything to publish: reads the
 * live site's `/publish-schedule.json` and compares its `next` moment with
 * now. Plain Node with no packages, so a scheduled CI run decides before it
 * installs or builds anything.
 *
 *   node scripts/publish-due.mjs https://news.example [--event schedule] [--now ISO]
 *
 * Prints one line and, under GitHub Actions, writes `due=true|false` to
 * $GITHUB_OUTPUT. Anything but a scheduled run (a push, a run by hand) is
 * always due; so is a site whose schedule cannot be read (never deployed,
 * unreachable, unreadable): a build too many costs minutes, one too few
 * leaves an article unpublished.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const SCHEDULE_PATH = '/publish-schedule.json';

/**
 * @param {unknown} schedule what the live site's schedule file held, parsed
 * @param {Date} now
 * @returns {{ due: boolean, reason: string }}
 */
export function decide(schedule, now) {
  const next = schedule && typeof schedule === 'object' && 'next' in schedule && typeof schedule.next === 'string' ? new Date(schedule.next) : undefined;
  if (!next || Number.isNaN(next.getTime())) return { due: true, reason: 'the live schedule names no valid "next" time' };
  if (next.getTime() <= now.getTime()) return { due: true, reason: `due since ${next.toISOString()}` };
  return { due: false, reason: `nothing due until ${next.toISOString()}` };
}

/**
 * @param {string} siteUrl
 * @param {Date} now
 * @returns {Promise<{ due: boolean, reason: string }>}
 */
export async function checkSite(siteUrl, now) {
  const url = new URL(SCHEDULE_PATH, `${siteUrl.replace(/\/+$/, '')}/`);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { 'cache-control': 'no-cache' } });
    if (!response.ok) return { due: true, reason: `${url.href} answered ${response.status}` };
    return decide(await response.json(), now);
  } catch (error) {
    return { due: true, reason: `${url.href} could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { event: { type: 'string', default: 'schedule' }, now: { type: 'string' } },
  });
  const [siteUrl] = positionals;
  if (!siteUrl) throw new Error('usage: node scripts/publish-due.mjs <site URL> [--event <name>] [--now <ISO time>]');
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a valid date: "${values.now}"`);
  const { due, reason } = values.event === 'schedule' ? await checkSite(siteUrl, now) : { due: true, reason: `a ${values.event} run always publishes` };
  process.stdout.write(`${due ? 'Due' : 'Not due'}: ${reason}\n`);
  if (process.env['GITHUB_OUTPUT']) fs.appendFileSync(process.env['GITHUB_OUTPUT'], `due=${due}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
