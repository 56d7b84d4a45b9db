/**
 * The deploy configurations cannot run here, so their content is checked:
 * each builds with the README's command, publishes dist/, and keeps the
 * build cache between builds, which is what makes a publish fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { repoRoot } from '../support/paths.ts';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const BUILD = 'npm run build';
const CACHE = 'node_modules/.astro';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface Job {
  steps: Step[];
  needs?: string;
  if?: string;
  outputs?: Record<string, string>;
  environment?: { name: string };
}

interface Workflow {
  on: { push?: { branches: string[] }; schedule?: { cron: string }[]; workflow_dispatch: { inputs?: Record<string, unknown> } | null };
  jobs: Record<string, Job>;
}

const workflow = (file: string) => yaml.load(read(`.github/workflows/${file}`)) as Workflow;
const stepIndex = (steps: Step[], match: (step: Step) => boolean) => {
  const found = steps.findIndex(match);
  expect(found, 'step not found').toBeGreaterThanOrEqual(0);
  return found;
};
const inOrder = (...indexes: number[]) => expect(indexes).toEqual([...indexes].sort((a, b) => a - b));

// Minutes between runs of an every-N-minutes cron schedule.
function everyMinutes(cron: string): number {
  const match = /^\*\/(\d+) \* \* \* \*$/.exec(cron);
  expect(match, `an every-N-minutes schedule, got "${cron}"`).not.toBeNull();
  return Number(match![1]);
}

/** A scheduled run decides from the live site, with nothing installed, before any build job starts. */
function expectCheapDueCheck(steps: Step[], siteUrl: string) {
  expect(steps.some((step) => step.uses?.startsWith('actions/setup-node@') || step.run?.includes('npm '))).toBe(false);
  const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'))!;
  expect(checkout.with?.['sparse-checkout']).toBe('scripts/publish-due.mjs');
  const check = steps.find((step) => step.run?.startsWith('node scripts/publish-due.mjs'))!;
  expect(check.run).toContain(siteUrl);
  expect(fs.existsSync(path.join(repoRoot, 'scripts/publish-due.mjs'))).toBe(true);
}

for (const [file, deployStep, host] of [
  ['deploy.yml', (step: Step) => step.uses?.startsWith('actions/deploy-pages@') ?? false, 'github-pages'],
  ['deploy-s3.yml', (step: Step) => step.run?.startsWith('npm run deploy -- "s3://${{ vars.BROADSHEET_S3_BUCKET }}"') ?? false, 's3'],
] as const) {
  describe(`the GitHub Actions workflow ${file}`, () => {
    const flow = workflow(file);
    const steps = flow.jobs['build']!.steps;
    const index = (match: (step: Step) => boolean) => stepIndex(steps, match);

    it('builds on every push to main, by hand with a clean-build switch, and at least every 15 minutes', () => {
      expect(flow.on.push?.branches).toEqual(['main']);
      expect(flow.on.workflow_dispatch?.inputs).toHaveProperty('clean');
      expect(everyMinutes(flow.on.schedule![0]!.cron)).toBeLessThanOrEqual(15);
    });

    it('builds only when the cheap check finds something due', () => {
      const due = flow.jobs['due']!;
      expectCheapDueCheck(due.steps, file === 'deploy.yml' ? 'steps.pages.outputs.base_url' : 'vars.SITE_URL');
      expect(due.steps.find((step) => step.run?.startsWith('node scripts/publish-due.mjs'))!.run).toContain('--event "${{ github.event_name }}"');
      expect(due.outputs?.['due']).toBe('${{ steps.check.outputs.due }}');
      expect(flow.jobs['build']!.needs).toBe('due');
      expect(flow.jobs['build']!.if).toBe("needs.due.outputs.due == 'true'");
    });

    it('installs with npm ci, restores the cache, builds for its host, deploys, and only then saves the cache', () => {
      expect(read('README.md')).toContain(BUILD);
      const install = index((step) => step.run?.startsWith('npm ci') ?? false);
      const restore = index((step) => step.uses?.startsWith('actions/cache/restore@') ?? false);
      const build = index((step) => step.run === BUILD);
      const deploy = index(deployStep);
      const save = index((step) => step.uses?.startsWith('actions/cache/save@') ?? false);
      inOrder(install, restore, build, deploy, save);
      expect(steps[restore]!.with?.['path']).toBe(CACHE);
      expect(steps[save]!.with?.['path']).toBe(CACHE);
      expect(steps[restore]!.with?.['restore-keys']).toBeTruthy();
      expect(steps[build]!.env?.['BROADSHEET_CLEAN_BUILD']).toContain('inputs.clean');
      expect(steps[build]!.env?.['BROADSHEET_HOST']).toBe(host);
      expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    });
  });
}

describe('GitHub Pages and S3 never both deploy', () => {
  it('each runs on its side of BROADSHEET_S3_BUCKET', () => {
    expect(workflow('deploy.yml').jobs['due']!.if).toBe("vars.BROADSHEET_S3_BUCKET == ''");
    expect(workflow('deploy-s3.yml').jobs['due']!.if).toBe("vars.BROADSHEET_S3_BUCKET != ''");
  });

  it('GitHub Pages gets dist/ and its URL; S3 gets its credentials from secrets, through the environment', () => {
    const pages = workflow('deploy.yml').jobs['build']!;
    expect(pages.environment?.name).toBe('github-pages');
    expect(pages.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.['path']).toBe('dist');
    expect(pages.steps.find((step) => step.run === BUILD)!.env?.['SITE_URL']).toContain('steps.pages.outputs.base_url');
    const s3 = workflow('deploy-s3.yml').jobs['build']!.steps.find((step) => step.run?.startsWith('npm run deploy'))!;
    expect(s3.env?.['AWS_ACCESS_KEY_ID']).toBe('${{ secrets.AWS_ACCESS_KEY_ID }}');
    expect(s3.env?.['AWS_SECRET_ACCESS_KEY']).toBe('${{ secrets.AWS_SECRET_ACCESS_KEY }}');
    expect(s3.run).not.toContain('secrets.');
  });
});

describe('scheduled publishing on hosts that build themselves', () => {
  const flow = workflow('scheduled-build-hook.yml');
  const steps = flow.jobs['publish-due']!.steps;

  it('checks every 15 minutes, cheaply, and calls the build hook only when something is due', () => {
    expect(everyMinutes(flow.on.schedule![0]!.cron)).toBeLessThanOrEqual(15);
    expectCheapDueCheck(steps, 'vars.SITE_URL');
    const hook = steps.find((step) => step.run?.includes('curl'))!;
    expect(hook.if).toBe("steps.check.outputs.due == 'true'");
    expect(hook.env?.['BUILD_HOOK_URL']).toBe('${{ secrets.BUILD_HOOK_URL }}');
    expect(hook.run).toContain('"$BUILD_HOOK_URL"');
  });
});

describe('the Netlify and Cloudflare Pages configurations', () => {
  it('Netlify builds with the README command into dist/ on Node 24, checked against its limits', () => {
    const toml = read('netlify.toml');
    expect(toml).toMatch(/BROADSHEET_HOST = "netlify"/);
    expect(toml).toMatch(new RegExp(`command = "${BUILD}"`));
    expect(toml).toMatch(/publish = "dist"/);
    expect(toml).toMatch(/NODE_VERSION = "24"/);
    expect(toml).toMatch(/package = "\.\/netlify\/plugins\/build-cache"/);
  });

  it("Netlify's build plugin restores the cache before the build and saves it after", async () => {
    const plugin = (await import('../../netlify/plugins/build-cache/index.js')) as {
      CACHED: string[];
      onPreBuild: (options: { utils: unknown }) => Promise<void>;
      onPostBuild: (options: { utils: unknown }) => Promise<void>;
    };
    expect(plugin.CACHED).toEqual([CACHE]);
    const calls: string[] = [];
    const utils = { cache: { restore: async (dir: string) => calls.push(`restore ${dir}`), save: async (dir: string) => calls.push(`save ${dir}`) } };
    await plugin.onPreBuild({ utils });
    await plugin.onPostBuild({ utils });
    expect(calls).toEqual([`restore ${CACHE}`, `save ${CACHE}`]);
    expect(read('netlify/plugins/build-cache/manifest.yml')).toMatch(/^name: /m);
  });

  it('Cloudflare Pages publishes dist/, and names the host setting its dashboard needs', () => {
    expect(read('wrangler.toml')).toMatch(/^pages_build_output_dir = "dist"$/m);
    expect(read('wrangler.toml')).toContain('BROADSHEET_HOST=cloudflare-pages');
  });

  it('every build caches the folder the site keeps its build cache in', () => {
    expect(read('src/site.config.ts')).toContain(`'${CACHE}'`);
  });
});
