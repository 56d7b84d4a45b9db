#!/usr/bin/env node
/**
 * `npm run dev`: the Astro dev server and decap-server (the CMS's local
 * backend, writing straight into `content/`) together, stopped together.
 * decap-server listens on 127.0.0.1 only: it writes files without any login.
 * Its file mode has no editorial workflow; the admin learns that from the
 * server and publishes directly (see docs/editors.md).
 * Extra arguments go to `astro dev`, e.g. `npm run dev -- --port 4322`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTogether } from './lib/process-group.mjs';
import { DEFAULT_DECAP_PORT } from '../src/lib/local-servers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const decapPort = process.env.DECAP_SERVER_PORT ?? DEFAULT_DECAP_PORT;

runTogether([
  {
    name: 'decap-server',
    command: bin('decap-server'),
    cwd: root,
    env: { MODE: 'fs', BIND_HOST: '127.0.0.1', PORT: decapPort, GIT_REPO_DIRECTORY: root },
  },
  {
    name: 'astro',
    command: bin('astro'),
    args: ['dev', ...process.argv.slice(2)],
    cwd: root,
    env: { DECAP_SERVER_PORT: decapPort },
  },
]);
