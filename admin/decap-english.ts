/**
 * Stands in for `decap-cms-locales` in the CMS bundle (see
 * `src/integrations/admin-bundle.ts`): decap-cms-app registers every
 * translation that package exports, which would put all of them in the bundle.
 * English is Decap's default; the publication's language is loaded as a chunk
 * of its own (`decap-locale.ts`).
 */
export { default as en } from 'decap-cms-locales/dist/esm/en/index.js';
