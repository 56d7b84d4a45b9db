/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) by where the code lives:
 * one npm package, the site's own `src/`, Node internals, or V8's own work
 * (garbage collection, compilation). That is the level at which a build can be
 * changed: drop or configure a package, or fix a page.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  where: string;
  seconds: number;
  percent: number;
}

export function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src\/[^/]+)/.exec(url);
  if (own) return own[1]!;
  return url.includes('/dist/') || url.includes('.astro/') ? 'site bundle' : 'other';
}

/** Self time per owner, largest first. */
export function summariseProfile(file: string, top = 15): ProfileShare[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const ownerOf = new Map(profile.nodes.map((node) => [node.id, owner(node.callFrame.url, node.callFrame.functionName)]));
  const micros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const where = ownerOf.get(id) ?? 'other';
    micros.set(where, (micros.get(where) ?? 0) + delta);
    total += delta;
  });
  return [...micros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, value]) => ({
      where,
      seconds: Math.round(value / 1e4) / 100,
      percent: total > 0 ? Math.round((value / total) * 1000) / 10 : 0,
    }));
}
