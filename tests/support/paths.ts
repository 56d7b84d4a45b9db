import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch space for builds and copies made by tests; ignored by git. */
export const testOutput = path.join(repoRoot, '.test-output');
/** The fixed "now" for the sample site build, so scheduled articles stay scheduled. */
export const SAMPLE_NOW = '2026-11-29T12:00:00Z';
/** Where global setup builds the sample site. */
export const sampleSiteDir = path.join(testOutput, 'sample-site');
