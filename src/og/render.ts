/**
 * Renders an article's 1200×630 Open Graph card (JPEG) with Takumi and sharp,
 * using only fonts from node_modules. Takumi lays out and draws the text
 * natively (about 4 ms a card); sharp decodes the hero and encodes the JPEG.
 * Fonts are registered subset by subset, the first time a headline needs one,
 * so a Latin-only site never parses the CJK or Arabic files.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Renderer, type Node } from '@takumi-rs/core';
import sharp from 'sharp';
import { parseFontFaces, subsetsFor, type FontSubset } from '../lib/font-subsets.ts';
import { OG_CARD } from '../lib/images.ts';
import { dimUnder } from './blend.ts';

export const OG_WIDTH = OG_CARD.width;
export const OG_HEIGHT = OG_CARD.height;

/** Every text the card shows, in the publication's language: the cache key is made of it. */
export interface OgCard {
  title: string;
  topic: string;
  /** The authors' line ("By …"), or empty. */
  byline: string;
  siteName: string;
  /** The direction the publication's language is written in: a right-to-left card is mirrored. Absent is left to right. */
  direction?: 'rtl' | undefined;
  /** Absolute path of the hero image, drawn dimmed behind the text when present. */
  heroFile?: string | undefined;
}

type FontWeight = 400 | 700;

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

interface Family {
  name: string;
  /** The npm package the font comes from. */
  pkg: string;
  dir: string;
  subsets: Map<FontWeight, FontSubset[]>;
}

function family(name: string, pkg: string, weights: FontWeight[]): Family {
  const dir = packageDir(pkg);
  const subsets = new Map(weights.map((weight) => [weight, parseFontFaces(fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8'))]));
  return { name, pkg, dir, subsets };
}

const families = {
  serif: family('Noto Serif', '@fontsource/noto-serif', [700]),
  sans: family('Noto Sans', '@fontsource/noto-sans', [400, 700]),
  arabic: family('Noto Sans Arabic', '@fontsource/noto-sans-arabic', [400, 700]),
  cjk: family('Noto Sans SC', '@fontsource/noto-sans-sc', [400, 700]),
};

/** Takumi's package exports no `package.json`: found from its entry point instead. */
function takumiVersion(): string {
  for (let dir = path.dirname(require.resolve('@takumi-rs/core')); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
    if (pkg.name === '@takumi-rs/core') return pkg.version;
  }
  throw new Error('Cannot find the version of @takumi-rs/core');
}

/** Versions of everything that draws a card: a new font or renderer may draw the same card differently. */
export function rendererVersions(): Record<string, unknown> {
  const version = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
  return {
    takumi: takumiVersion(),
    sharp: sharp.versions,
    ...Object.fromEntries(Object.values(families).map((font) => [font.pkg, version(font.pkg)])),
  };
}

const renderer = new Renderer();
const registered = new Map<string, Promise<unknown>>();

/** Registers, once each, the subsets of every family that hold a character of `text`. */
async function registerFontsFor(text: string): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const fam of Object.values(families)) {
    for (const [weight, subsets] of fam.subsets) {
      for (const subset of subsetsFor(text, subsets)) {
        const file = path.join(fam.dir, subset.file);
        let done = registered.get(file);
        if (!done) {
          done = renderer.registerFont({ name: fam.name, data: fs.readFileSync(file), weight, style: 'normal', unicodeRange: subset.ranges });
          registered.set(file, done);
        }
        pending.push(done);
      }
    }
  }
  await Promise.all(pending);
}

const stack = (...names: string[]) => names.map((name) => `'${name}'`).join(', ');
const scripts = [families.arabic.name, families.cjk.name];
const sansStack = stack(families.sans.name, ...scripts);
const serifStack = stack(families.serif.name, families.sans.name, ...scripts);

/**
 * Every card ships with the site and with every publish that draws it: at
 * quality 70 with the quantisation table tuned for photographs, a card
 * weighs 33 KB instead of 41 KB at quality 82, encodes as fast, and its text
 * reads the same. Progressive scans would save 1 KB more for half as much
 * time again, mozjpeg's trellis 6 KB for five times the time, over 10,000
 * cards of a cold build.
 */
const CARD_JPEG = { quality: 70, quantisationTable: 3 } as const;

const BACKGROUND = '#191817';
/** How much of the hero shows through the background behind the text. */
const HERO_OPACITY = 0.45;

type Style = Record<string, unknown>;
const box = (style: Style, children: Node[] = []): Node => ({ type: 'container', style, children }) as Node;
const text = (style: Style, content: string): Node => ({ type: 'text', text: content, style }) as Node;

function cardTree(card: OgCard, transparent: boolean): Node {
  const long = [...card.title].length > 90;
  const rtl = card.direction === 'rtl';
  const align = { textAlign: rtl ? 'right' : 'left' };
  return box(
    { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', position: 'relative', color: '#fbfaf7', fontFamily: sansStack, ...(transparent ? {} : { backgroundColor: BACKGROUND }) },
    [
      ...(transparent ? [] : [box({ position: 'absolute', top: 0, [rtl ? 'right' : 'left']: 0, width: 24, height: OG_HEIGHT, backgroundColor: '#a3141f' })]),
      box({ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', position: 'absolute', top: 0, left: 0, right: 0, bottom: 0, padding: '64px 80px' }, [
        text({ ...align, fontSize: 30, fontWeight: 700, letterSpacing: rtl ? 0 : 3, textTransform: 'uppercase', color: '#ff9a9e' }, card.topic),
        text({ ...align, fontFamily: serifStack, fontSize: long ? 52 : 66, fontWeight: 700, lineHeight: 1.15 }, card.title),
        box({ display: 'flex', flexDirection: rtl ? 'row-reverse' : 'row', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 28 }, [
          text({ ...align, maxWidth: 760 }, card.byline),
          text({ fontFamily: serifStack, fontSize: 40, fontWeight: 700 }, card.siteName),
        ]),
      ]),
    ],
  );
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];

export async function renderOgCard(card: OgCard): Promise<Buffer> {
  await registerFontsFor(`${card.title}${card.topic}${card.byline}${card.siteName}`);
  const size = { width: OG_WIDTH, height: OG_HEIGHT };
  const withHero = Boolean(card.heroFile);
  const [layer, photo] = await Promise.all([
    renderer.render(cardTree(card, withHero), { ...size, format: 'raw' }),
    withHero ? sharp(card.heroFile).resize(OG_WIDTH, OG_HEIGHT, { fit: 'cover', kernel: 'linear' }).removeAlpha().toColourspace('srgb').raw().toBuffer() : undefined,
  ]);
  const pixels = photo ? { data: dimUnder(photo, layer, rgb(BACKGROUND), HERO_OPACITY), channels: 3 as const } : { data: layer, channels: 4 as const };
  return sharp(pixels.data, { raw: { ...size, channels: pixels.channels } }).removeAlpha().jpeg(CARD_JPEG).toBuffer();
}
