import { defineConfig } from 'vitest/config';

/** Every publish in a scripted sequence, each incremental build compared with a clean one. */
const REBUILD_PROOF = 'tests/e2e/incremental.test.ts';

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
          exclude: [REBUILD_PROOF],
          globalSetup: ['tests/support/global-setup.ts'],
          // Builds and browsers share two cores: one file at a time keeps timings sane.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Its own command (`npm run test:rebuild`, which CI also runs): some twenty builds, two and a half minutes here.
        test: {
          name: 'rebuild',
          include: [REBUILD_PROOF],
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
