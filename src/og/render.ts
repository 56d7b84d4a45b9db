/**
 * Renders an article's 1200×630 Open Graph card (JPEG) with Satori and sharp, using
 * only fonts from node_modules. Headlines in scripts the Latin fonts lack
 * (Arabic, CJK) get just the Noto subsets that cover their characters.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { parseFontFaces, subsetsFor, type FontSubset } from '../lib/font-subsets.ts';
import { OG_CARD } from '../lib/images.ts';

export const OG_WIDTH = OG_CARD.width;
export const OG_HEIGHT = OG_CARD.height;

export interface OgCard {
  title: string;
  topic: string;
  authors: string[];
  siteName: string;
  /** Absolute path of the hero image, drawn behind the text when present. */
  heroFile?: string | undefined;
}

type FontWeight = 400 | 700;
interface Font {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: 'normal';
}

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

/** Versions of everything that draws a card: a new font or renderer may draw the same card differently. */
export function rendererVersions(): Record<string, unknown> {
  const version = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
  return {
    satori: version('satori'),
    sharp: sharp.versions,
    ...Object.fromEntries(Object.values(families).map((font) => [font.pkg, version(font.pkg)])),
  };
}

const fileCache = new Map<string, Buffer>();

/**
 * Satori keeps one font per name and weight, so every subset gets its own
 * name; the returned names form the CSS fallback list.
 */
function fontsFor(text: string, fam: Family, weight: FontWeight): Font[] {
  return subsetsFor(text, fam.subsets.get(weight) ?? []).map((subset) => {
    const file = path.join(fam.dir, subset.file);
    let data = fileCache.get(file);
    if (!data) {
      data = fs.readFileSync(file);
      fileCache.set(file, data);
    }
    return { name: `${fam.name} ${subset.file}`, data, weight, style: 'normal' };
  });
}

const familyList = (fonts: Font[]) => [...new Set(fonts.map((font) => `'${font.name}'`))].join(', ');

async function heroDataUri(file: string): Promise<string> {
  const jpeg = await sharp(file).resize(OG_WIDTH, OG_HEIGHT, { fit: 'cover' }).jpeg({ quality: 72 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown; src?: string; width?: number; height?: number } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

export async function renderOgCard(card: OgCard): Promise<Buffer> {
  const byline = card.authors.length ? `By ${card.authors.join(', ')}` : '';
  const everything = `${card.title}${card.topic}${byline}${card.siteName}`;
  const serif = fontsFor(`${card.title}${card.siteName}`, families.serif, 700);
  const sans = [...fontsFor(everything, families.sans, 700), ...fontsFor(everything, families.sans, 400)];
  const scripts = [
    ...fontsFor(everything, families.arabic, 700),
    ...fontsFor(everything, families.arabic, 400),
    ...fontsFor(everything, families.cjk, 700),
    ...fontsFor(everything, families.cjk, 400),
  ];
  const fonts = [...serif, ...sans, ...scripts];
  const fallbacks = familyList([...sans, ...scripts]);
  const serifStack = familyList([...serif, ...sans, ...scripts]);
  const hero = card.heroFile ? await heroDataUri(card.heroFile) : undefined;
  const long = [...card.title].length > 90;

  const tree = el(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      position: 'relative',
      backgroundColor: '#191817',
      color: '#fbfaf7',
      fontFamily: fallbacks,
    },
    [
      hero
        ? { type: 'img', props: { src: hero, width: OG_WIDTH, height: OG_HEIGHT, style: { position: 'absolute', top: 0, left: 0, opacity: 0.45 } } }
        : el('div', { position: 'absolute', top: 0, left: 0, width: 24, height: OG_HEIGHT, backgroundColor: '#a3141f' }),
      el(
        'div',
        { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', position: 'absolute', top: 0, left: 0, right: 0, bottom: 0, padding: '64px 80px' },
        [
          el('div', { display: 'flex', fontSize: 30, fontWeight: 700, letterSpacing: 3, textTransform: 'uppercase', color: '#ff9a9e' }, card.topic),
          el(
            'div',
            { display: 'flex', fontFamily: serifStack, fontSize: long ? 52 : 66, fontWeight: 700, lineHeight: 1.15 },
            card.title,
          ),
          el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 28 }, [
            el('div', { display: 'flex', maxWidth: 760 }, byline),
            el('div', { display: 'flex', fontFamily: serifStack, fontSize: 40, fontWeight: 700 }, card.siteName),
          ]),
        ],
      ),
    ],
  );

  const svg = await satori(tree as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  // Satori draws text as paths, so no font lookup is needed to rasterise; sharp does it off the main thread.
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
