import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build.ts';
import { repoRoot, SAMPLE_ENV, sampleSiteDir } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSiteDir: string;
  }
}

/**
 * Builds the sample site once for every browser and output test. Set
 * BROADSHEET_TEST_REUSE_BUILD=1 to skip the build when one is already there.
 */
export default async function setup(project: TestProject) {
  const reuse = process.env['BROADSHEET_TEST_REUSE_BUILD'] === '1' && fs.existsSync(path.join(sampleSiteDir, 'index.html'));
  if (!reuse) {
    fs.rmSync(sampleSiteDir, { recursive: true, force: true });
    const result = await buildSite({
      contentDir: path.join(repoRoot, 'content'),
      outDir: sampleSiteDir,
      // Small search shards and listing pages, so the browser tests search and page through the sample as through a large archive.
      env: SAMPLE_ENV,
    });
    if (result.code !== 0) throw new Error(`The sample site did not build:\n${result.output}`);
  }
  project.provide('sampleSiteDir', sampleSiteDir);
}
