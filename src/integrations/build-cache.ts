/**
 * Guards the caches a build reuses from the last one: Astro's incremental
 * page cache and content store, and the search index shards. They are thrown
 * away, with one line saying why, when they cannot be trusted:
 * - the code, dependencies or configuration changed since they were written
 *   (page keys describe content, not the templates that render it);
 * - the last build did not finish (a killed build leaves files newer than
 *   the manifest that describes them);
 * - a clean build was asked for (`npm run build:clean`).
 * Astro's image cache (`assets`) outlives code changes, since a variant
 * depends only on its source and transform; but its keys leave out the
 * encoder settings, so it is thrown away when those change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { site } from '../site.config.ts';
import { sourceDigest } from '../lib/source-digest.ts';
import { writeFileAtomic } from '../lib/write-atomic.ts';
import { BUILD_STATE, CACHE } from './cache-layout.ts';

/** Bump to invalidate every cache written by an earlier version of this guard. */
const CACHE_FORMAT = 1;
/** Source folders and files whose change may change any page. */
const SOURCES = ['src', 'admin', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export interface State {
  format: number;
  fingerprint: string;
  complete: boolean;
  /** The image service and its encoder settings that wrote the image cache. */
  imageEncoding?: string;
}

/** A digest of the code, dependencies and settings that shape the output. */
export function buildFingerprint(root: string, settings: unknown): string {
  return sourceDigest(root, SOURCES, { CACHE_FORMAT, settings });
}

function readState(file: string): State | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as State;
    return state.format === CACHE_FORMAT ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Why the previous build's cache must not be used, or undefined when it may. */
export function distrustReason(previous: State, fingerprint: string, clean: boolean): string | undefined {
  if (clean) return 'a clean build was asked for';
  if (!previous.complete) return 'the last build did not finish';
  if (previous.fingerprint !== fingerprint) return 'the code, dependencies or configuration changed since the last build';
  return undefined;
}

/** Why the image cache must not be used, or undefined when it may. */
export function imageCacheDistrust(previous: State | undefined, imageEncoding: string): string | undefined {
  if (previous?.imageEncoding !== imageEncoding) return 'the image encoder settings changed';
  return undefined;
}

/** Set BROADSHEET_CLEAN_BUILD=1 (or pass --force) to build without reusing anything. */
const cleanRequested = () => process.env['BROADSHEET_CLEAN_BUILD'] === '1' || process.argv.includes('--force');

/** Must come last among the integrations: its end-of-build hook marks the cache complete. */
export function buildCacheIntegration(): AstroIntegration {
  let cacheDir = '';
  let stateFile = '';
  let fingerprint = '';
  let imageEncoding = '';
  const write = (complete: boolean) => {
    fs.mkdirSync(cacheDir, { recursive: true });
    const state: State = { format: CACHE_FORMAT, fingerprint, complete, imageEncoding };
    writeFileAtomic(stateFile, JSON.stringify(state));
  };
  return {
    name: 'broadsheet:build-cache',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir);
        stateFile = path.join(cacheDir, CACHE.state);
        fingerprint = buildFingerprint(fileURLToPath(config.root), {
          site: site.url,
          contentDir: site.contentDir,
          showUnpublished: site.showUnpublished,
        });
        imageEncoding = JSON.stringify(config.image.service);
        const previous = readState(stateFile);
        const hasCache = BUILD_STATE.some((name) => fs.existsSync(path.join(cacheDir, name)));
        const reason = previous
          ? distrustReason(previous, fingerprint, cleanRequested())
          : hasCache
            ? 'it carries no record of a finished build by this version'
            : undefined;
        if (reason) {
          for (const name of BUILD_STATE) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
          logger.warn(`Build cache discarded: ${reason}. Every page is rendered afresh.`);
        } else if (!hasCache) {
          logger.info('No build cache yet: every page is rendered.');
        }
        const imageReason = imageCacheDistrust(previous, imageEncoding);
        if (imageReason && fs.existsSync(path.join(cacheDir, CACHE.astro.images))) {
          fs.rmSync(path.join(cacheDir, CACHE.astro.images), { recursive: true, force: true });
          logger.warn(`Image cache discarded: ${imageReason}. Every image is encoded afresh.`);
        }
        write(false);
      },
      'astro:build:done': () => write(true),
    },
  };
}
