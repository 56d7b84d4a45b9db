import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch space for builds and copies made by tests; ignored by git. */
export const testOutput = path.join(repoRoot, '.test-output');
/** The fixed "now" for the sample site build, so scheduled articles stay scheduled. */
export const SAMPLE_NOW = '2026-11-29T12:00:00Z';
/** Search shard size for the sample site: its 2026 splits into months. */
export const SAMPLE_SHARD_PAGES = 10;
/** Articles a first search covers on the sample site: its newest shards, so that older ones are searched only when asked for. */
export const SAMPLE_FIRST_PAGES = 10;
/** Articles a month's archive page lists before it lists days instead: the sample's November is that full. */
export const SAMPLE_ARCHIVE_MONTH_ARTICLES = 10;
/** Articles per archived listing page for the sample site: its topics run to several pages, as a large archive's do. */
export const SAMPLE_PAGE_SIZE = 5;
/** The environment of every build of the sample content: its "now", and its small shards and listing pages. */
export const SAMPLE_ENV = {
  BROADSHEET_NOW: SAMPLE_NOW,
  BROADSHEET_SEARCH_SHARD_PAGES: String(SAMPLE_SHARD_PAGES),
  BROADSHEET_PAGE_SIZE: String(SAMPLE_PAGE_SIZE),
  BROADSHEET_SEARCH_FIRST_PAGES: String(SAMPLE_FIRST_PAGES),
  BROADSHEET_ARCHIVE_MONTH_ARTICLES: String(SAMPLE_ARCHIVE_MONTH_ARTICLES),
};
/** Where global setup builds the sample site. */
export const sampleSiteDir = path.join(testOutput, 'sample-site');
