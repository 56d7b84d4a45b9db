// @ts-check
/**
 * The site's own configuration with one change: Astro's cache (content store,
 * optimised images) goes to BROADSHEET_BENCH_CACHE_DIR, so a benchmark can
 * start truly cold without wiping the cache that everyday builds share in
 * node_modules/.astro.
 */
import config from '../astro.config.mjs';

const cacheDir = process.env['BROADSHEET_BENCH_CACHE_DIR'];
if (!cacheDir) throw new Error('BROADSHEET_BENCH_CACHE_DIR is not set: run the benchmark through bench/run.ts');

export default { ...config, cacheDir };
