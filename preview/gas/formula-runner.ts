// The preview server's side of formula-worker.ts: one worker thread per workbook, started on the first
// formula, given one formula at a time; a worker that dies answers with its error and is started again.

import { Worker } from 'node:worker_threads';
import type { FormulaJob } from './formulas';

export interface FormulaReply {
  answer?: unknown;
  error?: string;
}

export class FormulaRunner {
  private worker?: Worker;
  private queue: Promise<unknown> = Promise.resolve();

  /** `script`: the built worker (dist-preview/formula-worker.mjs); `code`: the built add-on; `now`: its stopped clock. */
  constructor(
    private readonly script: string,
    private readonly code: string,
    private readonly now?: Date,
  ) {}

  compute(job: FormulaJob): Promise<FormulaReply> {
    const next = this.queue.then(() => this.run(job));
    this.queue = next;
    return next;
  }

  private run(job: FormulaJob): Promise<FormulaReply> {
    const worker = this.start();
    return new Promise((resolve) => {
      const done = (reply: FormulaReply) => {
        worker.off('message', done);
        worker.off('error', failed);
        resolve(reply);
      };
      const failed = (error: Error) => {
        this.close();
        done({ error: error.message });
      };
      worker.on('message', done);
      worker.on('error', failed);
      worker.postMessage(job);
    });
  }

  private start(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.script, { workerData: { code: this.code, now: this.now?.getTime() } });
      // An idle worker never keeps the process alive.
      this.worker.unref();
    }
    return this.worker;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
