import { defineConfig } from 'vitest/config';

/** Incremental builds compared with clean ones: a scripted sequence of publishes, and every field of the content schema in turn. */
const REBUILD_PROOFS = ['tests/e2e/incremental.test.ts', 'tests/e2e/schema-sweep.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: REBUILD_PROOFS,
          globalSetup: ['tests/support/global-setup.ts'],
          // Builds and browsers share two cores: one file at a time keeps timings sane.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Its own command (`npm run test:rebuild`, which CI also runs): some 150 builds, sixteen minutes here.
        test: {
          name: 'rebuild',
          include: REBUILD_PROOFS,
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Its own command (`npm run test:languages`, which CI also runs): the sample built in German, in Arabic, and in English and German at once.
        test: {
          name: 'languages',
          include: ['tests/languages/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
