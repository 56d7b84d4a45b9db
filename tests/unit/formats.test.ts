import { describe, expect, it } from 'vitest';
import { feedTitle, FORMAT_IDS, FORMATS, formatLabel, isSponsored } from '../../src/lib/formats.ts';

describe('article formats', () => {
  it('offers the ten formats a newsroom runs, news first', () => {
    expect(FORMAT_IDS).toEqual(['news', 'analysis', 'opinion', 'explainer', 'interview', 'review', 'obituary', 'editorial', 'letter', 'sponsored']);
  });

  it('maps each format to its schema.org type', () => {
    expect(FORMATS.opinion.schemaType).toBe('OpinionNewsArticle');
    expect(FORMATS.editorial.schemaType).toBe('OpinionNewsArticle');
    expect(FORMATS.analysis.schemaType).toBe('AnalysisNewsArticle');
    expect(FORMATS.explainer.schemaType).toBe('BackgroundNewsArticle');
    expect(FORMATS.review.schemaType).toBe('ReviewNewsArticle');
    expect(FORMATS.sponsored.schemaType).toBe('AdvertiserContentArticle');
    expect(FORMATS.news.schemaType).toBe('NewsArticle');
  });

  it('labels everything but plain news', () => {
    expect(formatLabel('news')).toBeUndefined();
    expect(formatLabel('opinion')).toBe('Opinion');
    expect(formatLabel('sponsored')).toBe('Sponsored');
  });

  it('says "Sponsored" before a paid headline in feeds, and nothing before others', () => {
    expect(isSponsored('sponsored')).toBe(true);
    expect(feedTitle('Heat pumps', 'sponsored')).toBe('Sponsored: Heat pumps');
    expect(feedTitle('Heat pumps', 'analysis')).toBe('Heat pumps');
  });
});
