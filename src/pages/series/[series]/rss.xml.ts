import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type SeriesEntry } from '../../../content.ts';
import { feedKey, rssResponse, sectionFeed } from '../../../feeds/rss.ts';
import { paths } from '../../../lib/paths.ts';
import { t } from '../../../i18n/site-words.ts';

/** A series' feed carries its parts newest first, as feed readers expect. */
const newestFirst = <T extends { publishedAt: Date }>(list: readonly T[]) => [...list].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());

export const getStaticPaths = (async () => {
  const { series, bySeries, settings } = await getNewsroom();
  return series.map((entry) => ({
    params: { series: entry.id },
    props: { series: entry },
    cacheKey: feedKey(settings, sectionFeed(newestFirst(bySeries.get(entry.id) ?? [])), entry.id, entry.data),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: SeriesEntry }> = async ({ props: { series } }) => {
  const { settings, bySeries } = await getNewsroom();
  return rssResponse({
    settings,
    title: t('feeds.title', { section: series.data.name, site: settings.name }),
    description: series.data.description || t('feeds.seriesDescription', { series: series.data.name, site: settings.name }),
    self: paths.seriesRss(series.id),
    articles: sectionFeed(newestFirst(bySeries.get(series.id) ?? [])),
  });
};
