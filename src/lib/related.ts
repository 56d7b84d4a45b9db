/** What the related-articles ranking needs to know about an article. */
export interface Relatable {
  id: string;
  topicIds: readonly string[];
  tags: readonly string[];
  publishedAt: Date;
}

const TOPIC_WEIGHT = 2;
const PRIMARY_TOPIC_BONUS = 1;
const TAG_WEIGHT = 1;
/**
 * Candidates looked at per shared topic or tag. Lists are newest first, so
 * this bounds the work per article and keeps the whole pass linear in the
 * number of articles, at the cost of ignoring very old matches.
 */
const CANDIDATES_PER_KEY = 60;

/**
 * Related articles for every article at once: the `count` sharing the most
 * topics and tags (newer wins a tie), listed newest first, never the article
 * itself. `articles` must be sorted newest first.
 */
export function relatedArticles<T extends Relatable>(articles: readonly T[], count = 4): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  const add = (key: string, article: T) => {
    const list = byKey.get(key);
    if (list) list.push(article);
    else byKey.set(key, [article]);
  };
  for (const article of articles) {
    for (const topic of article.topicIds) add(`topic:${topic}`, article);
    for (const tag of new Set(article.tags)) add(`tag:${tag.toLowerCase()}`, article);
  }

  const order = new Map(articles.map((article, index) => [article.id, index]));
  const result = new Map<string, T[]>();
  for (const article of articles) {
    const scores = new Map<T, number>();
    const score = (key: string, weight: number) => {
      const list = byKey.get(key) ?? [];
      let taken = 0;
      for (const other of list) {
        if (taken >= CANDIDATES_PER_KEY) break;
        if (other.id === article.id) continue;
        taken++;
        scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    };
    article.topicIds.forEach((topic, index) =>
      score(`topic:${topic}`, TOPIC_WEIGHT + (index === 0 ? PRIMARY_TOPIC_BONUS : 0)),
    );
    for (const tag of new Set(article.tags)) score(`tag:${tag.toLowerCase()}`, TAG_WEIGHT);
    const ranked = [...scores.entries()]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || order.get(a.id)! - order.get(b.id)!)
      .slice(0, count)
      .map(([other]) => other)
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    result.set(article.id, ranked);
  }
  return result;
}
