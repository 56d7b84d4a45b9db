/**
 * A scheduled article goes live at the first scheduled run after its time,
 * as the workflows run it: `scripts/publish-due.mjs` reads the live site's
 * `/publish-schedule.json` over HTTP and says whether anything came due; only
 * then does the run build and deploy (`npm run deploy`, to a folder a web
 * server serves). The sample's scheduled article is the one published later
 * than the sample's "now".
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { childEnv } from '../support/child-env.ts';
import { repoRoot, SAMPLE_ENV, SAMPLE_NOW, testOutput } from '../support/paths.ts';
import { readSampleArticles } from '../support/sample.ts';
import { runScript } from '../support/run-script.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const work = path.join(testOutput, 'scheduled-publish');
const outDir = path.join(work, 'dist');
const target = path.join(work, 'live');
const MINUTE = 60_000;

const run = (script: string, args: string[], env: Record<string, string> = {}) => runScript(script, args, { env: childEnv(env) });

/** What a scheduled run does: ask whether anything is due, and only then build and deploy. Returns the check's line. */
async function scheduledRun(siteUrl: string, now: Date): Promise<{ due: boolean; line: string }> {
  const output = path.join(work, 'github-output');
  fs.rmSync(output, { force: true });
  const check = await run('scripts/publish-due.mjs', [siteUrl, '--event', 'schedule', '--now', now.toISOString()], { GITHUB_OUTPUT: output });
  expect(check.code, check.stderr).toBe(0);
  const due = fs.readFileSync(output, 'utf8') === 'due=true\n';
  if (due) await publish(now);
  return { due, line: check.stdout.trim() };
}

async function publish(now: Date) {
  const build = await buildSite({ contentDir: path.join(repoRoot, 'content'), outDir, env: { ...SAMPLE_ENV, BROADSHEET_NOW: now.toISOString() } });
  expect(build.code, build.output.slice(-2000)).toBe(0);
  const deploy = await run('scripts/deploy.ts', [target, '--site', outDir]);
  expect(deploy.code, deploy.stderr).toBe(0);
}

describe('scheduled publishing', () => {
  const scheduled = readSampleArticles().find((article) => !article.draft && !article.published)!;
  const due = scheduled.publishedAt;
  let server: StaticServer;

  beforeAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    // The sample build's cache: the same content and settings, so only what the later "now" changes is rendered.
    fs.cpSync(`${inject('sampleSiteDir')}.cache`, `${outDir}.cache`, { recursive: true });
    await publish(new Date(due.getTime() - 20 * MINUTE));
    server = await serveStatic(path.join(target, 'current'));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('has a scheduled article in the sample, later than its "now"', () => {
    expect(due.getTime()).toBeGreaterThan(new Date(SAMPLE_NOW).getTime());
  });

  it('names the article’s time as the next moment the site changes, and nothing about the article', async () => {
    const response = await fetch(`${server.url}/publish-schedule.json`);
    expect(await response.json()).toEqual({ next: due.toISOString() });
    expect((await fetch(`${server.url}/articles/${scheduled.slug}/`)).status).toBe(404);
  });

  it('does nothing on a run before the article’s time, and publishes it on the first run after', async () => {
    const before = await scheduledRun(server.url, new Date(due.getTime() - 5 * MINUTE));
    expect(before).toEqual({ due: false, line: `Not due: nothing due until ${due.toISOString()}` });
    expect((await fetch(`${server.url}/articles/${scheduled.slug}/`)).status).toBe(404);

    const after = await scheduledRun(server.url, new Date(due.getTime() + 10 * MINUTE));
    expect(after).toEqual({ due: true, line: `Due: due since ${due.toISOString()}` });
    const page = await fetch(`${server.url}/articles/${scheduled.slug}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(scheduled.title.replaceAll('&', '&amp;'));
    expect(await (await fetch(`${server.url}/`)).text()).toContain(`href="/articles/${scheduled.slug}/"`);

    const next = ((await (await fetch(`${server.url}/publish-schedule.json`)).json()) as { next: string }).next;
    expect(new Date(next).getTime()).toBeGreaterThan(due.getTime() + 10 * MINUTE);
  });
});
