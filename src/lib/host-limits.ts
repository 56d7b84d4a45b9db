/**
 * What each kind of static host accepts in one deployment, from the hosts'
 * own documentation (December 2026; see docs/deploying.md). A build for a
 * host checks its output against these and stops before a deploy that the
 * host would refuse.
 */

export interface HostLimits {
  /** How the host is named to a person. */
  name: string;
  /** The whole published site, in bytes. */
  maxSiteBytes?: number;
  /** Files in one deployment. */
  maxFiles?: number;
  /** Entries in one folder. */
  maxFolderEntries?: number;
  /** One file, in bytes. */
  maxFileBytes?: number;
}

const GB = 1024 ** 3;
const MiB = 1024 ** 2;

/** By the value of `BROADSHEET_HOST`. */
export const HOSTS = {
  'github-pages': { name: 'GitHub Pages', maxSiteBytes: 1 * GB },
  'cloudflare-pages': { name: 'Cloudflare Pages (free plan)', maxFiles: 20_000, maxFileBytes: 25 * MiB },
  'cloudflare-pages-paid': { name: 'Cloudflare Pages (paid plan)', maxFiles: 100_000, maxFileBytes: 25 * MiB },
  netlify: { name: 'Netlify', maxFolderEntries: 54_000 },
  s3: { name: 'S3-compatible storage' },
  folder: { name: 'a folder on your own server' },
} satisfies Record<string, HostLimits>;

export type HostId = keyof typeof HOSTS;

/** Hosts to suggest when one does not fit, in the order a small newsroom would try them. */
const ROOMIER: HostId[] = ['cloudflare-pages', 'cloudflare-pages-paid', 'netlify', 's3'];

export interface OutputStats {
  files: number;
  bytes: number;
  /** The folder with the most entries, relative to the site (`.` for its root), and how many it has. */
  fullestFolder: { path: string; entries: number };
  largestFile: { path: string; bytes: number };
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;
const count = (value: number) => value.toLocaleString('en-GB');

/** The limits `stats` breaks on `host`, one line each (none: it fits). */
function broken(stats: OutputStats, host: HostLimits): string[] {
  const problems: string[] = [];
  if (host.maxSiteBytes !== undefined && stats.bytes > host.maxSiteBytes) problems.push(`the site is ${MB(stats.bytes)} and ${host.name} publishes at most ${MB(host.maxSiteBytes)}`);
  if (host.maxFiles !== undefined && stats.files > host.maxFiles) problems.push(`the site has ${count(stats.files)} files and ${host.name} takes at most ${count(host.maxFiles)}`);
  if (host.maxFolderEntries !== undefined && stats.fullestFolder.entries > host.maxFolderEntries) {
    problems.push(`${stats.fullestFolder.path}/ holds ${count(stats.fullestFolder.entries)} entries and ${host.name} takes at most ${count(host.maxFolderEntries)} in one folder`);
  }
  if (host.maxFileBytes !== undefined && stats.largestFile.bytes > host.maxFileBytes) problems.push(`${stats.largestFile.path} is ${MB(stats.largestFile.bytes)} and ${host.name} takes files of at most ${MB(host.maxFileBytes)}`);
  return problems;
}

/** One line saying why the output does not fit `hostId` and which host it fits, or undefined when it fits. */
export function hostProblem(stats: OutputStats, hostId: HostId): string | undefined {
  const problems = broken(stats, HOSTS[hostId]);
  if (problems.length === 0) return undefined;
  // S3-compatible storage has none of these limits, so some host always fits.
  const fits = ROOMIER.find((other) => other !== hostId && broken(stats, HOSTS[other]).length === 0)!;
  return `This site does not fit ${HOSTS[hostId].name}: ${problems.join('; ')}. It fits ${HOSTS[fits].name}${fits === 's3' ? ' (npm run deploy)' : ''}.`;
}

/** The host named by `BROADSHEET_HOST`, or undefined when none is set. */
export function hostFromEnv(value: string | undefined): HostId | undefined {
  if (!value) return undefined;
  if (Object.hasOwn(HOSTS, value)) return value as HostId;
  throw new Error(`BROADSHEET_HOST must be one of ${Object.keys(HOSTS).join(', ')}, got "${value}"`);
}
