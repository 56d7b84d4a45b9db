/**
 * S3-compatible storage (AWS S3, Cloudflare R2, Backblaze B2, MinIO): a
 * bucket serves each object the moment it lands, so the change goes up in
 * the phases of `order.ts`, each complete before the next, and removed
 * objects go last.
 *
 * `<prefix>.broadsheet/manifest.json` describes what the bucket holds. It is
 * written last, so a deploy killed half-way leaves the one before in place
 * and the next deploy diffs against it again. Before anything is sent,
 * `.broadsheet/pending.json` records the change under way, and the next
 * deploy treats each file in it as unknown: a file sent by a deploy that did
 * not finish is sent again or deleted even when that deploy is not repeated
 * (a killed deploy of B, then one of A, would otherwise leave B's files
 * wherever A's match the manifest). Without a manifest the bucket is listed:
 * every site file is sent, and every other object under the prefix deleted.
 * Objects changed by hand go unnoticed; deleting the manifest makes the next
 * deploy send everything.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { diffManifests, type Manifest, type SiteChange } from '../manifest.ts';
import { uploadOrder } from '../order.ts';
import { contentType } from '../../lib/content-types.ts';

export interface S3Location {
  bucket: string;
  /** Empty, or a key prefix ending in `/`. */
  prefix: string;
}

export interface S3Deploy {
  s3: S3Client;
  location: S3Location;
  siteDir: string;
  next: Manifest;
  log: (line: string) => void;
  dryRun: boolean;
}

/** PUTs in flight at once: enough to hide each request's latency, few enough for any provider's rate limits. */
const PARALLEL = 16;
/** The most keys one DeleteObjects request takes. */
const DELETE_BATCH = 1000;
const STATE = '.broadsheet/';
const MANIFEST = `${STATE}manifest.json`;
const PENDING = `${STATE}pending.json`;

const REFUSED = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied']);

/**
 * As `_headers` asks of hosts that read it, except that every JSON file is
 * short-lived: Pagefind's entry files and `shards.json` name hashed files
 * that a later deploy deletes.
 */
export function cacheControl(file: string): string {
  if (file.startsWith('_astro/')) return 'public, max-age=31536000, immutable';
  if (file.startsWith('admin/')) return 'no-cache';
  if (file.endsWith('/updates.json')) return 'public, max-age=15, must-revalidate';
  if (/\.(html|xml|json|txt)$/.test(file) || !path.extname(file)) return 'public, max-age=60';
  if (file.startsWith('og/')) return 'public, max-age=86400';
  return 'public, max-age=3600';
}

/** `s3://bucket` or `s3://bucket/some/prefix`. */
export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new Error(`${url} is not an S3 target: write s3://bucket or s3://bucket/prefix`);
  const prefix = match[2]!.replace(/\/+$/, '');
  return { bucket: match[1]!, prefix: prefix ? `${prefix}/` : '' };
}

/** A client from the environment; refuses before anything is sent when a credential is missing. */
export function s3ClientFromEnv(env: NodeJS.ProcessEnv = process.env): S3Client {
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) throw new Error('set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to deploy to S3');
  const sessionToken = env['AWS_SESSION_TOKEN'];
  const endpoint = env['BROADSHEET_S3_ENDPOINT'];
  return new S3Client({
    region: env['AWS_REGION'] || 'auto',
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    // R2, B2 and MinIO take bucket names in the path, not as subdomains.
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // By default the SDK adds checksums to every request, in forms R2 and B2 do not all accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Runs `work` on every item, at most `limit` at a time; stops starting new ones after a failure. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function readText(s3: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await object.Body?.transformToString();
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function listKeys(s3: S3Client, { bucket, prefix }: S3Location): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

function parseJson<T>(text: string, valid: (value: T) => boolean): T | undefined {
  try {
    const value = JSON.parse(text) as T;
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What the bucket holds, and which of the files it lists may be missing from it. */
interface Live {
  manifest: Manifest;
  present: (file: string) => boolean;
}

/** The change a deploy is making: a file it adds may be there or not, one it removes may be gone, one it changes is there. */
type Pending = Omit<SiteChange, 'bytes'>;

/** A manifest entry for a file of unknown content: it differs from any real file, so the file is sent again, or deleted. */
const UNKNOWN = { sha256: '', size: 0 };
const unknown = (files: string[]) => Object.fromEntries(files.map((file) => [file, UNKNOWN]));

/**
 * The manifest, with the files a deploy that did not finish was touching
 * marked unknown. Undefined when there is none, or either file is unreadable.
 */
async function readManifest(s3: S3Client, { bucket, prefix }: S3Location): Promise<Live | undefined> {
  const text = await readText(s3, bucket, prefix + MANIFEST);
  if (text === undefined) return undefined;
  const manifest = parseJson<Manifest>(text, (value) => value.version === 1 && typeof value.files === 'object');
  const pending = parseJson<Pending>(
    (await readText(s3, bucket, prefix + PENDING)) ?? '{"added":[],"changed":[],"removed":[]}',
    (value) => [value.added, value.changed, value.removed].every(Array.isArray),
  );
  if (!manifest || !pending) return undefined;
  const unsure = new Set([...pending.added, ...pending.removed]);
  return {
    manifest: { version: 1, files: { ...manifest.files, ...unknown([...pending.added, ...pending.changed, ...pending.removed]) } },
    present: (file) => Object.hasOwn(manifest.files, file) && !unsure.has(file),
  };
}

/** By the manifest, or else by listing the bucket, which tells what is there but not what it holds. */
async function readLive(s3: S3Client, location: S3Location): Promise<Live> {
  const live = await readManifest(s3, location);
  if (live) return live;
  const listed = (await listKeys(s3, location))
    .map((key) => key.slice(location.prefix.length))
    .filter((file) => file && !file.startsWith(STATE) && !file.endsWith('/'));
  return { manifest: { version: 1, files: unknown(listed) }, present: () => true };
}

/**
 * The change from what is live: a file that may be missing from the bucket
 * counts as new, and goes up with the new files, before anything links to it.
 */
function changeFrom(live: Live, next: Manifest): SiteChange {
  const change = diffManifests(live.manifest, next);
  const missing = change.changed.filter((file) => !live.present(file));
  if (!missing.length) return change;
  return { ...change, added: [...change.added, ...missing].sort(), changed: change.changed.filter(live.present) };
}

function putJson(s3: S3Client, { bucket, prefix }: S3Location, key: string, value: unknown) {
  return s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: prefix + key,
      Body: JSON.stringify(value),
      ContentType: contentType(MANIFEST),
      CacheControl: 'no-store',
    }),
  );
}

async function send({ s3, location, siteDir, next, log }: S3Deploy, change: SiteChange): Promise<void> {
  const { bucket, prefix } = location;
  const phases = uploadOrder(change);
  const total = change.added.length + change.changed.length;
  const pending: Pending = { added: change.added, changed: change.changed, removed: change.removed };
  await putJson(s3, location, PENDING, pending);
  let uploaded = 0;
  for (const [index, phase] of phases.entries()) {
    const label = `(phase ${index + 1} of ${phases.length}: ${phase.name})`;
    if (phase.action === 'delete') {
      for (let start = 0; start < phase.paths.length; start += DELETE_BATCH) {
        const batch = phase.paths.slice(start, start + DELETE_BATCH);
        const result = await s3.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((file) => ({ Key: prefix + file })), Quiet: true } }),
        );
        const failed = result.Errors ?? [];
        if (failed.length) throw new Error(`${failed.length} objects could not be deleted, ${failed[0]!.Key}: ${failed[0]!.Code} ${failed[0]!.Message}`);
      }
      log(`deleted ${phase.paths.length} of ${phase.paths.length} files ${label}`);
      continue;
    }
    await eachLimited(phase.paths, PARALLEL, async (file) => {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: prefix + file,
          Body: fs.readFileSync(path.join(siteDir, file)),
          ContentType: contentType(file),
          CacheControl: cacheControl(file),
          Metadata: { sha256: next.files[file]!.sha256 },
        }),
      );
    });
    uploaded += phase.paths.length;
    log(`uploaded ${uploaded} of ${total} files ${label}`);
  }
  await putJson(s3, location, MANIFEST, next);
  // Once the manifest names every file, the pending list says nothing the manifest does not.
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: prefix + PENDING }));
}

/** Errors a reader of one line can act on; anything else as the SDK words it. */
function explain(error: unknown, { bucket }: S3Location): unknown {
  const name = (error as Error | undefined)?.name ?? '';
  if (REFUSED.has(name)) return new Error('the S3 target refused the credentials: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  if (name === 'NoSuchBucket') return new Error(`the S3 bucket ${bucket} does not exist`);
  return error;
}

export async function deployToS3(options: S3Deploy): Promise<SiteChange> {
  try {
    const change = changeFrom(await readLive(options.s3, options.location), options.next);
    const empty = change.added.length + change.changed.length + change.removed.length === 0;
    if (!options.dryRun && !empty) await send(options, change);
    return change;
  } catch (error) {
    throw explain(error, options.location);
  }
}
