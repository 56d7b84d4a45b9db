/**
 * The deploy configurations cannot run here, so their content is checked:
 * each builds with the README's command, publishes dist/, and keeps the
 * build cache between builds, which is what makes a publish fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { repoRoot } from '../support/paths.ts';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const BUILD = 'npm run build';
const CACHE = 'node_modules/.astro';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

describe('the GitHub Actions workflow', () => {
  const workflow = YAML.parse(read('.github/workflows/deploy.yml')) as {
    on: { push: { branches: string[] }; workflow_dispatch: { inputs: Record<string, unknown> } };
    jobs: Record<string, { steps: Step[]; needs?: string }>;
  };
  const steps = workflow.jobs['build']!.steps;
  const index = (match: (step: Step) => boolean) => {
    const found = steps.findIndex(match);
    expect(found, 'step not found').toBeGreaterThanOrEqual(0);
    return found;
  };

  it('builds on every push to main, and by hand with a clean-build switch', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.workflow_dispatch.inputs).toHaveProperty('clean');
  });

  it('installs with npm ci, restores the cache, runs the README build command, then saves the cache', () => {
    expect(read('README.md')).toContain(BUILD);
    const install = index((step) => step.run?.startsWith('npm ci') ?? false);
    const restore = index((step) => step.uses?.startsWith('actions/cache/restore@') ?? false);
    const build = index((step) => step.run === BUILD);
    const save = index((step) => step.uses?.startsWith('actions/cache/save@') ?? false);
    expect([install, restore, build, save]).toEqual([...[install, restore, build, save]].sort((a, b) => a - b));
    expect(steps[restore]!.with?.['path']).toBe(CACHE);
    expect(steps[save]!.with?.['path']).toBe(CACHE);
    expect(steps[restore]!.with?.['restore-keys']).toBeTruthy();
    expect(steps[build]!.env?.['BROADSHEET_CLEAN_BUILD']).toContain('inputs.clean');
    expect(steps[build]!.env?.['SITE_URL']).toContain('steps.pages.outputs.base_url');
  });

  it('uses Node 22, uploads dist/ and deploys it to GitHub Pages', () => {
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.['path']).toBe('dist');
    expect(workflow.jobs['deploy']!.needs).toBe('build');
    expect(workflow.jobs['deploy']!.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});

describe('the Netlify and Cloudflare Pages configurations', () => {
  it('Netlify builds with the README command into dist/ on Node 22', () => {
    const toml = read('netlify.toml');
    expect(toml).toMatch(new RegExp(`command = "${BUILD}"`));
    expect(toml).toMatch(/publish = "dist"/);
    expect(toml).toMatch(/NODE_VERSION = "22"/);
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

  it('Cloudflare Pages publishes dist/', () => {
    expect(read('wrangler.toml')).toMatch(/^pages_build_output_dir = "dist"$/m);
  });

  it('every build caches the folder the site keeps its build cache in', () => {
    expect(read('src/site.config.ts')).toContain(`'${CACHE}'`);
  });
});
