/**
 * The links under an article that share it on other sites. They are plain
 * links, so they work without script, and open in the same tab: the reader
 * comes back with Back.
 */
import type { Translate } from '../i18n/translate.ts';

/**
 * A value for a URL's query string. `:` and `/` may stand unescaped in a query
 * (RFC 3986, §3.4), and an article URL is mostly those: five share links a
 * page, each carrying the URL, add up.
 */
export function queryValue(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

export interface ShareLink {
  label: string;
  href: string;
}

/** The services' names are brands and stay as they are; only email is a word. */
export function shareLinks(url: string, title: string, t: Translate): ShareLink[] {
  const u = queryValue(url);
  const text = queryValue(title);
  return [
    { label: 'X', href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: 'WhatsApp', href: `https://wa.me/?text=${queryValue(`${title} ${url}`)}` },
    // mailto (RFC 6068) allows fewer characters unescaped than a web query does.
    { label: t('article.share.email'), href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}` },
  ];
}
