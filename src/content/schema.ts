/**
 * The one content schema. Astro's collections (`src/content.config.ts`) and
 * the pre-build validator (`src/content/validate.ts`) are built from these
 * definitions. The CMS config (`admin/config.ts`) is written by hand but typed
 * against them (each widget's `name` must be a field here), and
 * `tests/unit/cms-config.test.ts` fails when the two disagree.
 */
import { z } from 'astro/zod';
import { parseStrictDateTime } from '../lib/datetime.ts';
import { DEFAULT_FORMAT, FORMAT_IDS } from '../lib/formats.ts';
import { LIVE_STATUSES } from '../lib/live.ts';
import { ALERT_LEVELS } from '../lib/alerts.ts';
import { isLanguageTag, isTimeZone } from '../i18n/tags.ts';
import { DEFAULT_DATES } from '../lib/dates.ts';

/** Builds the schema of a local image: Astro's `image()` in the build, a path check elsewhere. */
export type ImageField<I extends z.ZodType = z.ZodType> = () => I;

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

/** An absolute http(s) address with a dotted host; the CMS checks the same pattern as editors type. */
export const ABSOLUTE_URL_PATTERN = '^https?://[^\\s/]+\\.\\S*$';
const absoluteUrlRegex = new RegExp(ABSOLUTE_URL_PATTERN);
const isAbsoluteUrl = (value: string) => absoluteUrlRegex.test(value) && URL.canParse(value);

const absoluteUrl = z
  .string()
  .trim()
  .refine(isAbsoluteUrl, {
    message: 'must be an absolute http(s) URL, e.g. https://example.org/page',
  });

/**
 * A date and time in ISO 8601 with an offset or `Z`, e.g. `2026-11-27T07:30:00Z`.
 * Strings are checked strictly (no 30 February); YAML timestamps that a parser
 * already turned into dates are accepted as they are.
 */
export const dateTime = z.union([z.string(), z.date()]).transform((value, ctx) => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
      return z.NEVER;
    }
    return value;
  }
  const result = parseStrictDateTime(value);
  if (typeof result === 'string') {
    ctx.addIssue({ code: 'custom', message: result });
    return z.NEVER;
  }
  return result;
});

const idList = <R extends z.ZodType<unknown, string>>(what: string, ref: R) =>
  z
    .array(z.string().trim().min(1), { error: `must be a list of ${what} ids` })
    .min(1, `needs at least one ${what} id`)
    .refine((list) => new Set(list).size === list.length, { message: `lists a ${what} twice` })
    .pipe(z.array(ref));

type Ref = z.ZodType<unknown, string>;

/** What author, topic, series and article ids become: Astro `reference()`s in the build, plain ids in the validator. */
export interface References<A extends Ref, T extends Ref, S extends Ref, R extends Ref> {
  author: A;
  topic: T;
  series: S;
  article: R;
}

/** Plain ids, for code that checks references itself. */
export const plainIds = { author: z.string(), topic: z.string(), series: z.string(), article: z.string() };

/** Fields of an article's frontmatter, in the order editors see them. */
export const articleFields = <I extends z.ZodType, A extends Ref, T extends Ref, S extends Ref, R extends Ref>(
  image: ImageField<I>,
  refs: References<A, T, S, R>,
) =>
  z
    .object({
      /** Headline. Shown on the page, in listings, feeds and search results. */
      title: nonEmpty('title').max(200, 'title is longer than 200 characters'),
      /** The dek (standfirst): one or two sentences under the headline; also the meta description. */
      description: nonEmpty('description').max(400, 'description is longer than 400 characters'),
      /** First publication, ISO 8601 with offset. A future time schedules the article. */
      publishedAt: dateTime,
      /** Last substantive update; shown as "Updated …". Must not precede `publishedAt`. */
      updatedAt: dateTime.optional(),
      /** Author ids (`content/authors/<id>.yml`), in byline order. */
      authors: idList('author', refs.author),
      /** Topic ids (`content/topics/<id>.yml`); the first is the primary topic (kicker, breadcrumbs). */
      topics: idList('topic', refs.topic),
      /** Free keywords; each gets a `/tags/<tag>/` page. */
      tags: z.array(nonEmpty('tag')).default([]),
      /**
       * What kind of piece this is: a label in the kicker and on cards (none for
       * news), the schema.org type, a search filter. `sponsored` is labelled
       * as paid content everywhere it appears.
       */
      format: z.enum(FORMAT_IDS, { error: `must be one of ${FORMAT_IDS.join(', ')}` }).default(DEFAULT_FORMAT),
      /** Series id (`content/series/<id>.yml`) this article is a part of. */
      series: refs.series.optional(),
      /** Its part number in the series; without one, parts follow publication dates. */
      seriesPart: z.number().int().min(1, 'must be 1 or more').optional(),
      /**
       * Makes this a live story, told in updates (`content/live/<slug>/`).
       * While `live`, open pages check for new updates; `ended` stops that.
       */
      live: z
        .object({
          /** `live` while coverage runs, `ended` after. */
          status: z.enum(LIVE_STATUSES, { error: `must be one of ${LIVE_STATUSES.join(', ')}` }),
          /** When coverage ended; defaults to the last update. */
          endedAt: dateTime.optional(),
        })
        .strict()
        .optional(),
      /** Hero image stored beside the article, with alt text for readers who cannot see it. */
      image: z
        .object({
          /** Path relative to the article file, e.g. `./hero.jpg`. */
          src: image(),
          /** Text alternative; required whenever an image is set. */
          alt: z.string({ error: 'alt text is required when an image is set' }).trim().min(1, 'alt text is required when an image is set'),
          /** One-line caption under the image. */
          caption: z.string().trim().optional(),
          /** Who made the image, e.g. "Photo: Jane Doe / Agency". */
          credit: z.string().trim().optional(),
        })
        .strict()
        .optional(),
      /** Drafts show in the dev server and never in a production build. */
      draft: z.boolean().default(false),
      /** Featured articles compete for the home page lead. */
      featured: z.boolean().default(false),
      /** Where the story comes from (wire copy), shown as "Source: …" after the body. */
      source: z
        .object({
          /** Name of the agency or outlet. */
          name: z.string().trim().optional(),
          /** Link to the original. */
          url: absoluteUrl,
        })
        .strict()
        .optional(),
      /** Published corrections, oldest first. */
      corrections: z
        .array(
          z.object({
            /** When the correction was made. */
            date: dateTime,
            /** What was wrong and what is right now. */
            text: nonEmpty('correction text'),
          }).strict(),
        )
        .default([]),
      /** Canonical URL when the article first appeared elsewhere. */
      canonical: absoluteUrl.optional(),
      /**
       * The language it is written in, one of the publication's (`language`
       * or `otherLanguages` in `settings.yml`); without one, the publication's
       * first language. Its page and card are set in that language.
       */
      language: z.string().trim().refine(isLanguageTag, 'must be a language tag such as en-GB, de-DE or ar-EG').optional(),
      /**
       * The slug of the article this one translates, written in another of
       * the publication's languages: each page links to the other, and both
       * carry `hreflang` alternates. Name the original, not another translation.
       */
      translationOf: refs.article.optional(),
    })
    .strict()
    .superRefine((data, ctx) => {
      if (data.updatedAt && data.updatedAt.getTime() < data.publishedAt.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must not be earlier than publishedAt' });
      }
      if (data.seriesPart !== undefined && data.series === undefined) {
        ctx.addIssue({ code: 'custom', path: ['seriesPart'], message: 'needs a series' });
      }
      if (data.live?.endedAt && data.live.endedAt.getTime() < data.publishedAt.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['live', 'endedAt'], message: 'must not be earlier than publishedAt' });
      }
    });

/** Fields of one update of a live story, `content/live/<story>/<id>.md`; its body is the text. */
export const updateFields = z
  .object({
    /** Slug of the live story; the folder the file sits in. */
    story: nonEmpty('story'),
    /** When it was posted, ISO 8601 with offset; not before the story's `publishedAt`. */
    time: dateTime,
    /** Optional one-line headline. */
    headline: z.string().trim().optional(),
    /** Pinned updates lead the page; the newest pin wins. */
    pinned: z.boolean().default(false),
    /** Key events are listed at the top of the story, linking to them. */
    keyEvent: z.boolean().default(false),
  })
  .strict();

/** Fields of `content/series/<id>.yml`. */
export const seriesFields = <I extends z.ZodType>(image: ImageField<I>) =>
  z
    .object({
      /** Display name, e.g. "The water years". */
      name: nonEmpty('name'),
      /** One or two sentences for the series page and its feed. */
      description: z.string().trim().default(''),
      /** Image stored beside the file, shown on the series page. */
      image: z
        .object({
          /** Path relative to the file, e.g. `./water-years.jpg`. */
          src: image(),
          /** Text alternative. */
          alt: z.string({ error: 'alt text is required when an image is set' }).trim().min(1, 'alt text is required when an image is set'),
        })
        .strict()
        .optional(),
    })
    .strict();

/** One site-wide alert (a banner on every page, fetched from `/alerts.json`). */
const alertFields = z
  .object({
    /** The words of the banner. */
    text: nonEmpty('text').max(200, 'text is longer than 200 characters'),
    /** Where the banner leads, a site path (`/articles/…/`) or a full address. */
    link: z
      .string()
      .trim()
      .refine((value) => (value.startsWith('/') ? !value.startsWith('//') : isAbsoluteUrl(value)), {
        message: 'must be a site path starting with / or an absolute http(s) URL',
      })
      .optional(),
    /** `breaking` for breaking news, `notice` for anything else. */
    level: z.enum(ALERT_LEVELS, { error: `must be one of ${ALERT_LEVELS.join(', ')}` }).default('notice'),
    /** When the banner stops showing, even without a rebuild. */
    expires: dateTime.optional(),
  })
  .strict();

/** Fields of `content/alerts.yml`. */
export const alertsFields = z
  .object({
    /** The alerts now posted; an empty list clears the banner. */
    alerts: z.array(alertFields).default([]),
  })
  .strict();

const links = z
  .object({
    /** Personal or professional website. */
    website: absoluteUrl.optional(),
    /** Profile URL on X. */
    x: absoluteUrl.optional(),
    /** Profile URL on LinkedIn. */
    linkedin: absoluteUrl.optional(),
    /** Profile URL on a Mastodon server. */
    mastodon: absoluteUrl.optional(),
    /** Public contact address. */
    email: z.email('must be an email address').optional(),
  })
  .strict();

/** Fields of `content/authors/<id>.yml`. */
export const authorFields = <I extends z.ZodType>(image: ImageField<I>) =>
  z
    .object({
      /** Full name as printed in bylines. */
      name: nonEmpty('name'),
      /** Job title, e.g. "Diplomatic correspondent". */
      role: z.string().trim().default(''),
      /** Two or three sentences for the author box and author page. */
      bio: z.string().trim().default(''),
      /** Square portrait stored beside the file, e.g. `./jane-doe.jpg`. */
      avatar: image().optional(),
      /** Where readers can find the author elsewhere. */
      links: links.default({}),
    })
    .strict();

/** Fields of `content/topics/<id>.yml`. */
export const topicFields = z
  .object({
    /** Display name, e.g. "Climate". */
    name: nonEmpty('name'),
    /** One sentence shown on the topic page and in its feed. */
    description: z.string().trim().default(''),
    /** Position among topics where no navigation order is set (lower first). */
    order: z.number().int().default(100),
  })
  .strict();

/** Fields of `content/settings.yml`: what editors may change about the site. */
export const settingsFields = z
  .object({
    /** Publication name, in the header, titles and feeds. */
    name: nonEmpty('name'),
    /** Short line under the name. */
    tagline: z.string().trim().default(''),
    /** Default meta description and feed description. */
    description: z.string().trim().default(''),
    /** Topic ids in the order of the header navigation and home page rails. */
    navigation: z.array(z.string().trim().min(1)).default([]),
    /** The publication's own profiles. */
    social: z
      .object({
        x: absoluteUrl.optional(),
        mastodon: absoluteUrl.optional(),
        linkedin: absoluteUrl.optional(),
        facebook: absoluteUrl.optional(),
      })
      .strict()
      .default({}),
    /** A few sentences about the publication for the footer. */
    about: z.string().trim().default(''),
    /**
     * The publication's language, a BCP 47 tag (`en-GB`, `de-DE`, `ar-EG`):
     * every word the site shows, and its dates, numbers and plurals, follow
     * it; `src/i18n/languages/` must hold its dictionary.
     */
    language: z.string().trim().refine(isLanguageTag, 'must be a language tag such as en-GB, de-DE or ar-EG').default(DEFAULT_DATES.locale),
    /**
     * Further languages the publication also publishes in, each with its own
     * home page, feeds and search under the language subtag (`de-DE` at
     * `/de/`); an article says its language in `language`.
     */
    otherLanguages: z.array(z.string().trim().refine(isLanguageTag, 'must be a language tag such as en-GB, de-DE or ar-EG')).default([]),
    /** The IANA time zone in which readers see dates and times, and the archive files articles by day. */
    timeZone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/London or America/New_York').default(DEFAULT_DATES.timeZone),
    /** Articles at least this many years old say so near the headline; 0 turns the notice off. */
    ageNoticeYears: z.number().int().min(0, 'must be 0 or more').default(1),
    /**
     * A newsletter sign-up form after each article and in the footer, posting
     * straight to the email provider. Without it, no form appears anywhere.
     */
    newsletter: z
      .object({
        /** The newsletter's name, e.g. "The Morning Brief". */
        name: nonEmpty('name'),
        /** One line on what readers get. */
        pitch: z.string().trim().default(''),
        /** The provider's form address (the form's `action`). */
        action: absoluteUrl,
        /** The name of the email field the provider expects. */
        field: z.string().trim().regex(/^[\w.\-\[\]]+$/, 'must be a form field name (letters, digits, _ . - [ ])').default('email'),
      })
      .strict()
      .optional(),
  })
  .strict();

/** An address on this site: one leading `/`, no spaces; WordPress's `/?p=123` keeps its query. */
const sitePath = z
  .string()
  .trim()
  .regex(/^\/(?!\/)\S*$/, 'must be an address on this site starting with /, e.g. /2019/05/old-post/');

/** Where a redirect leads: an address on this site or a full http(s) URL. */
const redirectTarget = z
  .string()
  .trim()
  .refine((value) => (value.startsWith('/') ? !value.startsWith('//') && !/\s/.test(value) : isAbsoluteUrl(value)), {
    message: 'must be an address on this site starting with / or an absolute http(s) URL',
  });

/** One old address and where it leads now. */
const redirectFields = z
  .object({
    /** The old address: a path (`/2019/05/old-post/`) or WordPress's `/?p=123`; with `:name` and a final `*` in `rules`. */
    from: sitePath,
    /** Where it leads now: a page of this site (`/articles/new-post/`) or a full address; in `rules`, with the source's placeholders. */
    to: redirectTarget,
  })
  .strict();

/**
 * Fields of `content/redirects.yml`: old addresses (a WordPress site's, say)
 * and the pages that replaced them. The build writes them as a `_redirects`
 * file for hosts that read one and as small redirect pages for hosts that do not.
 */
export const redirectsFields = z
  .object({
    /**
     * Pattern rules for hosts that read `_redirects` (Netlify, Cloudflare
     * Pages): `:name` stands for one path segment, a final `*` for the rest
     * (`:splat` in `to`), so one line covers every post of a permalink structure.
     */
    rules: z.array(redirectFields).default([]),
    /** Every old address, one by one: a redirect page each, and a `_redirects` line where no rule covers it. */
    redirects: z.array(redirectFields).default([]),
  })
  .strict();

export type ArticleInput = z.input<ReturnType<typeof articleFields<z.ZodString, z.ZodString, z.ZodString, z.ZodString, z.ZodString>>>;
export type UpdateInput = z.input<typeof updateFields>;
export type SeriesInput = z.input<ReturnType<typeof seriesFields<z.ZodString>>>;
export type AlertsInput = z.input<typeof alertsFields>;
export type AuthorInput = z.input<ReturnType<typeof authorFields<z.ZodString>>>;
export type TopicInput = z.input<typeof topicFields>;
export type SettingsInput = z.input<typeof settingsFields>;
export type RedirectsInput = z.input<typeof redirectsFields>;
export type Redirects = z.output<typeof redirectsFields>;
