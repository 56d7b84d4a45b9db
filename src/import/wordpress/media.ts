/**
 * Gets the images an article uses, to store beside it. From a copy of the
 * old site's `wp-content/uploads` (`--uploads <folder>`), matched by the path
 * after `/wp-content/uploads/`; from a server holding that folder
 * (`--uploads <URL>`); or, without `--uploads`, from the address in the
 * export itself. WordPress.com serves uploads from `<site>.files.wordpress.com`
 * without the `wp-content/uploads` part, and resized copies with `?w=`; both
 * are understood. A file must be a picture the build can process (JPEG, PNG,
 * GIF, WebP, AVIF), checked by its first bytes, not its name.
 */
import fs from 'node:fs';
import path from 'node:path';

export type MediaSource = { kind: 'folder'; folder: string } | { kind: 'server'; base: string } | { kind: 'origin' };

/** `from`: where the file was found (a path or an address), whose name it keeps. */
export type MediaResult = { ok: true; bytes: Uint8Array; extension: string; from: string } | { ok: false; problem: string };

/** `--uploads` as given: a URL names a server, anything else a folder; absent, the export's own addresses. */
export function mediaSource(uploads: string | undefined): MediaSource {
  if (!uploads) return { kind: 'origin' };
  if (/^https?:\/\//i.test(uploads)) return { kind: 'server', base: uploads.endsWith('/') ? uploads : `${uploads}/` };
  return { kind: 'folder', folder: path.resolve(uploads) };
}

/** The path inside the uploads folder (`2019/05/photo.jpg`), or undefined for an image from elsewhere. */
export function uploadsPath(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  const pathname = decodeURIComponent(url.pathname);
  const marker = pathname.indexOf('/wp-content/uploads/');
  if (marker !== -1) return pathname.slice(marker + '/wp-content/uploads/'.length) || undefined;
  if (url.hostname.endsWith('.files.wordpress.com')) return pathname.replace(/^\/+/, '') || undefined;
  return undefined;
}

/** `photo-1024x683.jpg` is WordPress's resized copy of `photo.jpg`. */
export function originalOf(relative: string): string | undefined {
  const original = relative.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1');
  return original === relative ? undefined : original;
}

/** The image format from a file's first bytes; undefined for anything the build cannot use. */
export function imageExtension(bytes: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  return undefined;
}

/** Larger files are refused: the build would have to resize them on every clean build. */
const MAX_BYTES = 40 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

function asImage(bytes: Uint8Array, from: string, where: string): MediaResult {
  const extension = imageExtension(bytes);
  return extension ? { ok: true, bytes, extension, from } : { ok: false, problem: `${where} is not a JPEG, PNG, GIF, WebP or AVIF image` };
}

async function download(address: string): Promise<MediaResult> {
  let response: Response;
  try {
    response = await fetch(address, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    return { ok: false, problem: `could not be fetched (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, problem: `could not be fetched (HTTP ${response.status})` };
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) {
    await response.body?.cancel();
    return { ok: false, problem: `is larger than ${MAX_BYTES / 1024 / 1024} MB` };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_BYTES) return { ok: false, problem: `is larger than ${MAX_BYTES / 1024 / 1024} MB` };
  return asImage(bytes, address, 'the file fetched');
}

function readFromFolder(folder: string, relative: string): MediaResult | undefined {
  const file = path.resolve(folder, relative);
  // A crafted address must not read outside the folder.
  if (!file.startsWith(folder + path.sep)) return { ok: false, problem: 'points outside the uploads folder' };
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined;
  if (fs.statSync(file).size > MAX_BYTES) return { ok: false, problem: `is larger than ${MAX_BYTES / 1024 / 1024} MB` };
  return asImage(fs.readFileSync(file), file, 'the file in the uploads folder');
}

/** The image at `address` (as the export wrote it), from `source`; tries the full-size original when a resized copy is missing. */
export async function fetchImage(address: string, source: MediaSource): Promise<MediaResult> {
  if (source.kind === 'origin') {
    if (!/^https?:\/\//i.test(address)) return { ok: false, problem: 'has no http(s) address' };
    return download(address.replace(/\?.*$/, ''));
  }
  const relative = uploadsPath(address);
  if (!relative) return { ok: false, problem: 'is not from the old site’s uploads, so --uploads cannot supply it' };
  const candidates = [relative, originalOf(relative)].filter((candidate): candidate is string => candidate !== undefined);
  let last: MediaResult = { ok: false, problem: `is not in the uploads folder (${relative})` };
  for (const candidate of candidates) {
    if (source.kind === 'folder') {
      const found = readFromFolder(source.folder, candidate);
      if (found) return found;
    } else {
      last = await download(new URL(candidate.split('/').map(encodeURIComponent).join('/'), source.base).href);
      if (last.ok) return last;
    }
  }
  return last;
}

/** A file name for the article folder: the name of the file found (a path or an address), in lowercase ASCII words, with the format's extension. */
export function mediaFileName(from: string, extension: string, taken: ReadonlySet<string>): string {
  let base = path.basename(from);
  try {
    if (/^https?:\/\//i.test(from)) base = path.posix.basename(decodeURIComponent(new URL(from).pathname));
  } catch {
    // A malformed escape: the name as written.
  }
  base = base.replace(/\.[^.]*$/, '');
  const stem =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'image';
  let name = `${stem}.${extension}`;
  for (let number = 2; taken.has(name) || name === 'index.md'; number += 1) name = `${stem}-${number}.${extension}`;
  return name;
}
