/**
 * Sends the built site where it is served, only what changed since the last
 * deploy (see src/deploy/deploy.ts):
 *   npm run deploy -- /srv/broadsheet          a folder; the web server's root is /srv/broadsheet/current
 *   npm run deploy -- s3://bucket[/prefix]     S3, R2, B2: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 *                                              AWS_REGION (default auto), BROADSHEET_S3_ENDPOINT for R2, B2, MinIO
 *   npm run deploy -- netlify:<site ID>        Netlify's own tool: NETLIFY_AUTH_TOKEN
 *   npm run deploy -- cloudflare-pages:<name>  Wrangler: CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID
 *   npm run deploy -- <target> --dry-run       what would be sent, and the URLs a CDN should invalidate
 * The target may be set in BROADSHEET_DEPLOY_TARGET instead; `--site <dir>`
 * names the built site (default: BROADSHEET_OUT_DIR, or dist).
 */
import { parseArgs } from 'node:util';
import { deploy } from '../src/deploy/deploy.ts';

const MB = 1024 * 1024;

/** One line, no stack: what went wrong is in the message. */
function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Deploy failed: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

/** Where a file is served: an index page at its folder's URL. */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

function readArgs() {
  try {
    return parseArgs({
      options: { site: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (error) {
    return fail(error);
  }
}

const { values, positionals } = readArgs();
const target = positionals[0] ?? process.env['BROADSHEET_DEPLOY_TARGET'];
if (!target || positionals.length > 1) fail('name one target: npm run deploy -- <folder | s3://bucket[/prefix]>, or set BROADSHEET_DEPLOY_TARGET');
const siteDir = values.site ?? process.env['BROADSHEET_OUT_DIR'] ?? 'dist';
const dryRun = values['dry-run'];
const started = performance.now();

try {
  const change = await deploy({ siteDir, target, dryRun, log: (line) => process.stdout.write(`${line}\n`) });
  if (!change) {
    process.stdout.write(`${dryRun ? 'Dry run: nothing sent to' : 'Deployed to'} ${target} by the host's own tool in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    process.exit(0);
  }
  const counts = `${change.added.length} added, ${change.changed.length} changed, ${change.removed.length} removed (${(change.bytes / MB).toFixed(2)} MB)`;
  if (dryRun) {
    // Hashed files under _astro/ never change in place, so no cache holds a stale copy of one.
    const stale = [...change.changed, ...change.removed].filter((file) => !file.startsWith('_astro/')).map(urlOf);
    process.stdout.write(`URLs a CDN should invalidate (${stale.length}):\n${stale.map((url) => `  ${url}\n`).join('')}`);
    process.stdout.write(`Dry run: ${counts} would go to ${target}; nothing sent\n`);
  } else {
    process.stdout.write(`Deployed: ${counts} to ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
} catch (error) {
  fail(error);
}
