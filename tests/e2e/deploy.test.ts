/**
 * `npm run deploy`, with the real CLI: the sample site, then a real second
 * version of it (one headline changed, one article deleted, built afresh),
 * to a folder a web server serves and to a local S3-compatible server. Only
 * the change may be sent, what is served must equal the build file for file,
 * and a deploy killed half-way must leave readers on the old version and
 * the next deploy complete the new one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver, { type S3Event } from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { diffManifests, hashSite, type Manifest, type SiteChange } from '../../src/deploy/manifest.ts';
import { changedPhase } from '../../src/deploy/order.ts';
import { findArticleFolder, listArticleFolders } from '../../src/content/article-files.ts';
import { buildSite } from '../support/build.ts';
import { childEnv } from '../support/child-env.ts';
import { describeDiff, diffDirs, type DirDiff } from '../support/compare-dirs.ts';
import { repoRoot, SAMPLE_ENV, testOutput } from '../support/paths.ts';
import { readSampleArticles } from '../support/sample.ts';
import { runScript, type ScriptRun } from '../support/run-script.ts';
import { serveStatic } from '../support/static-server.ts';

const work = path.join(testOutput, 'deploy');
const NEW_HEADLINE = 'Village power grids learn to pay their own way, and keep the lights on';

interface RunOptions {
  env?: Record<string, string>;
  unset?: string[];
  /** Kill the CLI with SIGKILL the moment it prints a line matching this. */
  killAt?: RegExp;
}

/**
 * Loaded into the CLI before it starts: after writing a line that matches,
 * the process sends SIGKILL to itself, so the kill lands at exactly that
 * point. A kill sent from the test would arrive while the deploy went on,
 * sometimes after it had finished.
 */
const killer = (pattern: RegExp) => `
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const written = write(chunk, ...rest);
  if (${pattern}.test(String(chunk))) process.kill(process.pid, 'SIGKILL');
  return written;
};`;

function runDeploy(args: string[], { env = {}, unset = [], killAt }: RunOptions = {}): Promise<ScriptRun> {
  const preload = killAt ? ['--import', `data:text/javascript,${encodeURIComponent(killer(killAt))}`] : [];
  const environment = childEnv(env);
  for (const name of unset) delete environment[name];
  return runScript('scripts/deploy.ts', args, { env: environment, nodeArgs: preload });
}

interface Counts {
  added: number;
  changed: number;
  removed: number;
}

const SUMMARY = /^Deployed: (\d+) added, (\d+) changed, (\d+) removed \([\d.]+ MB\) to .+ in [\d.]+ s$/;

/** The counts of a deploy's summary, its last line. */
function deployed(run: ScriptRun): Counts {
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  const match = SUMMARY.exec(run.stdout.trimEnd().split('\n').at(-1)!);
  expect(match, run.stdout).not.toBeNull();
  return { added: Number(match![1]), changed: Number(match![2]), removed: Number(match![3]) };
}

const counts = (change: SiteChange): Counts => ({ added: change.added.length, changed: change.changed.length, removed: change.removed.length });

function expectSameFiles(served: string, built: string, label: string) {
  expect(describeDiff(diffDirs(served, built), ['served', label])).toBe('');
}

function freshDir(name: string): string {
  const dir = path.join(work, name);
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

const sourceOf = (dir: string) => ['index.md', 'index.mdx'].map((name) => path.join(dir, name)).find((file) => fs.existsSync(file))!;

/** Published news articles, by slug, that nothing else in the content names (a series, an alert, a live update, a link). */
function standaloneArticles(contentDir: string): string[] {
  const sources = new Map(listArticleFolders(contentDir).map(({ slug, dir }) => [slug, fs.readFileSync(sourceOf(dir), 'utf8')]));
  const others = fs
    .readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(md|mdx|ya?ml)$/.test(file))
    .map((file) => ({ file, text: fs.readFileSync(path.join(contentDir, file), 'utf8') }));
  return readSampleArticles(contentDir)
    .filter((article) => article.published && article.format === 'news' && !/^series:/m.test(sources.get(article.slug)!))
    .map((article) => article.slug)
    .filter((slug) => !others.some(({ file, text }) => !file.includes(`/${slug}/`) && text.includes(slug)));
}

let v1 = '';
let v2 = '';
let edited = '';
let deleted = '';
let expected: SiteChange;
let v1Manifest: Manifest;
let v2Manifest: Manifest;

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  // A copy: every deploy in this file sends these bytes, whatever else rebuilds the sample site meanwhile.
  v1 = path.join(work, 'v1');
  fs.cpSync(inject('sampleSiteDir'), v1, { recursive: true });

  const contentDir = path.join(work, 'content');
  fs.cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
  [edited = '', deleted = ''] = standaloneArticles(contentDir);
  expect(deleted, 'two standalone articles in the sample').not.toBe('');
  const source = sourceOf(findArticleFolder(contentDir, edited));
  fs.writeFileSync(source, fs.readFileSync(source, 'utf8').replace(/^title: .*$/m, `title: "${NEW_HEADLINE}"`));
  fs.rmSync(findArticleFolder(contentDir, deleted), { recursive: true });

  v2 = path.join(work, 'v2');
  const result = await buildSite({
    contentDir,
    outDir: v2,
    env: SAMPLE_ENV,
  });
  expect(result.code, result.output).toBe(0);
  v1Manifest = hashSite(v1);
  v2Manifest = hashSite(v2);
  expected = diffManifests(v1Manifest, v2Manifest);
  // The change has files added, changed and removed, and is a small part of the site.
  expect(Math.min(expected.added.length, expected.changed.length, expected.removed.length)).toBeGreaterThan(0);
  expect(expected.added.length + expected.changed.length + expected.removed.length).toBeLessThan(Object.keys(v2Manifest.files).length / 4);
});

describe('deploying to a folder', () => {
  const releases = (target: string) => fs.readdirSync(path.join(target, 'releases')).sort();

  it('sends only the change, and serves the new version file for file', async () => {
    const target = freshDir('folder');
    expect(deployed(await runDeploy([target, '--site', v1]))).toEqual(counts(diffManifests(undefined, v1Manifest)));

    const server = await serveStatic(path.join(target, 'current'));
    try {
      expect(await (await fetch(`${server.url}/articles/${edited}/`)).text()).not.toContain(NEW_HEADLINE);
      expect((await fetch(`${server.url}/articles/${deleted}/`)).status).toBe(200);

      const dryRun = await runDeploy([target, '--site', v2, '--dry-run']);
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(dryRun.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Dry run: \d+ added, \d+ changed, \d+ removed \([\d.]+ MB\) would go to .+; nothing sent$/);
      expect(dryRun.stdout).toContain(`  /articles/${edited}/\n`);
      expect(dryRun.stdout).toContain(`  /articles/${deleted}/\n`);
      expectSameFiles(path.join(target, 'current'), v1, 'v1');

      expect(deployed(await runDeploy([`folder:${target}`, '--site', v2]))).toEqual(counts(expected));
      const page = await fetch(`${server.url}/articles/${edited}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(NEW_HEADLINE);
      expect((await fetch(`${server.url}/articles/${deleted}/`)).status).toBe(404);
    } finally {
      await server.close();
    }
    expectSameFiles(path.join(target, 'current'), v2, 'v2');
    // The release before stays whole, for a rollback; nothing else is kept.
    expectSameFiles(path.join(target, 'previous'), v1, 'v1');
    expect(releases(target)).toHaveLength(4);
    // Files the two versions share are one file on disk.
    const shared = Object.keys(v2Manifest.files).find((file) => file.startsWith('_astro/'))!;
    expect(fs.statSync(path.join(target, 'current', shared)).ino).toBe(fs.statSync(path.join(target, 'previous', shared)).ino);
  });

  it('keeps readers on the old version when a deploy is killed half-way, and the next one completes', async () => {
    const target = freshDir('folder-killed');
    deployed(await runDeploy([target, '--site', v1]));
    const live = fs.readlinkSync(path.join(target, 'current'));

    const killed = await runDeploy([target, '--site', v2], { killAt: /^linked / });
    expect(killed.signal, killed.stdout + killed.stderr).toBe('SIGKILL');
    expect(killed.stdout).toMatch(/^linked \d+ unchanged files/m);
    expect(killed.stdout).not.toContain('Deployed:');
    // The new release was half made: on disk, with no manifest, and nothing points at it.
    const half = releases(target).filter((name) => !name.endsWith('.manifest.json') && `releases/${name}` !== live);
    expect(half).toHaveLength(1);
    expect(releases(target)).not.toContain(`${half[0]}.manifest.json`);
    expect(fs.readlinkSync(path.join(target, 'current'))).toBe(live);

    const server = await serveStatic(path.join(target, 'current'));
    try {
      expect(await (await fetch(`${server.url}/articles/${edited}/`)).text()).not.toContain(NEW_HEADLINE);
      expect((await fetch(`${server.url}/articles/${deleted}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
    expectSameFiles(path.join(target, 'current'), v1, 'v1');

    expect(deployed(await runDeploy([target, '--site', v2]))).toEqual(counts(expected));
    expectSameFiles(path.join(target, 'current'), v2, 'v2');
    // Left: the live release and the one before it, each with its manifest; the half-made one is gone.
    const current = path.basename(fs.readlinkSync(path.join(target, 'current')));
    const previous = path.basename(fs.readlinkSync(path.join(target, 'previous')));
    expect(`releases/${previous}`).toBe(live);
    expect(releases(target)).toEqual([current, `${current}.manifest.json`, previous, `${previous}.manifest.json`].sort());
    expect(fs.readdirSync(target).sort()).toEqual(['current', 'previous', 'releases']);
  });
});

describe('deploying to S3-compatible storage', () => {
  let server: S3rver;
  let endpoint = '';
  let s3: S3Client;
  const events: S3Event[] = [];
  const credentials = () => ({ AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', BROADSHEET_S3_ENDPOINT: endpoint });

  beforeAll(async () => {
    const directory = freshDir('s3');
    fs.mkdirSync(directory, { recursive: true });
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    server.on('event', (event) => events.push(event));
    s3 = new S3Client({
      endpoint,
      region: 'auto',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });

  afterAll(async () => {
    s3?.destroy();
    await server?.close();
  });

  async function newBucket(name: string): Promise<string> {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    return name;
  }

  async function listKeys(bucket: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((object) => object.Key!));
      token = page.NextContinuationToken;
    } while (token);
    return keys;
  }

  async function read(bucket: string, key: string): Promise<Buffer> {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  }

  /** The bucket's site files (its own `.broadsheet/` state left out) against a built site, by the SHA-256 of what is stored. */
  async function expectBucketEquals(bucket: string, site: Manifest, label: string) {
    const keys = (await listKeys(bucket)).filter((key) => !/(^|\/)\.broadsheet\//.test(key));
    const stored = new Map<string, string>();
    for (let start = 0; start < keys.length; start += 32) {
      await Promise.all(
        keys.slice(start, start + 32).map(async (key) => stored.set(key, crypto.createHash('sha256').update(await read(bucket, key)).digest('hex'))),
      );
    }
    const diff: DirDiff = {
      onlyInFirst: [...stored.keys()].filter((key) => !Object.hasOwn(site.files, key)).sort(),
      onlyInSecond: Object.keys(site.files).filter((file) => !stored.has(file)),
      differ: [...stored].filter(([key, sha256]) => Object.hasOwn(site.files, key) && site.files[key]!.sha256 !== sha256).map(([key]) => key).sort(),
    };
    expect(describeDiff(diff, ['bucket', label])).toBe('');
  }

  const manifestOf = async (bucket: string) => JSON.parse((await read(bucket, '.broadsheet/manifest.json')).toString('utf8')) as Manifest;

  /** Keys written to a bucket from event `from` on, in the order they landed. */
  const putsSince = (from: number, bucket: string) =>
    events
      .slice(from)
      .map((event) => event.Records[0]!)
      .filter((record) => record.eventName === 'ObjectCreated:Put' && record.s3.bucket.name === bucket)
      .map((record) => record.s3.object.key);

  it('sends only the change, in its phases, and the bucket then holds the new version', async () => {
    const target = `s3://${await newBucket('deploy-change')}`;
    expect(deployed(await runDeploy([target, '--site', v1], { env: credentials() }))).toEqual(counts(diffManifests(undefined, v1Manifest)));
    await expectBucketEquals('deploy-change', v1Manifest, 'v1');

    const from = events.length;
    const second = await runDeploy([target, '--site', v2], { env: credentials() });
    expect(deployed(second)).toEqual(counts(expected));
    expect(second.stdout).toMatch(/^uploaded \d+ of \d+ files \(phase 3 of 6: article pages\)$/m);
    const sent = putsSince(from, 'deploy-change');
    expect(sent.at(-1)).toBe('.broadsheet/manifest.json');
    const files = sent.filter((key) => !key.startsWith('.broadsheet/'));
    expect([...files].sort()).toEqual([...expected.added, ...expected.changed].sort());
    // Every new file landed before any changed one, and changed ones in the order of their kinds.
    const phases = files.map((key) => (expected.added.includes(key) ? 1 : changedPhase(key)));
    expect(phases).toEqual([...phases].sort((a, b) => a - b));

    const page = await fetch(`${endpoint}/deploy-change/articles/${edited}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain(NEW_HEADLINE);
    expect((await fetch(`${endpoint}/deploy-change/articles/${deleted}/index.html`)).status).toBe(404);
    await expectBucketEquals('deploy-change', v2Manifest, 'v2');
    expect(await manifestOf('deploy-change')).toEqual(v2Manifest);
  });

  it('keeps the old manifest when a deploy is killed half-way, and the next one completes', async () => {
    const target = `s3://${await newBucket('deploy-killed')}`;
    deployed(await runDeploy([target, '--site', v1], { env: credentials() }));

    const killed = await runDeploy([target, '--site', v2], { env: credentials(), killAt: /^uploaded / });
    expect(killed.signal, killed.stdout + killed.stderr).toBe('SIGKILL');
    expect(killed.stdout.trimEnd()).toMatch(/^uploaded \d+ of \d+ files \(phase 1 of 6: new files\)$/);
    expect(await manifestOf('deploy-killed')).toEqual(v1Manifest);
    // It was killed after sending something: the new files are there already.
    const keys = new Set(await listKeys('deploy-killed'));
    expect(expected.added.filter((file) => !keys.has(file))).toEqual([]);

    expect(deployed(await runDeploy([target, '--site', v2], { env: credentials() }))).toEqual(counts(expected));
    await expectBucketEquals('deploy-killed', v2Manifest, 'v2');
    expect(await manifestOf('deploy-killed')).toEqual(v2Manifest);
    expect(await listKeys('deploy-killed')).not.toContain('.broadsheet/pending.json');
  });

  it('leaves nothing stale over a sequence of deploys, a killed one included', async () => {
    const target = `s3://${await newBucket('deploy-sequence')}/site`;
    for (const version of [v1, v2, v1]) deployed(await runDeploy([target, '--site', version], { env: credentials() }));
    const v1UnderPrefix: Manifest = { version: 1, files: Object.fromEntries(Object.entries(v1Manifest.files).map(([file, entry]) => [`site/${file}`, entry])) };
    await expectBucketEquals('deploy-sequence', v1UnderPrefix, 'v1');

    // Killed once the changed article pages are up: the edited article shows the new headline...
    const killed = await runDeploy([target, '--site', v2], { env: credentials(), killAt: /phase 3 of 6/ });
    expect(killed.signal).toBe('SIGKILL');
    expect(await (await fetch(`${endpoint}/deploy-sequence/site/articles/${edited}/index.html`)).text()).toContain(NEW_HEADLINE);
    // ...and going back to v1, which the manifest still describes, puts back every file the killed deploy touched.
    deployed(await runDeploy([target, '--site', v1], { env: credentials() }));
    await expectBucketEquals('deploy-sequence', v1UnderPrefix, 'v1');
  });

  it('stops before sending anything when a credential is missing or refused, and never shows the secret', async () => {
    const target = `s3://${await newBucket('deploy-credentials')}`;
    const from = events.length;
    const secret = 'not-for-printing-5e0c9b7a41d2';
    const runs = [
      await runDeploy([target, '--site', v2], { env: { ...credentials(), AWS_SECRET_ACCESS_KEY: secret }, unset: ['AWS_ACCESS_KEY_ID'] }),
      await runDeploy([target, '--site', v2], { env: { ...credentials(), AWS_ACCESS_KEY_ID: 'NOT-A-KEY', AWS_SECRET_ACCESS_KEY: secret } }),
    ];
    expect(runs.map((run) => [run.code, run.stdout, run.stderr])).toEqual([
      [1, '', 'Deploy failed: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to deploy to S3\n'],
      [1, '', 'Deploy failed: the S3 target refused the credentials: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n'],
    ]);
    for (const run of runs) expect(run.stdout + run.stderr).not.toContain(secret);
    expect(putsSince(from, 'deploy-credentials')).toEqual([]);
    expect(await listKeys('deploy-credentials')).toEqual([]);
  });
});

it('stops with one line when there is no built site', async () => {
  const run = await runDeploy([freshDir('no-site-target'), '--site', path.join(work, 'no-such-build')]);
  expect([run.code, run.stdout]).toEqual([1, '']);
  expect(run.stderr).toMatch(/^Deploy failed: no built site in .+: run npm run build first\n$/);
  expect(fs.existsSync(path.join(work, 'no-site-target'))).toBe(false);
});
