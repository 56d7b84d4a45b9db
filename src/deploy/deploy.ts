/**
 * Sends a built site to where it is served, only what changed since the
 * last deploy: the core of `npm run deploy`, which the tests call too.
 * The target's form picks where: `s3://bucket[/prefix]` for S3-compatible
 * storage, `netlify:<site ID>` and `cloudflare-pages:<project>` for those
 * hosts' own tools, anything else (or `folder:/path`) for a folder a web
 * server serves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hashSite, type SiteChange } from './manifest.ts';
import { deployToFolder } from './targets/folder.ts';
import { deployToS3, parseS3Url, s3ClientFromEnv } from './targets/s3.ts';
import { deployToHost, hostedCommand, hostedTarget } from './targets/hosted.ts';

export interface DeployOptions {
  siteDir: string;
  target: string;
  /** One line per step, for progress. */
  log?: (line: string) => void;
  /** Works out the change and sends nothing. */
  dryRun?: boolean;
}

/** What was sent; undefined for a host whose own tool works out the change. */
export async function deploy({ siteDir, target, log = () => {}, dryRun = false }: DeployOptions): Promise<SiteChange | undefined> {
  const site = path.resolve(siteDir);
  // A wrong or empty folder would otherwise be "deployed" by deleting the live site.
  if (!fs.existsSync(path.join(site, 'index.html'))) throw new Error(`no built site in ${siteDir}: run npm run build first`);
  const hosted = hostedTarget(target);
  if (hosted) {
    const { command, args } = hostedCommand(hosted.kind, hosted.name, site);
    if (dryRun) log(`would run: ${command} ${args.join(' ')}`);
    else await deployToHost(hosted.kind, hosted.name, site);
    return undefined;
  }
  if (target.startsWith('s3://')) {
    const location = parseS3Url(target);
    const s3 = s3ClientFromEnv();
    try {
      return await deployToS3({ s3, location, siteDir: site, next: hashSite(site), log, dryRun });
    } finally {
      s3.destroy();
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) throw new Error(`${target}: unknown kind of target; use s3://bucket[/prefix] or a folder`);
  const named = target.replace(/^folder:/, '');
  if (!named) throw new Error('name the folder to deploy to');
  const folder = path.resolve(named);
  // Releases inside the site would be deployed with it next time.
  if (folder === site || folder.startsWith(`${site}${path.sep}`)) throw new Error(`the target ${named} is inside the site folder ${siteDir}`);
  return deployToFolder({ siteDir: site, next: hashSite(site), target: folder, log, dryRun });
}
