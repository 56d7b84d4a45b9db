import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedTitle, FORMAT_IDS, FORMATS, formatLabel, formatName, isSponsored } from '../../src/lib/formats.ts';
import { translator, type Dictionary } from '../../src/i18n/translate.ts';

const t = translator(JSON.parse(fs.readFileSync('src/i18n/languages/en.json', 'utf8')) as Dictionary, 'en-GB');

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

  it('labels everything but plain news, in the dictionary’s words', () => {
    expect(formatLabel('news', t)).toBeUndefined();
    expect(formatLabel('opinion', t)).toBe('Opinion');
    expect(formatLabel('sponsored', t)).toBe('Sponsored');
  });

  it('names every format for the search filter, plain news included', () => {
    expect(formatName('news', t)).toBe('News');
    // Every format has its name in the dictionary.
    for (const format of FORMAT_IDS) expect(formatName(format, t)).toMatch(/^[A-Z][a-z]+$/);
  });

  it('says "Sponsored" before a paid headline in feeds, and nothing before others', () => {
    expect(isSponsored('sponsored')).toBe(true);
    expect(feedTitle('Heat pumps', 'sponsored', t)).toBe('Sponsored: Heat pumps');
    expect(feedTitle('Heat pumps', 'analysis', t)).toBe('Heat pumps');
  });
});
