/**
 * Netlify and Cloudflare Pages, through their own tools. Both upload by
 * digest (Netlify takes a manifest of SHA-1s and asks for the files it
 * lacks; Wrangler asks which hashes Cloudflare lacks), so only what changed
 * travels, and both switch the site over atomically once the upload is
 * whole. The tools are run through npx at a pinned major when a deploy
 * needs them, not installed with the site: each weighs hundreds of
 * megabytes that only a deploy uses.
 */
import { spawn } from 'node:child_process';

interface Host {
  /** The package npx runs, with its major version. */
  tool: string;
  /** What the target names after its `kind:`. */
  names: string;
  /** Environment variables the tool reads its credentials from. */
  credentials: string[];
  args: (siteDir: string, name: string) => string[];
}

export const HOSTED: Record<string, Host> = {
  netlify: {
    tool: 'netlify-cli@27',
    names: 'site ID',
    credentials: ['NETLIFY_AUTH_TOKEN'],
    args: (siteDir, site) => ['deploy', '--prod', '--dir', siteDir, '--site', site],
  },
  'cloudflare-pages': {
    tool: 'wrangler@4',
    names: 'project name',
    credentials: ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID'],
    // The production branch: a deploy to any other name is a preview.
    args: (siteDir, project) => ['pages', 'deploy', siteDir, '--project-name', project, '--branch', 'main'],
  },
};

/** `netlify:<site ID>` or `cloudflare-pages:<project>`, else undefined. */
export function hostedTarget(target: string): { kind: string; name: string } | undefined {
  const match = /^([a-z-]+):(.+)$/.exec(target);
  return match && Object.hasOwn(HOSTED, match[1]!) ? { kind: match[1]!, name: match[2]! } : undefined;
}

/** The command that deploys `siteDir`; refuses, naming what to set, when a credential is missing. Credentials stay in the environment, never in the arguments. */
export function hostedCommand(kind: string, name: string, siteDir: string, env: NodeJS.ProcessEnv = process.env): { command: string; args: string[] } {
  const host = HOSTED[kind]!;
  const missing = host.credentials.filter((variable) => !env[variable]);
  if (missing.length > 0) throw new Error(`set ${missing.join(' and ')} to deploy to ${kind}`);
  return { command: 'npx', args: ['--yes', host.tool, ...host.args(siteDir, name)] };
}

/** Runs the host's tool, its output shown as it goes. */
export function deployToHost(kind: string, name: string, siteDir: string): Promise<void> {
  const { command, args } = hostedCommand(kind, name, siteDir);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${HOSTED[kind]!.tool} ended with exit code ${code}`))));
  });
}
