/**
 * Article slugs from WordPress's `post_name`, which is usually a slug
 * already; a percent-encoded one (a non-Latin title) is decoded and folded
 * to ASCII, and a post without one (a draft, often) takes its headline.
 * Every slug is used once across all years: the first post to want a slug
 * gets it, a later one gets `-2`, `-3`… Slugs an earlier import gave keep.
 */
import { isSlug, slugify } from '../../lib/slug.ts';

/** The slug a post would like, before uniqueness. */
export function wantedSlug(postName: string, title: string, postId: string): string {
  let decoded = postName.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A malformed escape: the name as written.
  }
  if (isSlug(decoded)) return decoded;
  return slugify(decoded) || slugify(title) || `post-${postId}`;
}

/** Hands out slugs once each, counting those already in the content folder as taken. */
export class SlugAllocator {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set([...taken].map((slug) => slug.toLowerCase()));
  }

  allocate(wanted: string): string {
    let slug = wanted;
    for (let number = 2; this.taken.has(slug); number += 1) slug = `${wanted}-${number}`;
    this.taken.add(slug);
    return slug;
  }
}
