import { spawn } from 'node:child_process';
import path from 'node:path';
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
      env: {
        ...process.env,
        BROADSHEET_CONTENT_DIR: contentDir,
        BROADSHEET_OUT_DIR: outDir,
        // Each output folder has its own build cache, so one test's build never reuses another's.
        BROADSHEET_CACHE_DIR: `${outDir}.cache`,
        ASTRO_TELEMETRY_DISABLED: '1',
        // Vitest sets NODE_ENV=test, which would make Vite build in development mode.
        NODE_ENV: 'production',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
