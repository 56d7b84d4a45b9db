/** Links the last build's pages on a thread of its own, so the bundler goes on meanwhile (see `restore-pages.ts`). */
import { parentPort, workerData } from 'node:worker_threads';
import { linkPages } from './restore-pages.ts';

const { from, to, files, byName } = workerData as { from: string; to: string; files: string[]; byName: boolean };
parentPort!.postMessage(linkPages(from, to, files, byName));
