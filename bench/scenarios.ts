/**
 * The changes a newsroom publishes, applied to a generated corpus: the
 * benchmark times a build after each one, and the incremental-build test
 * checks that the output after each equals a clean build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { editArticleBody } from './corpus.ts';
import { articleFolder, findArticleFolder, listArticleFolders } from '../src/content/article-files.ts';

export interface Scenario {
  name: string;
  /** What an editor did, in words, for reports. */
  description: string;
  /** Applies the change to the content folder; returns the slug or id it touched. */
  apply: (contentDir: string, now: Date) => string;
}

function articleFile(contentDir: string, slug: string): string {
  return path.join(findArticleFolder(contentDir, slug), 'index.md');
}

/** Article slugs, oldest first (the generator numbers them in publishing order). */
function slugsByAge(contentDir: string): string[] {
  const number = (slug: string) => Number(/-(\d+)$/.exec(slug)?.[1] ?? 0);
  return listArticleFolders(contentDir)
    .map((folder) => folder.slug)
    .sort((a, b) => number(a) - number(b) || a.localeCompare(b));
}

/** Articles the add-article scenario writes: one word and a number, unlike the generator's three words. */
const ADDED = /^breaking-\d+$/;

/** A stable pick a given fraction of the way through the archive, leaving out added articles. */
function pick(contentDir: string, fraction: number): string {
  const slugs = slugsByAge(contentDir).filter((slug) => !ADDED.test(slug));
  return slugs[Math.min(slugs.length - 1, Math.floor(slugs.length * fraction))]!;
}

/** Rewrites one top-level `key: …` line of YAML text, or adds it at the end. */
function setKey(yaml: string, key: string, value: string): string {
  const line = new RegExp(`^${key}:.*$`, 'm');
  return line.test(yaml) ? yaml.replace(line, `${key}: ${value}`) : `${yaml.trimEnd()}\n${key}: ${value}`;
}

/** Sets a frontmatter field of an article. */
function setFrontmatter(file: string, key: string, value: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 3);
  fs.writeFileSync(file, setKey(text.slice(0, end), key, value) + text.slice(end));
}

/** Sets a field of `settings.yml`, which every page or every article page shows; returns what the publish touched. */
function setSetting(dir: string, key: string, value: string): string {
  setYamlField(path.join(dir, 'settings.yml'), key, value);
  return 'settings';
}

/** Sets a field of a YAML file (an author, the settings). */
function setYamlField(file: string, key: string, value: string): void {
  fs.writeFileSync(file, `${setKey(fs.readFileSync(file, 'utf8'), key, value).trimEnd()}\n`);
}

/** Sets a field of the entry at `index`, by file name, of a folder of YAML entries (authors, topics); returns its id. */
function setEntryField(dir: string, folder: string, index: number, key: string, value: string): string {
  const file = fs.readdirSync(path.join(dir, folder)).filter((name) => name.endsWith('.yml')).sort()[index]!;
  setYamlField(path.join(dir, folder, file), key, value);
  return file.replace(/\.yml$/, '');
}

function frontmatterValue(file: string, key: string): string {
  return new RegExp(`^${key}: (.*)$`, 'm').exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
}

/** The story the live scenarios use: the newest article, made live (with a first update) if no story is yet. */
function liveStory(dir: string, now: Date): string {
  const liveDir = path.join(dir, 'live');
  const existing = fs.existsSync(liveDir) ? fs.readdirSync(liveDir).sort()[0] : undefined;
  if (existing) return existing;
  const slug = pick(dir, 0.99);
  setFrontmatter(articleFile(dir, slug), 'live', '{ status: live }');
  postUpdate(dir, slug, new Date(Math.max(now.getTime() - 30 * 60_000, Date.parse(frontmatterValue(articleFile(dir, slug), 'publishedAt')))), 'Crews are out along the estuary.', true);
  return slug;
}

/** Writes one update of a live story, as the CMS does: `content/live/<story>/<yyyymmdd-hhmmss>.md`. */
function postUpdate(dir: string, story: string, time: Date, text: string, keyEvent = false): string {
  const iso = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const id = iso.replace(/[-:]/g, '').replace('T', '-').replace('Z', '');
  const folder = path.join(dir, 'live', story);
  fs.mkdirSync(folder, { recursive: true });
  const lines = ['---', `story: ${story}`, `time: ${iso}`, ...(keyEvent ? ['keyEvent: true'] : []), '---', '', text, ''];
  fs.writeFileSync(path.join(folder, `${id}.md`), lines.join('\n'));
  return id;
}

/** Updates already posted to a story, to date the next one after them. */
const updateCount = (dir: string, story: string) => fs.readdirSync(path.join(dir, 'live', story)).filter((name) => name.endsWith('.md')).length;

export const SCENARIOS: Scenario[] = [
  {
    name: 'edit-body',
    description: 'edit one article body',
    apply: (dir) => {
      const slug = pick(dir, 1 / 3);
      editArticleBody(dir, slug);
      return slug;
    },
  },
  {
    name: 'change-headline',
    description: 'change one headline (shown on listings, related stories and its card)',
    apply: (dir) => {
      const slug = pick(dir, 0.9);
      setFrontmatter(articleFile(dir, slug), 'title', '"Council reverses its decision on the river crossing"');
      return slug;
    },
  },
  {
    name: 'add-article',
    description: 'publish a new article (the front page, lists and pagination shift)',
    apply: (dir, now) => {
      const slug = `breaking-${slugsByAge(dir).length}`;
      const template = articleFile(dir, pick(dir, 0.99));
      const published = new Date(now.getTime() - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const frontmatter = [
        '---',
        'title: "Flood barrier closes for the first time this winter"',
        'description: "Engineers lowered the gates at dawn as the tide rose. Homes along the estuary were told to expect disruption."',
        `publishedAt: ${published}`,
        `authors: ${frontmatterValue(template, 'authors')}`,
        `topics: ${frontmatterValue(template, 'topics')}`,
        `tags: ${frontmatterValue(template, 'tags')}`,
        '---',
        '',
        'The barrier was lowered at six in the morning, an hour before high water.',
        '',
        'Officials said the closure was a precaution and that roads would reopen by the afternoon.',
        '',
      ];
      const folder = articleFolder(dir, now.getUTCFullYear(), slug);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'index.md'), frontmatter.join('\n'));
      return slug;
    },
  },
  {
    name: 'delete-article',
    description: 'delete an article',
    apply: (dir) => {
      const slug = pick(dir, 0.5);
      fs.rmSync(findArticleFolder(dir, slug), { recursive: true });
      return slug;
    },
  },
  {
    name: 'rename-author',
    description: 'rename an author (every byline, author page and card of theirs)',
    apply: (dir) => setEntryField(dir, 'authors', 0, 'name', '"Amara Okafor-Hale"'),
  },
  {
    name: 'author-bio',
    description: "rewrite an author's bio (their articles and author pages show it; cards show only the name)",
    apply: (dir) => setEntryField(dir, 'authors', 1, 'bio', '"Covers the river towns and the people who keep them running."'),
  },
  {
    name: 'topic-description',
    description: "rewrite a topic's description (its own pages show it; cards and the navigation show only the name)",
    apply: (dir) => setEntryField(dir, 'topics', 0, 'description', '"Reporting from the places where decisions are made and felt."'),
  },
  {
    name: 'change-settings',
    description: 'change settings.yml (the tagline on every page)',
    apply: (dir) => setSetting(dir, 'tagline', '"Independent news, every day"'),
  },
  {
    name: 'age-notice',
    description: 'show the age notice only on articles three years old or more (a setting only article pages show)',
    apply: (dir) => setSetting(dir, 'ageNoticeYears', '3'),
  },
  {
    name: 'draft-article',
    description: 'turn a published article back into a draft',
    apply: (dir) => {
      const slug = pick(dir, 0.7);
      setFrontmatter(articleFile(dir, slug), 'draft', 'true');
      return slug;
    },
  },
  {
    name: 'drop-hero',
    description: "take an article's hero image out (its file and every size of it go)",
    apply: (dir) => {
      const slug = slugsByAge(dir).find((candidate) => fs.existsSync(path.join(findArticleFolder(dir, candidate), 'hero.jpg')));
      if (!slug) throw new Error('drop-hero: no article has a hero image');
      const file = articleFile(dir, slug);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^image:\n(?: {2}.*\n)+/m, ''));
      fs.rmSync(path.join(findArticleFolder(dir, slug), 'hero.jpg'));
      return slug;
    },
  },
  {
    name: 'move-topic',
    description: 'move an article to another topic',
    apply: (dir) => {
      const slug = pick(dir, 0.8);
      const file = articleFile(dir, slug);
      const topics = fs.readdirSync(path.join(dir, 'topics')).map((name) => name.replace(/\.yml$/, '')).sort();
      const current = frontmatterValue(file, 'topics');
      const other = topics.find((topic) => !current.includes(topic))!;
      setFrontmatter(file, 'topics', `[${other}]`);
      return slug;
    },
  },
  {
    name: 'post-update',
    description: 'post an update to a live story (the newest story goes live first if none is)',
    apply: (dir, now) => {
      const story = liveStory(dir, now);
      const published = Date.parse(frontmatterValue(articleFile(dir, story), 'publishedAt'));
      const time = new Date(Math.max(now.getTime() - 20 * 60_000, published) + updateCount(dir, story) * 60_000);
      postUpdate(dir, story, time, 'The tide peaked ten centimetres below the forecast; the gates held.');
      return story;
    },
  },
  {
    name: 'end-live',
    description: 'end the coverage of a live story',
    apply: (dir, now) => {
      const story = liveStory(dir, now);
      setFrontmatter(articleFile(dir, story), 'live', '{ status: ended }');
      return story;
    },
  },
  {
    name: 'post-alert',
    description: 'post a breaking-news alert (pages fetch it; none is re-rendered for it)',
    apply: (dir) => {
      const lines = ['alerts:', '  - text: "Flood barrier closed: roads along the estuary shut until this evening"', '    level: breaking', '    link: /archive/', ''];
      fs.writeFileSync(path.join(dir, 'alerts.yml'), lines.join('\n'));
      return 'alerts';
    },
  },
  {
    name: 'join-series',
    description: 'start a series and make two articles its first parts',
    apply: (dir) => {
      fs.mkdirSync(path.join(dir, 'series'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'series', 'estuary-year.yml'), 'name: A year on the estuary\ndescription: The river, month by month.\n');
      const parts = [pick(dir, 0.6), pick(dir, 0.65)];
      parts.forEach((slug, index) => {
        setFrontmatter(articleFile(dir, slug), 'series', 'estuary-year');
        setFrontmatter(articleFile(dir, slug), 'seriesPart', String(index + 1));
      });
      return parts.join(', ');
    },
  },
  {
    name: 'add-language',
    description: 'publish in German too (settings.yml: otherLanguages), before any German article',
    apply: (dir) => setSetting(dir, 'otherLanguages', '[de-DE]'),
  },
  {
    name: 'translate-article',
    description: "publish a German translation of an article (the original's page links to it)",
    apply: (dir) => {
      const original = pick(dir, 0.5);
      const slug = `${original}-de`;
      const originalFolder = findArticleFolder(dir, original);
      // The whole folder, so that a hero image beside the article comes too.
      const folder = path.join(path.dirname(originalFolder), slug);
      fs.cpSync(originalFolder, folder, { recursive: true });
      const file = path.join(folder, 'index.md');
      setFrontmatter(file, 'title', '"Der Stadtrat nimmt seine Entscheidung über die Flussquerung zurück"');
      setFrontmatter(file, 'language', 'de-DE');
      setFrontmatter(file, 'translationOf', original);
      return slug;
    },
  },
];

/** The publishes the benchmark times unless told otherwise: the six, then a live update and an alert. */
export const PUBLISHED_BY_DEFAULT = ['edit-body', 'change-headline', 'add-article', 'delete-article', 'rename-author', 'change-settings', 'post-update', 'post-alert'];

export function scenario(name: string): Scenario {
  const found = SCENARIOS.find((item) => item.name === name);
  if (!found) throw new Error(`no publish scenario "${name}" (known: ${SCENARIOS.map((item) => item.name).join(', ')})`);
  return found;
}
