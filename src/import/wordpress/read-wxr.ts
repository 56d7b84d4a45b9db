/**
 * Reads a WordPress export as a stream: saxes parses it chunk by chunk and
 * each item is handed over as soon as it closes, so a 10,000-post export
 * never sits in memory whole. saxes resolves no external entities (it reads a
 * DOCTYPE and ignores what it declares), so a hostile export cannot pull in
 * a local file or a URL; an entity it does not know stays as written.
 *
 * A parse error before the document shows itself to be an export stops the
 * import; one inside an item is recorded on that item, and reading goes on.
 */
import fs from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { emptyChannel, emptyItem, type WxrAuthor, type WxrCategory, type WxrChannel, type WxrItem, type WxrTag } from './wxr.ts';

/** The file is not XML, or is XML but not a WordPress export. */
export class NotAWordPressExport extends Error {}

export type WxrEvent = { kind: 'channel'; channel: WxrChannel } | { kind: 'item'; item: WxrItem };

/** WXR 1.0 to 1.2, from self-hosted WordPress and WordPress.com alike. */
const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;
const EXCERPT_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/;
const NAMESPACES: Record<string, string> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
};

/** An element's name with the prefix this reader uses for its namespace, whatever prefix the file chose. */
function keyOf(tag: SaxesTagNS): string {
  const uri = tag.uri;
  if (!uri) return tag.name;
  if (WP_NAMESPACE.test(uri)) return `wp:${tag.local}`;
  if (EXCERPT_NAMESPACE.test(uri)) return `excerpt:${tag.local}`;
  const prefix = NAMESPACES[uri];
  return prefix ? `${prefix}:${tag.local}` : tag.name;
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_modified': 'postModified',
  'wp:post_modified_gmt': 'postModifiedGmt',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_parent': 'postParent',
  'wp:post_type': 'postType',
  'wp:post_password': 'password',
  'wp:attachment_url': 'attachmentUrl',
};

const CHANNEL_FIELDS: Record<string, keyof WxrChannel> = {
  title: 'title',
  link: 'link',
  description: 'description',
  language: 'language',
  generator: 'generator',
  'wp:wxr_version': 'wxrVersion',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
};

const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  'wp:author_id': 'id',
  'wp:author_login': 'login',
  'wp:author_email': 'email',
  'wp:author_display_name': 'displayName',
  'wp:author_first_name': 'firstName',
  'wp:author_last_name': 'lastName',
  'wp:author_description': 'description',
  'wp:author_url': 'url',
};

const CATEGORY_FIELDS: Record<string, keyof WxrCategory> = {
  'wp:term_id': 'termId',
  'wp:category_nicename': 'nicename',
  'wp:category_parent': 'parent',
  'wp:cat_name': 'name',
  'wp:category_description': 'description',
};

const TAG_FIELDS: Record<string, keyof WxrTag> = {
  'wp:term_id': 'termId',
  'wp:tag_slug': 'slug',
  'wp:tag_name': 'name',
  'wp:tag_description': 'description',
};

/**
 * A copy of a short text that shares no memory with the chunk it was parsed
 * from. V8 keeps a substring as a view of its whole parent, so one title kept
 * for the whole import would keep its 256 KB chunk alive, and at 10,000
 * posts, the whole export.
 */
export function ownCopy(text: string): string {
  return text && Buffer.from(text, 'utf8').toString('utf8');
}

function assign<T extends object>(target: T, fields: Record<string, keyof T>, key: string, value: string): void {
  const field = fields[key];
  if (field !== undefined && typeof target[field] === 'string') (target as Record<keyof T, unknown>)[field] = ownCopy(value);
}

/** Collects the channel and items from saxes events; what is complete waits in `ready`. */
class WxrCollector {
  readonly ready: WxrEvent[] = [];
  fatal: NotAWordPressExport | undefined;
  private readonly channel = emptyChannel();
  private channelSent = false;
  private rootSeen = false;
  private readonly stack: string[] = [];
  private text = '';
  private item: WxrItem | undefined;
  private term: { domain: string; nicename: string } | undefined;
  private meta: { key: string; value: string } | undefined;
  private author: WxrAuthor | undefined;
  private category: WxrCategory | undefined;
  private tag: WxrTag | undefined;
  /** Depth of a subtree that is skipped whole (an item's comments). */
  private skipFrom = 0;

  open(tag: SaxesTagNS): void {
    if (this.fatal) return;
    const key = keyOf(tag);
    this.stack.push(key);
    this.text = '';
    if (this.skipFrom) return;
    const depth = this.stack.length;
    const parent = this.stack[depth - 2];
    if (depth === 1) this.rootSeen = true;
    if (depth === 1 && key !== 'rss') {
      this.fatal = new NotAWordPressExport(`the file is XML but not a WordPress export (its root element is <${tag.name}>, not <rss>)`);
      return;
    }
    if (parent === 'channel') {
      if (key === 'item') {
        this.sendChannel();
        this.item = emptyItem();
      } else if (key === 'wp:author') this.author = { id: '', login: '', email: '', displayName: '', firstName: '', lastName: '', description: '', url: '' };
      else if (key === 'wp:category') this.category = { termId: '', nicename: '', parent: '', name: '', description: '' };
      else if (key === 'wp:tag') this.tag = { termId: '', slug: '', name: '', description: '' };
      return;
    }
    if (parent === 'item' && this.item) {
      if (key === 'wp:comment') this.skipFrom = depth;
      else if (key === 'category') this.term = { domain: ownCopy(tag.attributes['domain']?.value ?? ''), nicename: ownCopy(tag.attributes['nicename']?.value ?? '') };
      else if (key === 'wp:postmeta') this.meta = { key: '', value: '' };
    }
  }

  /** Text and CDATA alike: only leaf elements' text is used. */
  append(text: string): void {
    if (!this.fatal && !this.skipFrom) this.text += text;
  }

  close(): void {
    if (this.fatal) return;
    const depth = this.stack.length;
    const key = this.stack.pop();
    const value = this.text;
    this.text = '';
    if (key === undefined) return;
    if (this.skipFrom) {
      if (depth === this.skipFrom) this.skipFrom = 0;
      return;
    }
    const parent = this.stack[depth - 2];
    if (parent === 'channel') this.closeInChannel(key, value);
    else if (parent === 'item' && this.item) this.closeInItem(this.item, key, value);
    else if (parent === 'wp:postmeta' && this.meta) {
      if (key === 'wp:meta_key') this.meta.key = value;
      else if (key === 'wp:meta_value') this.meta.value = value;
    } else if (parent === 'wp:author' && this.author) assign(this.author, AUTHOR_FIELDS, key, value);
    else if (parent === 'wp:category' && this.category) assign(this.category, CATEGORY_FIELDS, key, value);
    else if (parent === 'wp:tag' && this.tag) assign(this.tag, TAG_FIELDS, key, value);
    else if (key === 'channel') this.sendChannel();
  }

  private closeInChannel(key: string, value: string): void {
    if (key === 'item' && this.item) {
      this.ready.push({ kind: 'item', item: this.item });
      this.item = undefined;
    } else if (key === 'wp:author' && this.author) {
      this.channel.authors.push(this.author);
      this.author = undefined;
    } else if (key === 'wp:category' && this.category) {
      this.channel.categories.push(this.category);
      this.category = undefined;
    } else if (key === 'wp:tag' && this.tag) {
      this.channel.tags.push(this.tag);
      this.tag = undefined;
    } else assign(this.channel, CHANNEL_FIELDS, key, value.trim());
  }

  private closeInItem(item: WxrItem, key: string, value: string): void {
    if (key === 'category' && this.term) {
      item.terms.push({ ...this.term, name: ownCopy(value.trim()) });
      this.term = undefined;
    } else if (key === 'wp:postmeta' && this.meta) {
      item.meta.set(ownCopy(this.meta.key), this.meta.value);
      this.meta = undefined;
    } else if (key === 'wp:is_sticky') item.isSticky = value.trim() === '1';
    else {
      const field = ITEM_FIELDS[key];
      if (field === 'content' || field === 'excerpt') item[field] = value;
      else if (field !== undefined) assign(item, ITEM_FIELDS, key, value.trim());
    }
  }

  /** The channel's own fields come before its first item; from then on it is complete. */
  private sendChannel(): void {
    if (this.channelSent) return;
    this.channelSent = true;
    if (!this.channel.wxrVersion) {
      this.fatal = new NotAWordPressExport('the file is XML but not a WordPress export (it has no wp:wxr_version)');
      return;
    }
    this.ready.push({ kind: 'channel', channel: this.channel });
  }

  error(message: string): void {
    if (this.fatal) return;
    if (!this.rootSeen) {
      this.fatal = new NotAWordPressExport(`the file is not XML (${message})`);
      return;
    }
    if (this.item) this.item.readProblems.push(message);
    else this.channel.readProblems.push(message);
  }

  end(): void {
    if (this.fatal) return;
    if (!this.rootSeen) {
      this.fatal = new NotAWordPressExport('the file is not XML (it has no root element)');
      return;
    }
    if (this.item) this.channel.readProblems.push(`the file ends inside post ${this.item.postId || '(no id)'}: that post could not be read`);
    this.sendChannel();
  }
}

/** The export's channel first, then each item in file order. Throws `NotAWordPressExport` before yielding anything from a file that is not one. */
export async function* readWxr(file: string): AsyncGenerator<WxrEvent> {
  if (fs.statSync(file).size === 0) throw new NotAWordPressExport('the file is empty');
  const collector = new WxrCollector();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => collector.open(tag));
  parser.on('closetag', () => collector.close());
  parser.on('text', (text) => collector.append(text));
  parser.on('cdata', (text) => collector.append(text));
  parser.on('error', (error) => collector.error(error.message));
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (collector.fatal) throw collector.fatal;
      while (collector.ready.length > 0) yield collector.ready.shift()!;
    }
    parser.close();
    collector.end();
    if (collector.fatal) throw collector.fatal;
    while (collector.ready.length > 0) yield collector.ready.shift()!;
  } finally {
    stream.destroy();
  }
}
