/**
 * What a WordPress export (WXR) holds that the import uses: the channel's
 * site details, authors and terms, and one item per post, page or
 * attachment. Field names follow the export's elements; text is as written
 * (HTML entities in titles are decoded later, where it matters).
 */

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  /** Not in WordPress's own exports; some plugins and hosts add it. */
  description: string;
  /** Likewise: the author's website, where the export has one. */
  url: string;
}

export interface WxrCategory {
  termId: string;
  nicename: string;
  /** The parent's nicename; empty for a top-level category. */
  parent: string;
  name: string;
  description: string;
}

export interface WxrTag {
  termId: string;
  slug: string;
  name: string;
  description: string;
}

export interface WxrChannel {
  title: string;
  link: string;
  description: string;
  language: string;
  wxrVersion: string;
  generator: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  tags: WxrTag[];
  /** What the XML parser found wrong outside any item; it was read as far as possible. */
  readProblems: string[];
}

/** A `<category>` of an item: a category, a tag, or a Co-Authors Plus author (`domain="author"`). */
export interface WxrTermRef {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  title: string;
  link: string;
  /** The author's login. */
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  postName: string;
  status: string;
  postParent: string;
  postType: string;
  password: string;
  isSticky: boolean;
  attachmentUrl: string;
  terms: WxrTermRef[];
  /** `wp:postmeta`, by key; the last value wins. */
  meta: Map<string, string>;
  /** What the XML parser found wrong inside this item; it was read as far as possible. */
  readProblems: string[];
}

export function emptyChannel(): WxrChannel {
  return { title: '', link: '', description: '', language: '', wxrVersion: '', generator: '', baseSiteUrl: '', baseBlogUrl: '', authors: [], categories: [], tags: [], readProblems: [] };
}

export function emptyItem(): WxrItem {
  return {
    title: '',
    link: '',
    creator: '',
    content: '',
    excerpt: '',
    postId: '',
    postDate: '',
    postDateGmt: '',
    postModified: '',
    postModifiedGmt: '',
    postName: '',
    status: '',
    postParent: '',
    postType: '',
    password: '',
    isSticky: false,
    attachmentUrl: '',
    terms: [],
    meta: new Map(),
    readProblems: [],
  };
}
