/** What the publish rule needs to know about an article. */
export interface PublishState {
  draft: boolean;
  publishedAt: Date;
}

export type Visibility = 'published' | 'draft' | 'scheduled';

/** Drafts stay drafts; an article dated in the future is scheduled until a build runs after that moment. */
export function visibility(article: PublishState, now: Date): Visibility {
  if (article.draft) return 'draft';
  if (article.publishedAt.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

/** The one rule for what readers see: published articles always, the rest only in a preview (dev) build. */
export function isVisible(article: PublishState, now: Date, showUnpublished: boolean): boolean {
  return showUnpublished || visibility(article, now) === 'published';
}

/**
 * The articles readers see and the ones they do not, by `isVisible`. The
 * content check splits them once per build; the steps that act before the
 * pages (the OG cards, the held images) take its halves.
 */
export function byVisibility<T extends { data: PublishState }>(articles: readonly T[], now: Date, showUnpublished: boolean): { shown: T[]; hidden: T[] } {
  const shown: T[] = [];
  const hidden: T[] = [];
  for (const article of articles) (isVisible(article.data, now, showUnpublished) ? shown : hidden).push(article);
  return { shown, hidden };
}
