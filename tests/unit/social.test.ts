import { describe, expect, it } from 'vitest';
import { settingsFields, authorFields } from '../../src/content/schema.ts';
import { AUTHOR_LINKS, PROFILE_LINKS, SOCIAL_NETWORKS } from '../../src/lib/social.ts';
import { z } from 'astro/zod';

const keysOf = (schema: z.ZodType) => Object.keys((schema as z.ZodObject).shape);

describe('social networks and author links', () => {
  it('name exactly the networks and links the schema accepts', () => {
    expect(Object.keys(SOCIAL_NETWORKS).sort()).toEqual(keysOf((settingsFields.shape.social as z.ZodDefault<z.ZodObject>).unwrap()).sort());
    const links = (authorFields(() => z.string()).shape.links as z.ZodDefault<z.ZodObject>).unwrap();
    expect(Object.keys(AUTHOR_LINKS).sort()).toEqual(keysOf(links).sort());
  });
  it('count every link but email as a profile page', () => {
    expect(PROFILE_LINKS).toEqual(['website', 'x', 'linkedin', 'mastodon']);
  });
});
