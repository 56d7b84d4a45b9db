/**
 * The steps of a publish as CI runs it, beside the build: installing the
 * dependencies with a warm npm cache, restoring and saving the build cache as
 * actions/cache does (tar and zstd), and deploying to S3-compatible storage
 * (a local S3 server, through `npm run deploy`'s own code). The page is live
 * at the end of the deploy; the cache save comes after it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { deploy } from '../src/deploy/deploy.ts';
import { round } from './inspect.ts';

const MB = 1024 * 1024;
const seconds = (started: number) => round((performance.now() - started) / 1000, 2);

/** `npm ci` of the repository's lock file in a scratch folder, with the npm cache as the last install left it. */
export function timeInstall(repoRoot: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-install-'));
  try {
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(repoRoot, file), path.join(dir, file));
    const started = performance.now();
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'ignore' });
    return seconds(started);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Packs `dir` as actions/cache saves a path: a POSIX tar (it keeps file times to the nanosecond) through zstd on every core. */
export function saveCache(dir: string, archive: string): { seconds: number; packedMB: number } {
  const started = performance.now();
  execFileSync('tar', ['--posix', '--use-compress-program', 'zstd -T0', '-cf', archive, '-C', dir, '.']);
  return { seconds: seconds(started), packedMB: round(fs.statSync(archive).size / MB, 1) };
}

/** Unpacks a saved cache in place of `dir`, as a CI run restores it before the build. */
export function restoreSavedCache(dir: string, archive: string): number {
  const started = performance.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['--use-compress-program', 'zstd -d', '-xf', archive, '-C', dir]);
  return seconds(started);
}

export interface S3Target {
  target: string;
  /** Deploys `siteDir` and returns the seconds it took. */
  deploySite: (siteDir: string) => Promise<number>;
  close: () => Promise<void>;
}

/** A local S3-compatible server on 127.0.0.1 with one empty bucket, and a deploy to it. */
export async function startS3Target(dataDir: string): Promise<S3Target> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dataDir });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const s3 = new S3Client({ endpoint, region: 'auto', forcePathStyle: true, credentials });
  await s3.send(new CreateBucketCommand({ Bucket: 'site' }));
  s3.destroy();
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, BROADSHEET_S3_ENDPOINT: endpoint });
  const target = 's3://site';
  return {
    target,
    deploySite: async (siteDir) => {
      const started = performance.now();
      await deploy({ siteDir, target });
      return seconds(started);
    },
    close: () => server.close(),
  };
}
