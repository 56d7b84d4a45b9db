/**
 * With `BROADSHEET_HOST` set (`github-pages`, `cloudflare-pages`, `netlify`…),
 * the build ends by checking its output against that host's limits
 * (`src/lib/host-limits.ts`) and fails with one line, naming the limit and a
 * host that fits, rather than leave the failure to a deploy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { HOSTS, hostFromEnv, hostProblem, type OutputStats } from '../lib/host-limits.ts';

/** Files, bytes, the fullest folder and the largest file under `dir`. */
export function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { files: 0, bytes: 0, fullestFolder: { path: '.', entries: 0 }, largestFile: { path: '', bytes: 0 } };
  const walk = (folder: string) => {
    const entries = fs.readdirSync(folder, { withFileTypes: true });
    if (entries.length > stats.fullestFolder.entries) stats.fullestFolder = { path: path.relative(dir, folder) || '.', entries: entries.length };
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const { size } = fs.statSync(full);
        stats.files += 1;
        stats.bytes += size;
        if (size > stats.largestFile.bytes) stats.largestFile = { path: path.relative(dir, full), bytes: size };
      }
    }
  };
  walk(dir);
  return stats;
}

export function hostLimitsIntegration(): AstroIntegration {
  return {
    name: 'broadsheet:host-limits',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const host = hostFromEnv(process.env['BROADSHEET_HOST']);
        if (!host) return;
        const problem = hostProblem(outputStats(fileURLToPath(dir)), host);
        if (problem) throw new Error(problem);
        logger.info(`The output fits ${HOSTS[host].name}`);
      },
    },
  };
}
