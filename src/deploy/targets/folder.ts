/**
 * A folder a web server of one's own serves (nginx, Caddy): the server's
 * root is `<target>/current`, a symbolic link to one complete release,
 * `<target>/releases/<id>/`. A deploy builds the next release beside the
 * live one and then swaps the link in one rename, so a reader sees the old
 * site or the new one, never a mix, and a deploy killed at any point before
 * the swap leaves the live site as it was.
 *
 * A release shares every unchanged file with the live one (hard links, one
 * copy on disk) and holds its own copy of each added or changed file. Files
 * come from the build by copy, never by link: `dist/` is hard-linked into the
 * build cache, which the next build may rewrite.
 *
 * Beside each release, outside what is served, `<id>.manifest.json` lists its
 * files; it is written once the release is complete, so a release without
 * one is a deploy that did not finish. `<target>/previous` points at the
 * release that was live before, kept for a rollback (point `current` at it
 * the same way); every other release is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { diffManifests, hashSite, type Manifest, type SiteChange } from '../manifest.ts';
import { linkOrCopy } from '../../lib/link-file.ts';
import { writeFileAtomic } from '../../lib/write-atomic.ts';

export interface FolderDeploy {
  siteDir: string;
  /** The build's manifest (`hashSite(siteDir)`). */
  next: Manifest;
  target: string;
  log: (line: string) => void;
  dryRun: boolean;
}

const RELEASES = 'releases';
type Link = 'current' | 'previous';

const releaseDir = (target: string, id: string) => path.join(target, RELEASES, id);
const manifestFile = (target: string, id: string) => path.join(target, RELEASES, `${id}.manifest.json`);

/** The release a link points at, if the link is there. */
function releaseOf(target: string, link: Link): string | undefined {
  const file = path.join(target, link);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const to = stat.isSymbolicLink() ? fs.readlinkSync(file).split(path.sep).join('/') : '';
  const id = to.startsWith(`${RELEASES}/`) ? to.slice(RELEASES.length + 1) : '';
  if (!id || id.includes('/')) throw new Error(`${file} is not a link to ${RELEASES}/<id>: move it away, and a deploy will make it one`);
  return id;
}

/** The live release's files: its manifest, or, when that is missing, what is really there. */
function liveManifest(target: string, id: string): Manifest {
  try {
    return JSON.parse(fs.readFileSync(manifestFile(target, id), 'utf8')) as Manifest;
  } catch {
    return hashSite(releaseDir(target, id));
  }
}

/** Timestamps sort in deploy order, which is all an operator needs to pick a release by hand. */
function newReleaseId(target: string): string {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  let id = stamp;
  for (let n = 2; fs.existsSync(releaseDir(target, id)); n += 1) id = `${stamp}-${n}`;
  return id;
}

/** Deletes every release but `keep`, with its manifest, and links left half-made by a killed deploy. */
function prune(target: string, keep: (string | undefined)[]): void {
  for (const name of fs.readdirSync(path.join(target, RELEASES))) {
    const id = name.replace(/\.manifest\.json(\.tmp)?$/, '');
    if (!keep.includes(id)) fs.rmSync(path.join(target, RELEASES, name), { recursive: true, force: true });
  }
  for (const name of fs.readdirSync(target)) {
    if (/^(current|previous)\..+\.tmp$/.test(name)) fs.rmSync(path.join(target, name), { force: true });
  }
}

/** Points a link at a release in one rename: readers resolve the old target or the new one. */
function pointAt(target: string, link: Link, id: string): void {
  const temporary = path.join(target, `${link}.${id}.tmp`);
  fs.rmSync(temporary, { force: true });
  fs.symlinkSync(`${RELEASES}/${id}`, temporary);
  fs.renameSync(temporary, path.join(target, link));
}

export function deployToFolder({ siteDir, next, target, log, dryRun }: FolderDeploy): SiteChange {
  const live = releaseOf(target, 'current');
  const change = diffManifests(live === undefined ? undefined : liveManifest(target, live), next);
  const sent = [...change.added, ...change.changed];
  if (dryRun || (live !== undefined && sent.length === 0 && change.removed.length === 0)) return change;

  fs.mkdirSync(path.join(target, RELEASES), { recursive: true });
  prune(target, [live, releaseOf(target, 'previous')]);
  const id = newReleaseId(target);
  const dir = releaseDir(target, id);
  const made = new Set<string>();
  const place = (file: string) => {
    const parent = path.dirname(path.join(dir, file));
    if (!made.has(parent)) fs.mkdirSync(parent, { recursive: true });
    made.add(parent);
    return path.join(dir, file);
  };

  const isSent = new Set(sent);
  const kept = Object.keys(next.files).filter((file) => !isSent.has(file));
  for (const file of kept) linkOrCopy(path.join(releaseDir(target, live!), file), place(file));
  log(live === undefined ? 'no live release: every file is copied (step 1 of 3)' : `linked ${kept.length} unchanged files from ${RELEASES}/${live} (step 1 of 3)`);
  for (const file of sent) fs.copyFileSync(path.join(siteDir, file), place(file), fs.constants.COPYFILE_FICLONE);
  log(`copied ${sent.length} added or changed files (step 2 of 3)`);

  writeFileAtomic(manifestFile(target, id), JSON.stringify(next));
  // `previous` first: killed between the two, it names the live release, which is harmless.
  if (live !== undefined) pointAt(target, 'previous', live);
  pointAt(target, 'current', id);
  log(`switched current to ${RELEASES}/${id} (step 3 of 3)`);
  // Read again, not assumed: a release another deploy has just made live is kept.
  prune(target, [releaseOf(target, 'current'), releaseOf(target, 'previous')]);
  return change;
}
