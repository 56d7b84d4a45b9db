import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnv } from './child-env.ts';
import { repoRoot } from './paths.ts';

export interface BuildResult {
  code: number | null;
  output: string;
}

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Extra environment, e.g. BROADSHEET_NOW. */
  env?: Record<string, string>;
}

/** Runs the real production build (`astro build`) on a content folder. */
export function buildSite({ contentDir, outDir, env = {} }: BuildOptions): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/astro'), ['build'], {
      cwd: repoRoot,
      env: childEnv({
        BROADSHEET_CONTENT_DIR: contentDir,
        BROADSHEET_OUT_DIR: outDir,
        // Each output folder has its own build cache, so one test's build never reuses another's.
        BROADSHEET_CACHE_DIR: `${outDir}.cache`,
        NODE_ENV: 'production',
        ...env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
