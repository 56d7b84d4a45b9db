/**
 * Live coverage: a story told in timestamped updates. The page shows the
 * pinned update first, then the rest newest first; its browser script (the
 * `live-updates` element) polls the story's `updates.json` and offers new
 * updates instead of moving the text under the reader.
 */
import { decodeEntities } from './search-excerpt.ts';

export const LIVE_STATUSES = ['live', 'ended'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/** How often an open, visible live page checks for updates. */
export const POLL_SECONDS = 30;

/**
 * How many of the newest updates `updates.json` carries: enough for a tab
 * left open through a busy half hour, small enough to poll (a story with
 * 300 updates still sends 20).
 */
export const FEED_UPDATES = 20;

export interface UpdateLike {
  id: string;
  time: Date;
  pinned: boolean;
  keyEvent: boolean;
}

/**
 * How many updates (besides the pinned one) a live story's page shows; older
 * ones move to its "earlier updates" page, so a story with 300 updates does
 * not send a phone 400 KB of HTML.
 */
export const PAGE_UPDATES = 50;

export interface Stream<T> {
  /** The newest pinned update; it leads the page. Older pins fall back into the stream. */
  pinned: T | undefined;
  /** The newest other updates, newest first, up to `PAGE_UPDATES`. */
  rest: T[];
  /** Older updates still, newest first, for the earlier-updates page. */
  earlier: T[];
  /** Key events, newest first, for the summary list at the top. */
  keyEvents: T[];
}

/** Newest first; updates posted in the same second by id, so the order never depends on the file system. */
export const newestFirst = <T extends Pick<UpdateLike, 'id' | 'time'>>(a: T, b: T) => b.time.getTime() - a.time.getTime() || b.id.localeCompare(a.id);

/** Orders a live story's updates for its page. */
export function liveStream<T extends UpdateLike>(updates: readonly T[], perPage = PAGE_UPDATES): Stream<T> {
  const ordered = [...updates].sort(newestFirst);
  const pinned = ordered.find((update) => update.pinned);
  const others = ordered.filter((update) => update !== pinned);
  return {
    pinned,
    rest: others.slice(0, perPage),
    earlier: others.slice(perPage),
    keyEvents: ordered.filter((update) => update.keyEvent),
  };
}

/** The anchor of an update on its story's page. */
export const updateAnchor = (id: string) => `update-${id}`;

/** When coverage ended: the time editors set, else the last update, else the story's own time. */
export function coverageEnd(endedAt: Date | undefined, updates: readonly UpdateLike[], publishedAt: Date): Date {
  if (endedAt) return endedAt;
  return updates.reduce((latest, update) => (update.time > latest ? update.time : latest), publishedAt);
}

/** The tab title while new updates wait: "(3) Headline". */
export const titleWithCount = (title: string, count: number) => (count > 0 ? `(${count}) ${title}` : title);

/** An update's text without markup, for structured data and the key-events list. */
export function updateText(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** What an update is called where a line must name it: its headline, else its first words. */
export function updateTitle(headline: string | undefined, text: string, length = 90): string {
  if (headline) return headline;
  if (text.length <= length) return text;
  // One character more, so a word ending exactly at the limit is kept whole.
  const space = text.slice(0, length + 1).lastIndexOf(' ');
  return `${text.slice(0, space > 0 ? space : length)}…`;
}

/** `updates.json`: what an open live page polls for. */
export interface UpdatesFeed {
  status: LiveStatus;
  /** Newest first; `html` is the update as the page renders it. */
  updates: { id: string; time: string; html: string }[];
}

/** The updates a page does not show yet, newest first. */
export function unseenUpdates<T extends { id: string }>(feed: readonly T[], shown: ReadonlySet<string>): T[] {
  return feed.filter((update) => !shown.has(update.id));
}
