/** The content check on a thread of its own, for the dev server (see `validate-content.ts`). */
import { parentPort, workerData } from 'node:worker_threads';
import { problemSummary, validateContent } from '../content/validate.ts';

const { contentDir } = workerData as { contentDir: string };
const { problems, articleCount } = validateContent(contentDir);
parentPort!.postMessage({ articleCount, summary: problemSummary(problems) });
