/** One card a build draws (`cards.ts`), and where it goes. */
import type { OgCard } from './render.ts';

export interface PlannedCard {
  /** Where the card goes, from the site root (`paths.ogCard`). */
  path: string;
  card: OgCard;
}
