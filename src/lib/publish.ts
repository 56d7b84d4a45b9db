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
