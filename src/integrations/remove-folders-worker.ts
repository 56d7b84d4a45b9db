/** Deletes the last build's output on a thread of its own, so the build goes on meanwhile (see `restore-pages.ts`). */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { folders } = workerData as { folders: string[] };
for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
parentPort!.postMessage(true);
