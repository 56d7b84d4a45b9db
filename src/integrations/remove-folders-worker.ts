/** Deletes the last build's output on a thread of its own, so the build goes on meanwhile (see `restore-pages.ts`). */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { folders } = workerData as { folders: string[] };
for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
// The folder that held them goes too, unless another build has moved its own output there meanwhile.
const aside = folders[0] === undefined ? undefined : path.dirname(folders[0]);
try {
  if (aside) fs.rmdirSync(aside);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOTEMPTY' && code !== 'ENOENT') throw error;
}
parentPort!.postMessage(true);
