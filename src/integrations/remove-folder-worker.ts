/** Deletes the last build's output on a thread of its own, so the build goes on meanwhile (see `restore-pages.ts`). */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { folder } = workerData as { folder: string };
fs.rmSync(folder, { recursive: true, force: true });
parentPort!.postMessage(true);
