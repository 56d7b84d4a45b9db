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
 * Candidates looked at per shared topic or tag: the articles published
 * nearest in time to this one (half before, half after, fewer at either end
 * of the list). This bounds the work per article, keeping the pass linear,
 * and keeps the choice local: stories from the same weeks relate best, and a
 * new article changes the related stories of recent articles only, not of
 * the whole archive (which would make every publish re-render it).
 */
const CANDIDATES_PER_KEY = 60;

/** The part of a newest-first list nearest to position `index`, at most `size` long. */
export function window<T>(list: readonly T[], index: number, size: number): readonly T[] {
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), list.length - size));
  return list.slice(start, start + size);
}

/**
 * Related articles for every article at once: the `count` sharing the most
 * topics and tags (a tie goes to the one published nearer in time, then to
 * the newer), listed newest first, never the article itself. `articles` must
 * be sorted newest first.
 */
export function relatedArticles<T extends Relatable>(articles: readonly T[], count = 4): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  /** Each article's position in each of its lists. */
  const positions = new Map<string, number>();
  const add = (key: string, article: T) => {
    const list = byKey.get(key) ?? [];
    positions.set(`${key}\0${article.id}`, list.length);
    list.push(article);
    byKey.set(key, list);
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
      const index = positions.get(`${key}\0${article.id}`) ?? 0;
      // One more than wanted, as the article itself is in its own window.
      for (const other of window(list, index, CANDIDATES_PER_KEY + 1)) {
        if (other.id === article.id) continue;
        scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    };
    article.topicIds.forEach((topic, index) =>
      score(`topic:${topic}`, TOPIC_WEIGHT + (index === 0 ? PRIMARY_TOPIC_BONUS : 0)),
    );
    for (const tag of new Set(article.tags)) score(`tag:${tag.toLowerCase()}`, TAG_WEIGHT);
    const here = order.get(article.id)!;
    const distance = (other: T) => Math.abs(order.get(other.id)! - here);
    const ranked = [...scores.entries()]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b) || order.get(a.id)! - order.get(b.id)!)
      .slice(0, count)
      .map(([other]) => other)
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    result.set(article.id, ranked);
  }
  return result;
}
