/** What a page tells search engines and social networks about itself, beyond title and description. */
export interface PageMeta {
  /** Open Graph type. */
  type: 'website' | 'article' | 'profile';
  image?: { url: string; alt: string; width: number; height: number } | undefined;
  article?:
    | {
        publishedTime: Date;
        modifiedTime?: Date | undefined;
        /** Author page URLs. */
        authors: string[];
        section: string;
        tags: string[];
      }
    | undefined;
  /** Structured data objects, each rendered as its own JSON-LD script. */
  jsonLd?: object[] | undefined;
  /** Feeds specific to this page (a topic's, an author's), besides the site's own. */
  feeds?: { title: string; href: string }[] | undefined;
}
