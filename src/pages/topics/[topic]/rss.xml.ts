import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, type TopicEntry } from '../../../content.ts';
import { feedKey, rssResponse, sectionFeed } from '../../../feeds/rss.ts';
import { paths } from '../../../lib/paths.ts';
import { t } from '../../../i18n/site-words.ts';

export const getStaticPaths = (async () => {
  const { topics, byTopic, settings } = await getNewsroom();
  return topics.map((topic) => ({
    params: { topic: topic.id },
    props: { topic },
    cacheKey: feedKey(settings, sectionFeed(byTopic.get(topic.id) ?? []), topic.id, topic.data),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: TopicEntry }> = async ({ props: { topic } }) => {
  const { settings, byTopic } = await getNewsroom();
  return rssResponse({
    settings,
    title: t('feeds.title', { section: topic.data.name, site: settings.name }),
    description: topic.data.description || t('feeds.topicDescription', { topic: topic.data.name, site: settings.name }),
    self: paths.topicRss(topic.id),
    articles: sectionFeed(byTopic.get(topic.id) ?? []),
  });
};
