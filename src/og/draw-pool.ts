/**
 * Worker threads that draw a list of OG cards (`draw-worker.ts`), pulling from
 * one queue. The pool can start small and grow: one thread draws while Astro
 * renders pages on the main thread, which leaves the other core idle, and the
 * rest join once the pages are done.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DrawRequest, DrawResult } from './draw-worker.ts';
import type { PlannedCard } from './plan.ts';

export interface CardJob {
  planned: PlannedCard;
  /** The card's file in the card cache. */
  file: string;
}

export class DrawPool {
  readonly #script: string;
  readonly #jobs: CardJob[];
  #next = 0;
  #drawn = 0;
  #failure: Error | undefined;
  #stopping = false;
  readonly #workers: Worker[] = [];
  readonly #running: Promise<void>[] = [];

  constructor(root: string, jobs: CardJob[]) {
    this.#script = path.join(root, 'src/og/draw-worker.ts');
    this.#jobs = jobs;
  }

  /** Cards drawn so far. */
  get drawn(): number {
    return this.#drawn;
  }

  /** Adds threads until `threads` are drawing, or one per card left, whichever is fewer. */
  grow(threads: number): void {
    while (!this.#failure && this.#workers.length < Math.min(threads, this.#jobs.length - this.#next)) this.#spawn();
  }

  /** Resolves when every card is drawn, with every thread stopped; rejects with the first card that failed. */
  async finish(threads: number): Promise<void> {
    for (const worker of this.#workers) worker.ref();
    this.grow(threads);
    try {
      await Promise.all(this.#running);
    } finally {
      await this.#terminate();
    }
    if (this.#failure) throw this.#failure;
  }

  async #terminate(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #spawn(): void {
    const worker = new Worker(this.#script);
    // Until `finish`, a thread must not keep a failed build's process alive.
    worker.unref();
    this.#workers.push(worker);
    const running = new Promise<void>((resolve) => {
      const fail = (error: Error) => {
        this.#failure ??= error;
        resolve();
      };
      const send = () => {
        if (this.#failure || this.#next >= this.#jobs.length) return resolve();
        const id = this.#next++;
        const { planned, file } = this.#jobs[id]!;
        worker.postMessage({ id, card: planned.card, file } satisfies DrawRequest);
      };
      worker.on('message', (result: DrawResult) => {
        if (result.error) fail(new Error(`OG card ${this.#jobs[result.id]!.planned.path} could not be drawn: ${result.error}`));
        else {
          this.#drawn++;
          send();
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => this.#stopping || fail(new Error(`An OG card thread stopped early (exit code ${code})`)));
      send();
    });
    this.#running.push(running);
  }
}
