/**
 * Deterministic synthetic newsroom for the build benchmark: the same options
 * always produce the same files, byte for byte, so figures from different
 * machines and days describe the same work.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createRandom, type Random } from '../src/lib/random.ts';
import { articleFolder, findArticleFolder } from '../src/content/article-files.ts';

export interface CorpusOptions {
  /** Folder to write into; emptied first. */
  dir: string;
  articles: number;
  /** Every M-th article has a hero image; 0 means none. */
  imagesEvery: number;
  seed: number;
  /** Publication dates spread over the five years before this moment. */
  now: Date;
}

export interface CorpusSummary {
  articles: number;
  heroImages: number;
  authors: number;
  topics: number;
  /** A middle-of-the-range article without a hero: what most readers open. */
  typicalSlug: string;
  /** An article whose body the warm build edits. */
  editSlug: string;
  /** Words of prose per article, by slug. */
  wordCounts: Record<string, number>;
}

export const AUTHOR_COUNT = 20;
export const TOPIC_COUNT = 12;
export const MIN_WORDS = 800;
export const MAX_WORDS = 1200;
/** Distinct hero pictures; every article still gets its own file (see `uniqueCopy`). */
const HERO_VARIANTS = 8;
const HERO_SIZE = { width: 2000, height: 1250 };
const AVATAR_SIZE = 400;
export const YEARS_BACK = 5;


const FIRST_NAMES = ['Amara', 'Ben', 'Chiara', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Maya', 'Nikos', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tess'];
const LAST_NAMES = ['Okafor', 'Hartley', 'Rossi', 'Patel', 'Novak', 'Haddad', 'Lindqvist', 'Tanaka', 'Moreau', 'Berg', 'Adeyemi', 'Nilsen', 'Cohen', 'Papadakis', 'Ivanova', 'Ortega', 'Doyle', 'Santos', 'Kaya', 'Whitfield'];
const ROLES = ['Political editor', 'Foreign correspondent', 'Economics reporter', 'Climate correspondent', 'Science editor', 'Technology reporter', 'Health correspondent', 'Arts critic', 'Sports writer', 'Education reporter', 'City reporter', 'Columnist'];
const TOPICS = [
  ['politics', 'Politics'],
  ['world', 'World'],
  ['business', 'Business'],
  ['climate', 'Climate'],
  ['science', 'Science'],
  ['technology', 'Technology'],
  ['health', 'Health'],
  ['culture', 'Culture'],
  ['sport', 'Sport'],
  ['education', 'Education'],
  ['cities', 'Cities'],
  ['opinion', 'Opinion'],
] as const;
const TAGS = ['elections', 'budget', 'housing', 'transport', 'energy', 'floods', 'heatwave', 'vaccines', 'hospitals', 'schools', 'universities', 'football', 'tennis', 'cycling', 'museums', 'theatre', 'film', 'music', 'books', 'startups', 'banks', 'inflation', 'jobs', 'trade', 'diplomacy', 'courts', 'police', 'migration', 'farming', 'oceans', 'space', 'artificial intelligence', 'privacy', 'cybersecurity', 'rail', 'airports', 'water', 'wildlife', 'forests', 'pensions', 'taxes', 'parliament', 'local councils', 'protests', 'strikes', 'retail', 'tourism', 'food', 'research', 'data'];
const WORDS = 'the council said on a new plan for city budget year after months of talks with residents who want more homes near the river while officials warned that costs could rise and the minister promised to publish figures before the vote next week as experts noted rising demand across the region where schools hospitals and transport lines face pressure from growth in population that many had not expected although some local groups welcomed the decision others argued it came too late for families already priced out by rents which have doubled in ten years according to data released this morning by the statistics office whose report also showed wages falling behind prices in most sectors including health care retail and construction where firms say they cannot find enough workers to finish projects on time'.split(' ');
const HEADINGS = ['What happened', 'Why it matters', 'The numbers', 'What comes next', 'Reaction', 'Background', 'The wider picture', 'Who is affected', 'What critics say', 'How we got here'];
const PALETTE = ['#3a6ea5', '#e4b363', '#c44536', '#2a9d8f', '#264653', '#e76f51', '#8ab17d', '#6d597a', '#f4a261', '#457b9d', '#1d3557', '#b56576'];

function words(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => random.pick(WORDS));
}

function sentence(random: Random, count: number): string {
  const list = words(random, count);
  list[0] = list[0]!.charAt(0).toUpperCase() + list[0]!.slice(1);
  return `${list.join(' ')}.`;
}

function titleCase(list: string[]): string {
  return list.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** YAML double-quoted scalar; JSON string syntax is a subset of it. */
const q = (value: string) => JSON.stringify(value);

const pad = (index: number) => String(index + 1).padStart(5, '0');

/**
 * A Markdown body of exactly `target` prose words (link URLs and Markdown
 * markers are not words), mixing paragraphs, headings, lists, quotes and links
 * the way a news story does, so rendering cost resembles real copy.
 */
export function articleBody(random: Random, target: number, linkable: string[]): string {
  const blocks: string[] = [];
  let left = target;
  const take = (want: number) => {
    const count = Math.min(want, left);
    left -= count;
    return count;
  };
  const paragraph = () => {
    const count = take(random.int(40, 90));
    if (count === 0) return;
    const list = words(random, count);
    list[0] = list[0]!.charAt(0).toUpperCase() + list[0]!.slice(1);
    if (count >= 12) {
      const at = random.int(2, count - 4);
      const span = list.slice(at, at + 3).join(' ');
      const href = linkable.length > 0 && random.next() < 0.5 ? `/articles/${random.pick(linkable)}/` : `https://example.org/report/${random.int(1, 9999)}`;
      list.splice(at, 3, `[${span}](${href})`);
    }
    if (count >= 20 && random.next() < 0.3) {
      const at = random.int(1, list.length - 1);
      list[at] = `**${list[at]}**`;
    }
    blocks.push(`${list.join(' ')}.`);
  };
  paragraph();
  paragraph();
  // Stories of this length always carry at least one subhead.
  const subhead = random.pick(HEADINGS);
  blocks.push(`## ${subhead}`);
  left -= subhead.split(' ').length;
  while (left > 0) {
    const roll = random.next();
    if (roll < 0.12 && left > 3 && !blocks.at(-1)?.startsWith('## ')) {
      const heading = random.pick(HEADINGS);
      const count = take(heading.split(' ').length);
      blocks.push(`## ${heading.split(' ').slice(0, count).join(' ')}`);
    } else if (roll < 0.2) {
      const items: string[] = [];
      const itemCount = random.int(3, 5);
      for (let i = 0; i < itemCount && left > 0; i++) items.push(`- ${sentence(random, take(random.int(6, 14)))}`);
      blocks.push(items.join('\n'));
    } else if (roll < 0.27) {
      const count = take(random.int(12, 30));
      if (count > 0) blocks.push(`> ${sentence(random, count)}`);
    } else {
      paragraph();
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Counts prose words the way `articleBody` budgets them. */
export function countWords(markdown: string): number {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^(#+|-|>)\s/gm, '')
    .split(/\s+/)
    .filter((token) => /[a-z0-9]/i.test(token)).length;
}

function shapesSvg(random: Random, width: number, height: number): string {
  const colours = random.sample(PALETTE, 4);
  const shapes: string[] = [];
  for (let i = 0; i < random.int(3, 6); i++) {
    const fill = colours[1 + (i % 3)]!;
    const x = random.int(0, width);
    const y = random.int(0, height);
    const size = random.int(Math.round(width / 10), Math.round(width / 3));
    shapes.push(
      random.next() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${size}" fill="${fill}"/>`
        : `<rect x="${x - size}" y="${y - size}" width="${size * 2}" height="${size}" fill="${fill}" transform="rotate(${random.int(-40, 40)} ${x} ${y})"/>`,
    );
  }
  // Film-like grain, so encoders work as hard as on photographs rather than flat colour.
  const grain = `<filter id="g"><feTurbulence type="fractalNoise" baseFrequency="0.8" numOctaves="2" seed="${random.int(1, 999)}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="0.35"/></feComponentTransfer></filter>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>${grain}</defs><rect width="100%" height="100%" fill="${colours[0]}"/>${shapes.join('')}<rect width="100%" height="100%" filter="url(#g)"/></svg>`;
}

async function jpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/**
 * The base picture plus a JPEG comment naming the article: decoders ignore it,
 * but every file hashes differently, so the build cannot collapse copies into
 * one asset and really processes one image per article.
 */
export function uniqueCopy(base: Buffer, label: string): Buffer {
  const text = Buffer.from(label, 'utf8');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return Buffer.concat([base.subarray(0, 2), segment, base.subarray(2)]);
}

/** Writes the corpus. Random draws happen in a fixed order, so output depends only on the options. */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { dir, articles: count, imagesEvery, seed, now } = options;
  const random = createRandom(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const sub of ['articles', 'authors', 'topics']) fs.mkdirSync(path.join(dir, sub), { recursive: true });

  const topicIds = TOPICS.slice(0, TOPIC_COUNT).map(([id]) => id);
  TOPICS.slice(0, TOPIC_COUNT).forEach(([id, name], index) => {
    const yml = `name: ${q(name)}\ndescription: ${q(`${name} news: ${sentence(random, 10)}`)}\norder: ${index + 1}\n`;
    fs.writeFileSync(path.join(dir, 'topics', `${id}.yml`), yml);
  });

  const authorIds: string[] = [];
  const avatarSvgs: string[] = [];
  for (let i = 0; i < AUTHOR_COUNT; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
    const id = `${first}-${last}`.toLowerCase();
    authorIds.push(id);
    avatarSvgs.push(shapesSvg(random, AVATAR_SIZE, AVATAR_SIZE));
    const yml = [
      `name: ${q(`${first} ${last}`)}`,
      `role: ${q(ROLES[i % ROLES.length]!)}`,
      `bio: ${q(`${sentence(random, 18)} ${sentence(random, 14)}`)}`,
      `avatar: ./${id}.jpg`,
      'links:',
      `  email: ${id}@broadsheet.example`,
      `  website: https://example.org/${id}`,
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'authors', `${id}.yml`), yml);
  }

  const settings = [
    'name: "Broadsheet Bench"',
    'tagline: "A synthetic newsroom for measuring builds"',
    'description: "Generated articles for the build benchmark."',
    `navigation: [${topicIds.join(', ')}]`,
    'about: "Every article here is generated; none of it is news."',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'settings.yml'), settings);

  const heroCount = imagesEvery > 0 ? Math.floor(count / imagesEvery) : 0;
  const heroSvgs = Array.from({ length: Math.min(HERO_VARIANTS, heroCount) }, () =>
    shapesSvg(random, HERO_SIZE.width, HERO_SIZE.height),
  );

  const span = YEARS_BACK * 365 * 24 * 3600;
  const slugs: string[] = [];
  const folders = new Map<string, string>();
  const wordCounts: Record<string, number> = {};
  const heroSlugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const headline = words(random, random.int(5, 10));
    const slug = `${headline.slice(0, 3).join('-')}-${pad(i)}`;
    // Older articles get lower indexes, so internal links point back in time.
    const published = new Date((Math.floor(now.getTime() / 1000) - span + Math.floor(((i + random.next()) / count) * span) - 3600) * 1000);
    const updated = random.next() < 0.2 ? new Date(Math.min(published.getTime() + random.int(1, 72) * 3600_000, now.getTime() - 60_000)) : undefined;
    const hasHero = imagesEvery > 0 && (i + 1) % imagesEvery === 0;
    const target = random.int(MIN_WORDS, MAX_WORDS);
    const lines = [
      '---',
      `title: ${q(titleCase(headline))}`,
      `description: ${q(`${sentence(random, random.int(14, 24))} ${sentence(random, random.int(8, 14))}`)}`,
      `publishedAt: ${iso(published)}`,
      ...(updated && updated > published ? [`updatedAt: ${iso(updated)}`] : []),
      `authors: [${random.sample(authorIds, random.next() < 0.2 ? 2 : 1).join(', ')}]`,
      `topics: [${random.sample(topicIds, random.next() < 0.3 ? 2 : 1).join(', ')}]`,
      `tags: [${random.sample(TAGS, random.int(1, 4)).map(q).join(', ')}]`,
      ...(hasHero
        ? ['image:', '  src: ./hero.jpg', `  alt: ${q(`Abstract shapes illustrating ${headline.slice(0, 3).join(' ')}`)}`, `  caption: ${q(sentence(random, 8))}`, '  credit: "Illustration: Broadsheet Bench"']
        : []),
      '---',
      '',
    ];
    const body = articleBody(random, target, slugs.slice(-200));
    const folder = articleFolder(dir, published.getUTCFullYear(), slug);
    folders.set(slug, folder);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'index.md'), `${lines.join('\n')}${body}`);
    slugs.push(slug);
    wordCounts[slug] = target;
    if (hasHero) heroSlugs.push(slug);
  }

  const heroes = await Promise.all(heroSvgs.map(jpeg));
  heroSlugs.forEach((slug, index) => {
    fs.writeFileSync(path.join(folders.get(slug)!, 'hero.jpg'), uniqueCopy(heroes[index % heroes.length]!, slug));
  });
  const avatars = await Promise.all(avatarSvgs.map(jpeg));
  authorIds.forEach((id, index) => fs.writeFileSync(path.join(dir, 'authors', `${id}.jpg`), avatars[index]!));

  const withHero = new Set(heroSlugs);
  const plain = slugs.filter((slug) => !withHero.has(slug));
  const middle = plain[Math.floor(plain.length / 2)] ?? slugs[Math.floor(slugs.length / 2)]!;
  return {
    articles: count,
    heroImages: heroSlugs.length,
    authors: AUTHOR_COUNT,
    topics: TOPIC_COUNT,
    typicalSlug: middle,
    editSlug: slugs[Math.floor(slugs.length / 3)]!,
    wordCounts,
  };
}

/** ISO 8601 to the second with `Z`, as editors and the CMS write it. */
function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Changes one article's body text (not its frontmatter), as a copy-editor's fix would. */
export function editArticleBody(dir: string, slug: string): void {
  const file = path.join(findArticleFolder(dir, slug), 'index.md');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `${text.trimEnd()}\n\nThis article was corrected after publication to fix a figure in the third paragraph.\n`);
}
