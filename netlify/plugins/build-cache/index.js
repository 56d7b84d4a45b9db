/**
 * Netlify build plugin: restores the build cache before the build and saves
 * it after a successful one, so a publish takes the incremental path.
 * "Clear cache and deploy site" in Netlify's UI gives a clean build.
 */
export const CACHED = ['node_modules/.astro'];

export async function onPreBuild({ utils }) {
  for (const path of CACHED) await utils.cache.restore(path);
}

export async function onPostBuild({ utils }) {
  for (const path of CACHED) await utils.cache.save(path);
}
