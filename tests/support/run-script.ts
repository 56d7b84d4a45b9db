import { spawn } from 'node:child_process';
import { repoRoot } from './paths.ts';

export interface ScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ScriptOptions {
  env?: NodeJS.ProcessEnv;
  /** Arguments for Node itself, before the script (`--import …`). */
  nodeArgs?: string[];
}

/** Runs one of the repository's scripts on this Node (the project's, as `npm run` picks it), from the repository's root, and collects what it prints. */
export function runScript(script: string, args: string[], { env = process.env, nodeArgs = [] }: ScriptOptions = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
