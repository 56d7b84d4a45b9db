/**
 * Every responsive image size the site asks for, in one place. All images
 * draw their widths from one ladder, so each size of an image is encoded once
 * for the whole site however many places show it.
 */

/**
 * The width ladder. 720 rather than a rounder 800: a full-width card on a
 * 412 px phone at 1.75× (Lighthouse's mobile) needs 665 px, and 800 would
 * send a third more pixels than it shows.
 */
export const IMAGE_WIDTHS = [480, 720, 1200, 1600] as const;

type Width = (typeof IMAGE_WIDTHS)[number];

/** Widths and `sizes` of one kind of image, matched to the layout it sits in (see the CSS of each). */
export interface ImageSlot {
  widths: Width[];
  sizes: string;
}

/*
 * `sizes` follow the CSS of each layout: the container is `min(100vw - 2rem,
 * 76rem)`, gaps are 1.5rem, and each breakpoint below is where a grid changes
 * its number of columns. tests/e2e/reader.test.ts checks them against the
 * rendered layout from phone to desktop.
 */
export const IMAGE_SLOTS = {
  /** The article's hero: the container, at most 64rem. */
  hero: { widths: [480, 720, 1200, 1600], sizes: '(min-width: 66rem) 64rem, calc(100vw - 2rem)' },
  /** A figure in the article body: the prose measure. */
  figure: { widths: [480, 720, 1200], sizes: '(min-width: 48rem) 68ch, calc(100vw - 2rem)' },
  /** Home lead story: two of four columns above 64rem, three fifths below, full width under 40rem. */
  leadCard: {
    widths: [480, 720, 1200],
    sizes: '(min-width: 78rem) 36.5rem, (min-width: 64.0625rem) calc(50vw - 2.5rem), (min-width: 40.0625rem) calc(60vw - 2.1rem), calc(100vw - 2rem)',
  },
  /** Home top stories beside the lead: one of four columns, two fifths below 64rem, less their rule and padding. */
  sideCard: {
    widths: [480, 720],
    sizes: '(min-width: 78rem) 16.7rem, (min-width: 64.0625rem) calc(25vw - 2.8rem), (min-width: 40.0625rem) calc(40vw - 2.9rem), calc(100vw - 2rem)',
  },
  /** Home topic rails: four columns, two below 64rem, one under 40rem. */
  railCard: {
    widths: [480, 720],
    sizes: '(min-width: 78rem) 17.875rem, (min-width: 64.0625rem) calc(25vw - 1.625rem), (min-width: 40.0625rem) calc(50vw - 1.75rem), calc(100vw - 2rem)',
  },
  /** Topic, author and tag listings: as many 16rem columns as fit. */
  listingCard: {
    widths: [480, 720],
    sizes: '(min-width: 78rem) 17.875rem, (min-width: 70.5rem) calc(25vw - 1.625rem), (min-width: 53rem) calc(33.34vw - 1.66rem), (min-width: 35.5rem) calc(50vw - 1.75rem), calc(100vw - 2rem)',
  },
  /** Related stories under an article: as many 14rem columns as fit. */
  relatedCard: {
    widths: [480, 720],
    sizes: '(min-width: 78rem) 14rem, (min-width: 62.5rem) calc(25vw - 1.625rem), (min-width: 47rem) calc(33.34vw - 1.66rem), (min-width: 31.5rem) calc(50vw - 1.75rem), calc(100vw - 2rem)',
  },
} as const satisfies Record<string, ImageSlot>;

/**
 * The width of an image's `src`, which browsers that read `srcset` never
 * fetch: the slot's largest width, so that `src` is one of the `srcset` files.
 * Left to Astro, `src` is the source at full size, one more encode of every
 * image (its largest) for no reader.
 */
export function srcWidth(slot: ImageSlot): number {
  return Math.max(...slot.widths);
}

/** Where a card sits, which decides how wide its image is drawn: every slot named `…Card`. */
export type CardSlot = Extract<keyof typeof IMAGE_SLOTS, `${string}Card`>;

/** The image that feeds and structured data link: one size that any reader app can scale. */
export const SHARE_IMAGE_WIDTH: Width = 1200;

/** The Open Graph card: 1.91:1, the shape every network crops a link preview to. */
export const OG_CARD = { width: 1200, height: 630 } as const;

/**
 * sharp's WebP effort (0–6, default 4). Measured on the sample art, all four
 * widths: effort 2 encodes in half the time of 4 for 2–6 % more bytes;
 * below 2 the files grow by a third or more.
 */
export const WEBP_EFFORT = 2;
