/**
 * WordPress categories become topics, one each, with their names and
 * descriptions. A nested category is a topic of its own, and an article in
 * it is also filed under every category above it, child first: a post in
 * World › Europe gets the topics `europe, world`, so its kicker says Europe
 * and the World page lists it too. The primary topic is the category an SEO
 * plugin marked primary (Yoast, Rank Math), else the post's first category.
 * A post without a category is filed under "Uncategorized", as WordPress did.
 */
import type { TopicInput } from '../../content/schema.ts';
import { isSlug, slugify } from '../../lib/slug.ts';
import { decodeEntities } from './text.ts';
import type { WxrCategory, WxrItem } from './wxr.ts';

export interface PlannedTopic {
  id: string;
  nicename: string;
  /** The category's address on the old site below `/category/`: its ancestors' nicenames, then its own. */
  path: string[];
  file: TopicInput;
}

export const UNCATEGORIZED = 'uncategorized';
/** Postmeta keys where SEO plugins keep a post's primary category (a term ID). */
const PRIMARY_CATEGORY_KEYS = ['_yoast_wpseo_primary_category', 'rank_math_primary_category'];
/** Topics in the header navigation of a publication the import creates. */
export const NAVIGATION_SIZE = 6;
/** An ancestor chain longer than this is a loop in the export's parent fields. */
const MAX_DEPTH = 20;

export class TopicPlanner {
  private readonly categories = new Map<string, WxrCategory>();
  private readonly byTermId = new Map<string, string>();
  private readonly planned = new Map<string, PlannedTopic>();
  private readonly ids = new Set<string>();

  constructor(categories: readonly WxrCategory[]) {
    for (const category of categories) {
      this.categories.set(category.nicename, category);
      if (category.termId) this.byTermId.set(category.termId, category.nicename);
    }
  }

  /** The category and its ancestors, nearest first. */
  private lineage(nicename: string): string[] {
    const chain: string[] = [];
    for (let current: string | undefined = nicename; current && !chain.includes(current) && chain.length < MAX_DEPTH; current = this.categories.get(current)?.parent) {
      chain.push(current);
    }
    return chain;
  }

  /** The topic for a category nicename; `name` names one the channel does not list. */
  topic(nicename: string, name = nicename): PlannedTopic {
    const known = this.planned.get(nicename);
    if (known) return known;
    const category = this.categories.get(nicename);
    let decoded = nicename;
    try {
      decoded = decodeURIComponent(nicename);
    } catch {
      // A malformed escape: the nicename as written.
    }
    const wanted = isSlug(decoded) ? decoded : slugify(decoded) || slugify(decodeEntities(category?.name ?? name)) || `topic-${category?.termId || this.planned.size + 1}`;
    let id = wanted;
    for (let number = 2; this.ids.has(id); number += 1) id = `${wanted}-${number}`;
    this.ids.add(id);
    const file: TopicInput = { name: decodeEntities(category?.name || name).trim() || id };
    const description = decodeEntities(category?.description ?? '').trim();
    if (description) file.description = description;
    const topic: PlannedTopic = { id, nicename, path: this.lineage(nicename).reverse(), file };
    this.planned.set(nicename, topic);
    return topic;
  }

  /** A post's topics: its categories, primary first, each followed by those above it. */
  topicsOf(item: WxrItem): PlannedTopic[] {
    const terms = item.terms.filter((term) => term.domain === 'category' && term.nicename);
    const names = new Map(terms.map((term) => [term.nicename, term.name]));
    const order = terms.map((term) => term.nicename);
    const primaryId = PRIMARY_CATEGORY_KEYS.map((key) => item.meta.get(key)?.trim()).find(Boolean);
    const primary = primaryId ? this.byTermId.get(primaryId) : undefined;
    if (primary && order.includes(primary)) order.unshift(...order.splice(order.indexOf(primary), 1));
    if (order.length === 0) order.push(UNCATEGORIZED);
    const nicenames = [...new Set(order.flatMap((nicename) => this.lineage(nicename)))];
    return nicenames.map((nicename) => this.topic(nicename, names.get(nicename) ?? (nicename === UNCATEGORIZED ? 'Uncategorized' : nicename)));
  }

  all(): PlannedTopic[] {
    return [...this.planned.values()];
  }
}

/** The topics with the most articles, for the navigation of a new publication; "Uncategorized" is not one of them. */
export function largestTopics(counts: ReadonlyMap<string, number>, names: ReadonlyMap<string, string>): string[] {
  return [...counts]
    .filter(([id]) => id !== UNCATEGORIZED)
    .sort(([a, countA], [b, countB]) => countB - countA || (names.get(a) ?? a).localeCompare(names.get(b) ?? b))
    .slice(0, NAVIGATION_SIZE)
    .map(([id]) => id);
}
