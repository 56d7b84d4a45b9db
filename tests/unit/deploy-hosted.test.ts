import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostedCommand, hostedTarget } from '../../src/deploy/targets/hosted.ts';
import { runScript } from '../support/run-script.ts';

describe('deploys through Netlify’s and Cloudflare’s own tools', () => {
  it('recognises their targets, and nothing else', () => {
    expect(hostedTarget('netlify:5a1b-site')).toEqual({ kind: 'netlify', name: '5a1b-site' });
    expect(hostedTarget('cloudflare-pages:broadsheet')).toEqual({ kind: 'cloudflare-pages', name: 'broadsheet' });
    for (const other of ['s3://bucket', 'folder:/srv/site', '/srv/site', 'netlify:', 'geocities:site']) expect(hostedTarget(other)).toBeUndefined();
  });

  it('runs each tool at a pinned major, deploying to production, with the credentials left in the environment', () => {
    const env = { NETLIFY_AUTH_TOKEN: 'secret-netlify', CLOUDFLARE_API_TOKEN: 'secret-cf', CLOUDFLARE_ACCOUNT_ID: 'acct' };
    expect(hostedCommand('netlify', 'site-id', '/build/dist', env)).toEqual({
      command: 'npx',
      args: ['--yes', 'netlify-cli@27', 'deploy', '--prod', '--dir', '/build/dist', '--site', 'site-id'],
    });
    const wrangler = hostedCommand('cloudflare-pages', 'broadsheet', '/build/dist', env);
    expect(wrangler.args).toEqual(['--yes', 'wrangler@4', 'pages', 'deploy', '/build/dist', '--project-name', 'broadsheet', '--branch', 'main']);
    expect(JSON.stringify(wrangler)).not.toMatch(/secret/);
  });

  it('names every missing credential', () => {
    expect(() => hostedCommand('netlify', 'site', 'dist', {})).toThrow('set NETLIFY_AUTH_TOKEN to deploy to netlify');
    expect(() => hostedCommand('cloudflare-pages', 'p', 'dist', { CLOUDFLARE_API_TOKEN: 'x' })).toThrow('set CLOUDFLARE_ACCOUNT_ID to deploy to cloudflare-pages');
  });

  it('stops the CLI with one line, before running anything, when a credential is missing', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'hosted-site-'));
    fs.writeFileSync(path.join(site, 'index.html'), '<p>Home</p>');
    const env = { ...process.env };
    delete env['NETLIFY_AUTH_TOKEN'];
    const run = await runScript('scripts/deploy.ts', ['netlify:site-id', '--site', site], { env });
    fs.rmSync(site, { recursive: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('Deploy failed: set NETLIFY_AUTH_TOKEN to deploy to netlify\n');
  });
});
