/** schema.org objects for JSON-LD, built from plain values so they are easy to test. */
import type { Article, BlogPosting, BreadcrumbList, CollectionPage, Organization, Person, WebSite, WithContext } from 'schema-dts';

export interface Publisher {
  name: string;
  url: string;
  logo: string;
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  images: string[];
  datePublished: Date;
  dateModified?: Date | undefined;
  authors: { name: string; url: string }[];
  section: string;
  keywords: string[];
  corrections: { date: Date; text: string }[];
  publisher: Publisher;
  /** The schema.org type of the article's format (`FORMATS` in formats.ts); NewsArticle by default. */
  schemaType?: string;
  /** A live story becomes a LiveBlogPosting with its updates. */
  live?: LiveCoverage | undefined;
}

export interface LiveCoverage {
  start: Date;
  /** Set once coverage has ended. */
  end?: Date | undefined;
  updates: { url: string; headline: string; datePublished: Date; body: string }[];
}

function organization(publisher: Publisher): Organization {
  return {
    '@type': 'Organization',
    name: publisher.name,
    url: publisher.url,
    logo: { '@type': 'ImageObject', url: publisher.logo },
  };
}

export function newsArticle(input: NewsArticleInput): WithContext<Article> {
  const { live } = input;
  // schema-dts types each @type separately; the value comes from the format table or is LiveBlogPosting.
  return {
    '@context': 'https://schema.org',
    '@type': (live ? 'LiveBlogPosting' : (input.schemaType ?? 'NewsArticle')) as 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    image: input.images,
    datePublished: input.datePublished.toISOString(),
    dateModified: (input.dateModified ?? input.datePublished).toISOString(),
    author: input.authors.map((author): Person => ({ '@type': 'Person', name: author.name, url: author.url })),
    publisher: organization(input.publisher),
    articleSection: input.section,
    keywords: input.keywords,
    ...(input.corrections.length > 0 && {
      correction: input.corrections.map((correction) => ({
        '@type': 'CorrectionComment' as const,
        datePublished: correction.date.toISOString(),
        text: correction.text,
      })),
    }),
    ...(live && {
      coverageStartTime: live.start.toISOString(),
      ...(live.end && { coverageEndTime: live.end.toISOString() }),
      liveBlogUpdate: live.updates.map(
        (update): BlogPosting => ({
          '@type': 'BlogPosting',
          url: update.url,
          headline: update.headline,
          datePublished: update.datePublished.toISOString(),
          articleBody: update.body,
        }),
      ),
    }),
  } as WithContext<Article>;
}

export function breadcrumbs(items: { name: string; url: string }[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: item.url })),
  };
}

export function webSite(name: string, url: string, description: string, searchUrlTemplate: string): WithContext<WebSite> {
  // schema-dts has no type for Google's "query-input" annotation, hence the cast.
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name,
    url,
    description,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: searchUrlTemplate },
      'query-input': 'required name=search_term_string',
    },
  } as WithContext<WebSite>;
}

export function person(input: { name: string; url: string; jobTitle?: string; description?: string; image?: string | undefined; sameAs: string[]; worksFor: Publisher }): WithContext<Person> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: input.name,
    url: input.url,
    ...(input.jobTitle && { jobTitle: input.jobTitle }),
    ...(input.description && { description: input.description }),
    ...(input.image && { image: input.image }),
    sameAs: input.sameAs,
    worksFor: organization(input.worksFor),
  };
}

export function collectionPage(input: { name: string; url: string; description: string; items: string[] }): WithContext<CollectionPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: input.name,
    url: input.url,
    description: input.description,
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: input.items.map((url, index) => ({ '@type': 'ListItem', position: index + 1, url })),
    },
  };
}
