/** Components MDX articles may use without importing them. */
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import PullQuote from './PullQuote.astro';

export const mdxComponents = { Callout, Figure, PullQuote };
