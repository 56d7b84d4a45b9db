import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type AuthorEntry } from '../../../content.ts';
import { feedKey, rssResponse, sectionFeed } from '../../../feeds/rss.ts';
import { paths } from '../../../lib/paths.ts';
import { t } from '../../../i18n/site-words.ts';

export const getStaticPaths = (async () => {
  const { authors, byAuthor, settings } = await getNewsroom();
  return authors.map((author) => ({
    params: { author: author.id },
    props: { author },
    cacheKey: feedKey(settings, sectionFeed(byAuthor.get(author.id) ?? []), author.id, author.data),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: AuthorEntry }> = async ({ props: { author } }) => {
  const { settings, byAuthor } = await getNewsroom();
  return rssResponse({
    settings,
    title: t('feeds.title', { section: author.data.name, site: settings.name }),
    description: author.data.role
      ? t('feeds.authorWithRoleDescription', { name: author.data.name, role: author.data.role })
      : t('feeds.authorDescription', { name: author.data.name }),
    self: paths.authorRss(author.id),
    articles: sectionFeed(byAuthor.get(author.id) ?? []),
  });
};
