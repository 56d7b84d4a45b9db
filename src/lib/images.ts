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

/** The page padding each side of a container (`.container` in global.css). */
const GUTTERS = '2rem';

export const IMAGE_SLOTS = {
  /** The article's hero: the container, at most 64rem. */
  hero: { widths: [480, 720, 1200, 1600], sizes: `(min-width: 66rem) 64rem, calc(100vw - ${GUTTERS})` },
  /** A figure in the article body: the prose measure. */
  figure: { widths: [480, 720, 1200], sizes: `(min-width: 48rem) 68ch, calc(100vw - ${GUTTERS})` },
  /** The home page's lead story: half the front above 64rem, three fifths of it down to 40rem. */
  leadCard: { widths: [480, 720, 1200], sizes: `(min-width: 76rem) 37rem, (min-width: 64rem) 50vw, (min-width: 40rem) 60vw, calc(100vw - ${GUTTERS})` },
  /** Every other card: four to a row above 64rem, two (or a side column) down to 40rem, then one. */
  card: { widths: [480, 720], sizes: `(min-width: 64rem) 18rem, (min-width: 40rem) calc(50vw - ${GUTTERS}), calc(100vw - ${GUTTERS})` },
} as const satisfies Record<string, ImageSlot>;

/** The image that feeds and structured data link: one size that any reader app can scale. */
export const SHARE_IMAGE_WIDTH: Width = 1200;

/** The Open Graph card: 1.91:1, the shape every network crops a link preview to. */
export const OG_CARD = { width: 1200, height: 630 } as const;
