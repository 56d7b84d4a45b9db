/**
 * The WordPress import, start to end. It reads the export twice, as a
 * stream both times: first for what every article needs from elsewhere in
 * the file (attachments, which usually come after the posts that use them;
 * every post's slug, authors and topics), then post by post, writing each
 * article as it goes. Nothing is written until the first pass has shown the
 * file to be an export. One post that cannot be imported is reported and the
 * rest go on. The content check and the build then take over: the import
 * writes ordinary content files and shares the schema, not the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { listArticleFolders } from '../../content/article-files.ts';
import { redirectsFields, type Redirects, type SettingsInput } from '../../content/schema.ts';
import { DEFAULT_DATES, yearMonth } from '../../lib/dates.ts';
import { paths } from '../../lib/paths.ts';
import { plural } from '../../lib/plural.ts';
import { mapPost, plainTitle, publicationDate, withImage, type ArticleLookups, type Attachment, type FeaturedImage, type MappedArticle } from './article.ts';
import { AuthorPlanner } from './authors.ts';
import { placeImages } from './body.ts';
import { classifyItem, type ArticleStatus } from './classify.ts';
import { articleText, clearScratch, toYaml, writeArticleFolder, writeYamlUnlessPresent, type ArticleFile } from './files.ts';
import { fetchImage, mediaFileName, mediaSource, type MediaSource } from './media.ts';
import { ownCopy, readWxr } from './read-wxr.ts';
import { basePath, mergeRedirects, planRedirects, type RedirectedPost } from './redirects.ts';
import { ImportReport, type Subject } from './report.ts';
import { SlugAllocator, wantedSlug } from './slugs.ts';
import { digestOf, importFolder, localCopy, readState, recordPost, saveState, type ImportedPost, type ImportState, type LocalCopy } from './state.ts';
import { decodeEntities, htmlToText } from './text.ts';
import { largestTopics, TopicPlanner } from './topics.ts';
import type { WxrChannel, WxrItem } from './wxr.ts';

export interface ImportOptions {
  exportFile: string;
  contentDir: string;
  /** A copy of `wp-content/uploads`, or a URL serving it; without it, images come from the export's own addresses. */
  uploads?: string | undefined;
  /** What counts as now: published or scheduled (default: the clock). */
  now?: Date | undefined;
  /** Where WordPress's local dates are read, when a post has no GMT date (default: the publication's). */
  timeZone?: string | undefined;
  /** Progress, a line at a time. */
  log?: ((line: string) => void) | undefined;
}

export interface ImportOutcome {
  report: ImportReport;
  /** The report as Markdown, as printed and as kept. */
  text: string;
  reportFile: string;
}

export const REPORT_FILE = 'wordpress-report.md';
/** Postmeta the first pass keeps of each post; the rest is read again in the second. */
const SURVEY_META = ['_thumbnail_id', '_yoast_wpseo_primary_category', 'rank_math_primary_category'];
/** Images of one article fetched at once. */
const IMAGE_CONCURRENCY = 4;
/** Taglines WordPress gives every new site. */
const DEFAULT_TAGLINES = /^just another wordpress(\.com)? (site|weblog|blog)$/i;

interface Survey {
  channel: WxrChannel;
  attachments: Map<string, Attachment>;
  /** Posts that become articles, in file order, without their bodies. */
  posts: { item: WxrItem; status: ArticleStatus }[];
}

/** The first pass: the channel, every attachment, and each post to import without its body. */
async function survey(file: string): Promise<Survey> {
  let channel: WxrChannel | undefined;
  const attachments = new Map<string, Attachment>();
  const posts: Survey['posts'] = [];
  for await (const event of readWxr(file)) {
    if (event.kind === 'channel') {
      channel = event.channel;
      continue;
    }
    const { item } = event;
    const kind = classifyItem(item);
    if (kind.kind === 'attachment') {
      attachments.set(item.postId, {
        id: item.postId,
        url: item.attachmentUrl,
        alt: ownCopy(htmlToText(item.meta.get('_wp_attachment_image_alt') ?? '')),
        caption: ownCopy(htmlToText(item.excerpt)),
        title: htmlToText(item.title),
        parent: item.postParent,
      });
    } else if (kind.kind === 'article') {
      const meta = new Map(SURVEY_META.flatMap((key) => (item.meta.has(key) ? [[key, ownCopy(item.meta.get(key)!)] as const] : [])));
      posts.push({ item: { ...item, content: '', excerpt: '', meta }, status: kind.status });
    }
  }
  if (!channel) throw new Error('the export has no channel');
  return { channel, attachments, posts };
}

interface PostPlan {
  slug: string;
  year: string;
  /** What the last import wrote, if it imported this post. */
  previous: ImportedPost | undefined;
  local: LocalCopy | undefined;
}

/** WordPress's own record of a post's last change, compared between imports. */
const modifiedStamp = (item: WxrItem) => item.postModifiedGmt || item.postModified;

/** Runs `work` over `items`, `limit` at a time, keeping their order. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) results.push(...(await Promise.all(items.slice(start, start + limit).map(work))));
  return results;
}

class WordPressImport {
  readonly report = new ImportReport();
  private readonly options: ImportOptions;
  private readonly surveyed: Survey;
  private readonly source: MediaSource;
  private readonly now: Date;
  private readonly timeZone: string;
  private readonly state: ImportState;
  private readonly authors: AuthorPlanner;
  private readonly topics: TopicPlanner;
  private readonly plans = new Map<string, PostPlan>();
  private readonly attachedTo = new Map<string, Attachment[]>();
  private readonly newAddress = new Map<string, string>();
  private readonly oldHosts: Set<string>;
  /** Published posts whose article is in the content folder after this import: what gets redirects. */
  private readonly live: RedirectedPost[] = [];
  private readonly liveTopics = new Map<string, number>();
  private readonly liveTags = new Map<string, string>();
  private readonly liveAuthors = new Map<string, string>();

  constructor(options: ImportOptions, surveyed: Survey) {
    this.options = options;
    this.surveyed = surveyed;
    this.source = mediaSource(options.uploads);
    this.now = options.now ?? new Date();
    this.timeZone = options.timeZone ?? DEFAULT_DATES.timeZone;
    this.state = readState(options.contentDir);
    this.authors = new AuthorPlanner(surveyed.channel.authors);
    this.topics = new TopicPlanner(surveyed.channel.categories);
    for (const attachment of surveyed.attachments.values()) {
      if (!attachment.parent || attachment.parent === '0') continue;
      const list = this.attachedTo.get(attachment.parent) ?? [];
      list.push(attachment);
      this.attachedTo.set(attachment.parent, list);
    }
    const hosts = [surveyed.channel.link, surveyed.channel.baseBlogUrl].flatMap((address) => (URL.canParse(address) ? [new URL(address).host] : []));
    this.oldHosts = new Set(hosts);
  }

  private get contentDir(): string {
    return this.options.contentDir;
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** Slugs, folders, authors and topics for every post, before any is written. */
  plan(): void {
    const allocator = new SlugAllocator([...listArticleFolders(this.contentDir).map((folder) => folder.slug), ...Object.values(this.state.posts).map((post) => post.slug)]);
    for (const { item, status } of this.surveyed.posts) {
      const previous = this.state.posts[item.postId];
      const { date } = publicationDate(item, this.timeZone);
      if (!date) continue;
      const local = previous ? localCopy(this.contentDir, previous) : undefined;
      const slug = previous?.slug ?? allocator.allocate(wantedSlug(item.postName, plainTitle(item), item.postId));
      const year = previous?.year ?? String(yearMonth(date, { locale: DEFAULT_DATES.locale, timeZone: this.timeZone }).year);
      this.plans.set(item.postId, { slug, year, previous, local });
      if (local === 'missing') continue;
      // Links are pointed at published articles only: a draft's page is not on the site.
      if (status === 'published' && date <= this.now) {
        this.newAddress.set(`p=${item.postId}`, paths.article(slug));
        const old = URL.canParse(item.link) ? new URL(item.link) : undefined;
        // A permalink of the `?p=` kind is known by its ID alone; its path is the home page's.
        if (old && !old.search && old.pathname !== '/') this.newAddress.set(old.pathname.replace(/\/+$/, ''), paths.article(slug));
      }
      this.topics.topicsOf(item);
      this.authors.byCreator(item.creator.trim() || this.fallbackLogin());
      for (const term of item.terms) if (term.domain === 'author' && term.name) this.authors.byCoAuthor(term);
    }
  }

  /** Where a link in a post should lead: an old post's address becomes its article's, anything else stays. */
  private link = (href: string): string => {
    if (!/^(https?:)?\/\/|^\/|^\?/i.test(href.trim())) return href;
    let url: URL;
    try {
      url = new URL(href.trim(), this.surveyed.channel.link || undefined);
    } catch {
      return href;
    }
    if (!this.oldHosts.has(url.host)) return href;
    const byId = url.searchParams.get('p');
    const target = (byId ? this.newAddress.get(`p=${byId}`) : undefined) ?? this.newAddress.get(url.pathname.replace(/\/+$/, ''));
    return target ? `${target}${url.hash}` : href;
  };

  /** Who signs a post that names no author: the export's first user. */
  private fallbackLogin(): string {
    return this.surveyed.channel.authors[0]?.login ?? 'staff';
  }

  private lookups(): ArticleLookups {
    return {
      timeZone: this.timeZone,
      now: this.now,
      authors: this.authors,
      topics: this.topics,
      fallbackLogin: this.fallbackLogin(),
      attachment: (id) => this.surveyed.attachments.get(id),
      attachedImages: (postId) => (this.attachedTo.get(postId) ?? []).sort((a, b) => Number(a.id) - Number(b.id)),
      link: this.link,
    };
  }

  /** Authors and topics every planned article names, where the publication lacks them. */
  writePeopleAndTopics(): void {
    for (const author of this.authors.all()) {
      const written = writeYamlUnlessPresent(path.join(this.contentDir, 'authors', `${author.id}.yml`), author.file);
      this.report.count(written ? 'authorsCreated' : 'authorsKept');
      if (written && author.guest) this.report.flag(undefined, `author “${author.id}” is known only as a co-author named “${author.file.name}”: check the name and add a bio`);
    }
    for (const topic of this.topics.all()) this.report.count(writeYamlUnlessPresent(path.join(this.contentDir, 'topics', `${topic.id}.yml`), topic.file) ? 'topicsCreated' : 'topicsKept');
  }

  /** The second pass: each post, in file order. */
  async importPosts(): Promise<void> {
    const lookups = this.lookups();
    let seen = 0;
    for await (const event of readWxr(this.options.exportFile)) {
      if (event.kind !== 'item') continue;
      const { item } = event;
      const subject: Subject = { id: item.postId || '(no id)', title: plainTitle(item) || '(untitled)' };
      const kind = classifyItem(item);
      if (kind.kind === 'skip') {
        const previous = this.state.posts[item.postId];
        if (previous && localCopy(this.contentDir, previous) !== 'missing') {
          this.report.flag(subject, `now ${kind.reason.split(',')[0]} in WordPress, but imported before: articles/${previous.year}/${previous.slug} is still in Broadsheet; unpublish or delete it if it should go`);
        } else this.report.skip(subject, `it is ${kind.reason}`);
        continue;
      }
      if (kind.kind !== 'article') continue;
      try {
        await this.importPost(item, kind.status, lookups, subject);
      } catch (error) {
        this.report.skip(subject, `could not be imported: ${error instanceof Error ? error.message : String(error)}`);
      }
      seen += 1;
      if (seen % 1000 === 0) this.log(`${seen} posts…`);
    }
  }

  private async importPost(item: WxrItem, status: ArticleStatus, lookups: ArticleLookups, subject: Subject): Promise<void> {
    const plan = this.plans.get(item.postId);
    if (!plan) {
      this.report.skip(subject, 'it has no date at all (0000-00-00 00:00:00)');
      return;
    }
    const { previous, local } = plan;
    if (previous) {
      const where = `articles/${plan.year}/${plan.slug}`;
      if (local === 'missing') {
        this.report.flag(subject, `removed from Broadsheet (${where}) since the last import: not imported again`);
        return;
      }
      const changed = modifiedStamp(item) !== previous.modified;
      if (!changed || local === 'edited') {
        if (changed) this.report.flag(subject, `changed in WordPress, but ${where} was edited in Broadsheet since the last import: the Broadsheet version is kept; bring the changes over by hand`);
        this.report.count(local === 'edited' ? 'kept' : 'unchanged');
        this.noteLive(item, status, plan.slug);
        return;
      }
    }
    const mapped = mapPost(item, status, lookups);
    if (mapped.kind === 'skip') {
      this.report.skip(subject, mapped.reason);
      return;
    }
    const { files, hero } = await this.gatherImages(mapped, subject);
    const frontmatter = hero ? withImage(mapped.frontmatter, hero) : mapped.frontmatter;
    const text = articleText(frontmatter, placeImages(mapped.body.markdown, mapped.body.images, files.placed));
    writeArticleFolder(this.contentDir, plan.year, plan.slug, [{ name: 'index.md', data: text }, ...files.written]);
    recordPost(this.contentDir, this.state, item.postId, { slug: plan.slug, year: plan.year, modified: modifiedStamp(item), digest: digestOf(text) });
    for (const note of mapped.notes) this.report.flag(subject, note);
    this.report.count('images', files.written.length);
    if (previous) this.report.count('updated');
    else this.report.count(status === 'draft' ? 'drafts' : mapped.publishedAt > this.now ? 'scheduled' : 'published');
    this.noteLive(item, status, plan.slug);
  }

  /** The featured image and the body's images, each fetched once; those that cannot be had are reported and left out. */
  private async gatherImages(mapped: MappedArticle, subject: Subject): Promise<{ files: { written: ArticleFile[]; placed: Map<string, string | undefined> }; hero: Record<string, string> | undefined }> {
    const featured: FeaturedImage | undefined = mapped.featured;
    const addresses = [...new Set([...(featured ? [featured.url] : []), ...mapped.body.images.map((image) => image.url)])];
    const results = await inBatches(addresses, IMAGE_CONCURRENCY, (address) => fetchImage(address, this.source));
    const written: ArticleFile[] = [];
    const placed = new Map<string, string | undefined>();
    const names = new Set<string>();
    // Two addresses of one file (the featured image, and the same picture resized in the body) share one copy.
    const byFile = new Map<string, string>();
    addresses.forEach((address, index) => {
      const result = results[index]!;
      if (!result.ok) {
        this.report.flag(subject, `image ${address} ${result.problem}: left out of the article`);
        placed.set(address, undefined);
        return;
      }
      let name = byFile.get(result.from);
      if (!name) {
        name = mediaFileName(result.from, result.extension, names);
        names.add(name);
        byFile.set(result.from, name);
        written.push({ name, data: result.bytes });
      }
      placed.set(address, name);
    });
    const heroFile = featured ? placed.get(featured.url) : undefined;
    const hero = featured && heroFile ? { src: `./${heroFile}`, alt: featured.alt, ...(featured.caption ? { caption: featured.caption } : {}) } : undefined;
    return { files: { written, placed }, hero };
  }

  /** Records a post whose article is now in the content folder, for redirects and the navigation. */
  private noteLive(item: WxrItem, status: ArticleStatus, slug: string): void {
    const { date } = publicationDate(item, this.timeZone);
    if (status !== 'published' || !date || date > this.now) return;
    this.live.push({ id: item.postId, link: item.link, postName: item.postName, postDate: item.postDate, slug });
    for (const topic of this.topics.topicsOf(item)) this.liveTopics.set(topic.id, (this.liveTopics.get(topic.id) ?? 0) + 1);
    for (const term of item.terms) {
      if (term.domain === 'post_tag' && term.nicename && htmlToText(term.name)) this.liveTags.set(term.nicename, htmlToText(term.name));
    }
    const authors = [this.authors.byCreator(item.creator.trim() || this.fallbackLogin()), ...item.terms.filter((term) => term.domain === 'author' && term.name).map((term) => this.authors.byCoAuthor(term))];
    for (const author of authors) this.liveAuthors.set(author.nicename, author.id);
  }

  /** A publication the import started gets its settings from the export; an existing one keeps its own. */
  writeSettings(): void {
    const file = path.join(this.contentDir, 'settings.yml');
    if (fs.existsSync(file)) return;
    const { channel } = this.surveyed;
    const host = URL.canParse(channel.link) ? new URL(channel.link).hostname : '';
    const tagline = decodeEntities(channel.description).trim();
    const names = new Map(this.topics.all().map((topic) => [topic.id, topic.file.name]));
    const settings: SettingsInput = {
      name: decodeEntities(channel.title).trim() || host || 'Broadsheet',
      tagline: DEFAULT_TAGLINES.test(tagline) ? '' : tagline,
      description: DEFAULT_TAGLINES.test(tagline) ? '' : tagline,
      navigation: largestTopics(this.liveTopics, names),
    };
    writeYamlUnlessPresent(file, settings);
    this.report.note(`settings.yml written from the export: “${settings.name}”, navigation ${settings.navigation?.join(', ') || '(none)'}`);
  }

  /** Adds this import's redirects to `redirects.yml`, keeping what is there. */
  writeRedirects(): void {
    const topics = this.topics.all().filter((topic) => this.liveTopics.has(topic.id));
    const plan = planRedirects({
      siteUrl: this.surveyed.channel.link,
      posts: this.live,
      topics,
      tags: [...this.liveTags].map(([slug, name]) => ({ slug, name })),
      authors: [...this.liveAuthors].map(([nicename, id]) => ({ nicename, id })),
    });
    for (const from of plan.taken) this.report.flag(undefined, `the old address ${from} is now a page of this site: it is not redirected`);
    const file = path.join(this.contentDir, 'redirects.yml');
    let existing: Redirects | undefined;
    if (fs.existsSync(file)) {
      let problem: string | undefined;
      try {
        const parsed = redirectsFields.safeParse(yaml.load(fs.readFileSync(file, 'utf8')) ?? {});
        if (parsed.success) existing = parsed.data;
        else problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      if (problem) {
        this.report.flag(undefined, `redirects.yml could not be read (${problem}): left as it is, and this import's redirects were not added`);
        return;
      }
    }
    const merged = mergeRedirects(existing, plan);
    if (merged.rules.length + merged.redirects.length === 0) return;
    const header = '# Old addresses and the pages that replaced them. Added to by `npm run import:wordpress`; the build writes them\n# as `_redirects` and as redirect pages (see docs/wordpress.md).\n';
    fs.writeFileSync(file, header + toYaml(merged));
    this.report.count('redirects', plan.redirects.length);
    this.report.count('rules', plan.rules.length);
    const base = basePath(this.surveyed.channel.link);
    this.report.note(
      plan.structure
        ? `permalinks follow ${base}${plan.structure}: ${plan.rules.length} redirect rules cover them and the archives`
        : 'no common permalink structure found: each post is redirected on its own',
    );
  }

  finish(): ImportOutcome {
    const { channel } = this.surveyed;
    for (const problem of channel.readProblems) this.report.flag(undefined, `the export's XML is damaged outside any post, read as far as possible: ${problem}`);
    const describedTags = channel.tags.filter((tag) => tag.description.trim()).length;
    if (describedTags > 0) this.report.note(`${plural(describedTags, 'tag description')} not kept: tags are free words on articles in Broadsheet`);
    saveState(this.contentDir, this.state);
    clearScratch(this.contentDir);
    const text = this.report.render(`${path.basename(this.options.exportFile)} (${channel.link || channel.title}${channel.generator ? `, ${channel.generator}` : ''})`);
    const reportFile = path.join(importFolder(this.contentDir), REPORT_FILE);
    fs.writeFileSync(reportFile, text);
    return { report: this.report, text, reportFile };
  }
}

/**
 * Imports a WordPress export into a content folder. Throws
 * `NotAWordPressExport` (having written nothing) for a file that is not one.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportOutcome> {
  const surveyed = await survey(options.exportFile);
  fs.mkdirSync(options.contentDir, { recursive: true });
  const run = new WordPressImport(options, surveyed);
  run.plan();
  run.writePeopleAndTopics();
  await run.importPosts();
  run.writeSettings();
  run.writeRedirects();
  return run.finish();
}

