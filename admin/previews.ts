/**
 * Editor previews drawn with the site's own classes and stylesheet, so an
 * article looks in the CMS as it will on the page: kicker, headline, dek,
 * byline, hero and body, in the article page's own words.
 */
import { createElement as h, useEffect, useState, type ReactNode } from 'react';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import type { ImmutableLike } from './widgets.ts';
import { formatDateTime } from '../src/lib/dates.ts';
import type { Translate } from '../src/i18n/translate.ts';

export interface SiteContext {
  locale: string;
  timeZone: string;
}

/** Entry data arrives as Immutable maps in the editor and as plain objects from `getCollection`. */
function read(data: unknown, key: string): unknown {
  if (data === null || typeof data !== 'object') return undefined;
  const map = data as Partial<ImmutableLike> & Record<string, unknown>;
  return typeof map.get === 'function' ? map.get(key) : map[key];
}

function text(data: unknown, key: string): string {
  const value = read(data, key);
  return typeof value === 'string' ? value : '';
}

function ids(data: unknown, key: string): string[] {
  const value = read(data, key);
  const list = value && typeof value === 'object' && 'toArray' in value ? (value as { toArray(): unknown[] }).toArray() : value;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** Names of the entries of a collection by id, loaded once per preview. */
function useNames(getCollection: PreviewTemplateComponentProps['getCollection'], collection: string): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    let current = true;
    getCollection(collection).then((entries) => {
      if (!current) return;
      setNames(new Map(entries.map((entry) => [String(entry.get('slug')), text(entry.get('data'), 'name')])));
    });
    return () => {
      current = false;
    };
  }, [getCollection, collection]);
  return names;
}

/** The site's own formatting, so the preview shows the date exactly as the article page will. */
function previewDateTime(value: string, site: SiteContext): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : formatDateTime(date, site);
}

function assetUrl(getAsset: PreviewTemplateComponentProps['getAsset'], path: string): string {
  return path ? String(getAsset(path)) : '';
}

export function articlePreview(site: SiteContext, t: Translate) {
  const names = new Intl.ListFormat(site.locale, { type: 'conjunction' });
  return function ArticlePreview({ entry, getAsset, getCollection, widgetFor }: PreviewTemplateComponentProps): ReactNode {
    const data = entry.get('data');
    const authorNames = useNames(getCollection, 'authors');
    const topicNames = useNames(getCollection, 'topics');
    const authors = ids(data, 'authors').map((id) => authorNames.get(id) ?? id);
    const primaryTopic = ids(data, 'topics')[0];
    const image = read(data, 'image');
    const src = text(image, 'src');
    const publishedAt = previewDateTime(text(data, 'publishedAt'), site);
    const caption = [text(image, 'caption'), text(image, 'credit')].filter(Boolean);

    return h(
      'article',
      { className: 'article' },
      h(
        'header',
        { className: 'container head' },
        read(data, 'draft') === true ? h('p', { className: 'status' }, t('article.status.draftNotice')) : null,
        primaryTopic ? h('span', { className: 'kicker' }, topicNames.get(primaryTopic) ?? primaryTopic) : null,
        h('h1', null, text(data, 'title')),
        h('p', { className: 'dek' }, text(data, 'description')),
        h(
          'div',
          { className: 'byline-row' },
          authors.length ? h('p', { className: 'byline' }, t('article.byline', { names: names.format(authors) })) : null,
          publishedAt ? h('p', { className: 'meta' }, t('article.dates.published', { time: publishedAt })) : null,
        ),
      ),
      src
        ? h(
            'figure',
            { className: 'container hero' },
            h('img', { src: assetUrl(getAsset, src), alt: text(image, 'alt') }),
            caption.length ? h('figcaption', { className: 'meta' }, caption.join(' · ')) : null,
          )
        : null,
      h('div', { className: 'container layout' }, h('div', { className: 'main-column' }, h('div', { className: 'prose' }, widgetFor('body')))),
    );
  };
}

export function AuthorPreview({ entry, getAsset }: PreviewTemplateComponentProps): ReactNode {
  const data = entry.get('data');
  const avatar = text(data, 'avatar');
  const role = text(data, 'role');
  const bio = text(data, 'bio');
  return h(
    'div',
    { className: 'container layout' },
    h(
      'section',
      { className: 'author-box' },
      avatar ? h('img', { className: 'avatar', src: assetUrl(getAsset, avatar), alt: '' }) : h('span', { className: 'avatar' }),
      h(
        'div',
        null,
        h('h2', { className: 'name' }, text(data, 'name')),
        role ? h('p', { className: 'role meta' }, role) : null,
        bio ? h('p', { className: 'bio' }, bio) : null,
      ),
    ),
  );
}
