#!/usr/bin/env node
/**
 * The editorial workflow (draft → in review → ready → published) on this
 * machine, without risk to a working tree.
 *
 * decap-server's git mode commits with `git add .` and switches branches in
 * the folder it serves: run in a developer's checkout it sweeps unrelated
 * untracked files into CMS commits and makes them vanish from `main`. So this
 * script serves a dedicated clone instead: a sparse checkout holding only
 * `content/` and `public/media/`, where everything else is git-ignored.
 * Published articles end up on the clone's branch; bring them home with the
 * `git pull` printed at the end. decap-server's git mode supports the
 * editorial workflow, so the admin keeps it on (see docs/editors.md).
 *
 *   node scripts/cms-workflow.mjs [--source <repo>] [--dir <clone>] [--branch main] [--port 8081] [--no-site]
 *
 * Without --no-site it also starts `astro dev` on the clone's content, so
 * /admin/ and the preview run at http://localhost:4321/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTogether } from './lib/process-group.mjs';
import { DEFAULT_DECAP_PORT } from '../src/lib/local-servers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    source: { type: 'string', default: root },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'broadsheet-cms-workflow') },
    branch: { type: 'string', default: 'main' },
    port: { type: 'string', default: process.env.DECAP_SERVER_PORT ?? DEFAULT_DECAP_PORT },
    'no-site': { type: 'boolean', default: false },
  },
});
const source = path.resolve(options.source);
const clone = path.resolve(options.dir);
const { branch, port } = options;

/** The only paths the CMS writes: collection folders and the site-wide media folder. */
const CMS_PATHS = ['content/', 'public/media/'];

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

if (!fs.existsSync(path.join(clone, '.git'))) {
  console.log(`Cloning ${source} (${branch}) into ${clone}`);
  git(os.tmpdir(), 'clone', '--quiet', '--no-checkout', '--branch', branch, source, clone);
  git(clone, 'sparse-checkout', 'set', '--no-cone', ...CMS_PATHS.map((p) => `/${p}`));
  git(clone, 'checkout', '--quiet', branch);
  // `git add .` then only ever sees the CMS's own folders, whatever else lands in the clone.
  fs.appendFileSync(
    path.join(clone, '.git', 'info', 'exclude'),
    ['/*', ...CMS_PATHS.map((p) => `!/${p.split('/')[0]}/`), '/public/*', '!/public/media/', ''].join('\n'),
  );
  const identity = (key) => {
    try {
      return git(clone, 'config', key);
    } catch {
      return '';
    }
  };
  if (!identity('user.name')) git(clone, 'config', 'user.name', 'Broadsheet CMS');
  if (!identity('user.email')) git(clone, 'config', 'user.email', 'cms@broadsheet.invalid');
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
process.on('exit', () => {
  console.log(`\nPublished changes are on "${branch}" in ${clone}.\nBring them into your checkout with:\n  git pull ${clone} ${branch}`);
});

runTogether([
  {
    name: 'decap-server',
    command: bin('decap-server'),
    cwd: clone,
    env: { MODE: 'git', GIT_REPO_DIRECTORY: clone, BIND_HOST: '127.0.0.1', PORT: port },
  },
  ...(options['no-site']
    ? []
    : [
        {
          name: 'astro',
          command: bin('astro'),
          args: ['dev'],
          cwd: root,
          env: { DECAP_SERVER_PORT: port, BROADSHEET_CONTENT_DIR: path.join(clone, 'content') },
        },
      ]),
]);
