/**
 * The language of the page being rendered. A publication in several
 * languages renders pages of each side by side (`build.concurrency`), so the
 * language travels with each render, set by the middleware, rather than in
 * a module variable that the pages would share.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const rendering = new AsyncLocalStorage<string>();

/** Runs `work` (a page's render, or a card's) in the language `tag`. */
export function inLanguage<T>(tag: string, work: () => T): T {
  return rendering.run(tag, work);
}

/** The language of the render under way, if one was set. */
export function pageLanguage(): string | undefined {
  return rendering.getStore();
}
