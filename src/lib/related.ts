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

/** Where the part of a newest-first list of `length` nearest to position `index`, at most `size` long, starts. */
export function windowStart(length: number, index: number, size: number): number {
  return Math.max(0, Math.min(index - Math.floor(size / 2), length - size));
}

/**
 * Related articles for every article at once: the `count` sharing the most
 * topics and tags (a tie goes to the one published nearer in time, then to
 * the newer), listed newest first, never the article itself. `articles` must
 * be sorted newest first.
 */
export function relatedArticles<T extends Relatable>(articles: readonly T[], count = 4): Map<string, T[]> {
  // Articles are handled by their position in `articles` (newest first), which is also the tie-break order.
  const byKey = new Map<string, number[]>();
  /** For each article, its keys with their weights and its position in each key's list. */
  const keysOf = articles.map(() => [] as { list: number[]; at: number; weight: number }[]);
  const add = (key: string, index: number, weight: number) => {
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    keysOf[index]!.push({ list, at: list.length, weight });
    list.push(index);
  };
  articles.forEach((article, index) => {
    article.topicIds.forEach((topic, place) => add(`topic:${topic}`, index, TOPIC_WEIGHT + (place === 0 ? PRIMARY_TOPIC_BONUS : 0)));
    for (const tag of new Set(article.tags.map((tag) => tag.toLowerCase()))) add(`tag:${tag}`, index, TAG_WEIGHT);
  });

  const result = new Map<string, T[]>();
  // Scores by position, reset after each article: at 10,000 articles a Map and a full sort per article cost a third of a second.
  const scores = new Int32Array(articles.length);
  const touched: number[] = [];
  articles.forEach((article, here) => {
    for (const { list, at, weight } of keysOf[here]!) {
      // One more than wanted, as the article itself is in its own window.
      const start = windowStart(list.length, at, CANDIDATES_PER_KEY + 1);
      const end = Math.min(list.length, start + CANDIDATES_PER_KEY + 1);
      for (let place = start; place < end; place++) {
        const other = list[place]!;
        if (other === here) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + weight;
      }
    }
    /** Negative when `a` ranks before `b`: more shared, then nearer in time, then newer. */
    const rank = (a: number, b: number) => scores[b]! - scores[a]! || Math.abs(a - here) - Math.abs(b - here) || a - b;
    const best: number[] = [];
    for (const other of touched) {
      if (best.length === count && rank(other, best[count - 1]!) >= 0) continue;
      if (best.length === count) best.pop();
      let place = best.length;
      while (place > 0 && rank(other, best[place - 1]!) < 0) place--;
      best.splice(place, 0, other);
    }
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    result.set(
      article.id,
      best.sort((a, b) => a - b).map((other) => articles[other]!),
    );
  });
  return result;
}
