/**
 * The networks and links the schema knows, with the names readers and editors
 * see. Typed against the schema, so a network added there needs a name here.
 */
import type { AuthorInput, SettingsInput } from '../content/schema.ts';

type LinkKey = keyof NonNullable<AuthorInput['links']>;
type NetworkKey = keyof NonNullable<SettingsInput['social']>;

/** The publication's own profiles (`settings.social`), in footer order. */
export const SOCIAL_NETWORKS = { x: 'X', mastodon: 'Mastodon', linkedin: 'LinkedIn', facebook: 'Facebook' } as const satisfies Record<NetworkKey, string>;

/** Where readers find an author elsewhere (`links` of an author), in display order. */
export const AUTHOR_LINKS = { website: 'Website', x: 'X', linkedin: 'LinkedIn', mastodon: 'Mastodon', email: 'Email' } as const satisfies Record<LinkKey, string>;

export type AuthorLink = keyof typeof AUTHOR_LINKS;

/** Links that are profile pages (schema.org `sameAs`); email is a contact, not a profile. */
export const PROFILE_LINKS = (Object.keys(AUTHOR_LINKS) as AuthorLink[]).filter((key) => key !== 'email');

/** Profiles that link back to the author (rel="me" verification, as Mastodon does). */
export const VERIFIED_LINKS: readonly AuthorLink[] = ['website', 'mastodon'];
