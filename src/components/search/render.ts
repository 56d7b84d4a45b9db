/** DOM for results and facet options, built from text nodes only: index data never becomes markup. */
import { formatDate, type DateContext } from '../../lib/dates.ts';
import type { Translate } from '../../i18n/translate.ts';
import { excerptParts } from '../../lib/search-excerpt.ts';
import type { Facet } from '../../lib/search-state.ts';
import type { PagefindResultData } from './pagefind.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function resultItem(data: PagefindResultData, dates: DateContext): HTMLLIElement {
  const { meta } = data;
  const item = element('li', 'result');
  const article = element('article');
  const text = element('div', 'text');
  // The format leads the kicker ("Sponsored · World"), so paid content is labelled in results too.
  const kicker = [meta['label'], meta['topic']].filter(Boolean).join(' · ');
  if (kicker) text.append(element('p', 'kicker', kicker));

  const heading = element('h3', 'title');
  const link = element('a', undefined, meta['title'] ?? data.url);
  link.href = data.url;
  heading.append(link);
  text.append(heading);

  const excerpt = element('p', 'excerpt');
  for (const part of excerptParts(data.excerpt)) {
    excerpt.append(part.marked ? element('mark', undefined, part.text) : document.createTextNode(part.text));
  }
  text.append(excerpt);

  const details = element('p', 'meta');
  const date = meta['date'] ? new Date(meta['date']) : undefined;
  if (date && !Number.isNaN(date.getTime())) {
    const time = element('time', undefined, formatDate(date, dates));
    time.dateTime = date.toISOString();
    details.append(time);
  }
  if (meta['authors']) {
    if (details.childNodes.length > 0) {
      const separator = element('span', 'separator', ' · ');
      separator.setAttribute('aria-hidden', 'true');
      details.append(separator);
    }
    details.append(element('span', undefined, meta['authors']));
  }
  text.append(details);
  article.append(text);

  if (meta['image']) {
    // Decorative: the headline beside it says what the story is.
    const image = element('img', 'thumb');
    image.src = meta['image'];
    image.alt = '';
    image.loading = 'lazy';
    image.decoding = 'async';
    article.append(image);
  }
  item.append(article);
  return item;
}

export interface FacetOption {
  value: string;
  /** Unknown for a year the search has not covered yet. */
  count: number | undefined;
  checked: boolean;
}

export function facetOption(facet: Facet, option: FacetOption, t: Translate): HTMLLIElement {
  const item = element('li');
  const label = element('label');
  const input = element('input');
  input.type = 'checkbox';
  input.name = facet;
  input.value = option.value;
  input.checked = option.checked;
  label.append(input, element('span', 'value', option.value));
  if (option.count !== undefined) label.append(element('span', 'count', t('search.facetCount', { count: option.count })));
  item.append(label);
  return item;
}
