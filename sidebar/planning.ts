// Planning in the sidebar: the solve runs here, in the user's browser, against the published plan
// when there is one. With several processor cores it runs a portfolio of searches, one per core, each
// in a Web Worker started from this script's own text, and keeps the best plan (the same for the same
// Iterations and number of searches); where workers cannot start, one search runs on this page, in
// small steps so progress shows. The last plan is kept for the other panels while the workbook has
// not changed.

import { portfolioWinner } from '../src/schedule/portfolio';
import { type BoundedResult, withBound } from '../src/schedule/schedule';
import { type FromPlanner, panelPlanner, STEP, type ToPlanner } from './planner-worker';
import type { Progress } from './ui';
import type { LoadedWorkbook } from './workbook';

/** Searches at most, whatever the number of cores. */
const MAX_SEARCHES = 8;
/** How long a worker may take to start before planning falls back to this page (a safety cap only). */
const START_TIMEOUT_MS = 5000;

/** This script's text, to start workers from; read while it first runs (there is no document in a worker). */
const ownSource = typeof document === 'undefined' ? undefined : (document.currentScript?.textContent ?? undefined);

/** A plan as the panels get it: with its lower bound, and how many searches ran at once. */
export type PanelPlan = BoundedResult & { searches: number };

let last: { key: string; result: PanelPlan } | undefined;

function keyOf(workbook: LoadedWorkbook, includeProposals: boolean): string {
  return `${includeProposals}|${JSON.stringify(workbook.snapshot.sheets)}|${JSON.stringify(workbook.snapshot.baseline ?? null)}`;
}

/** How many searches the Plan panel runs at once: one per core. */
export function searchCount(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_SEARCHES, cores));
}

export async function planWorkbook(workbook: LoadedWorkbook, includeProposals: boolean, progress: Progress): Promise<PanelPlan> {
  const key = keyOf(workbook, includeProposals);
  if (last?.key === key) return last.result;
  await progress.set(0, 'Planning…');
  const count = searchCount();
  const result =
    (count > 1 ? await planInWorkers(workbook, includeProposals, count, progress) : undefined) ??
    (await planHere(workbook, includeProposals, progress));
  last = { key, result };
  return result;
}

async function planHere(workbook: LoadedWorkbook, includeProposals: boolean, progress: Progress): Promise<PanelPlan> {
  const planner = panelPlanner(workbook, includeProposals, 0);
  while (!planner.step(STEP)) await progress.set(planner.progress, searching(planner.progress, 1));
  await progress.set(1, 'Explaining each choice…');
  return { ...withBound(planner, planner.result()), searches: 1 };
}

function searching(share: number, searches: number): string {
  return `Searching for a better plan${searches > 1 ? ` (${searches} searches at once)` : ''}… ${Math.round(share * 100)}%`;
}

/** A worker's messages as promises: each `next` resolves with the first message the test accepts. */
class Channel {
  private waiting?: { accept: (m: FromPlanner) => boolean; resolve: (m: FromPlanner) => void; reject: (e: Error) => void };

  constructor(
    readonly worker: Worker,
    private readonly onProgress: (share: number) => void,
  ) {
    worker.onmessage = (event: MessageEvent<FromPlanner>) => {
      const message = event.data;
      if (message.kind === 'progress') this.onProgress(message.share);
      else if (message.kind === 'failed') this.fail(new Error(message.message));
      else if (this.waiting?.accept(message)) {
        this.waiting.resolve(message);
        this.waiting = undefined;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'the planner worker stopped'));
    };
  }

  private fail(error: Error): void {
    this.waiting?.reject(error);
    this.waiting = undefined;
  }

  next<K extends FromPlanner['kind']>(kind: K, send?: ToPlanner, timeoutMs?: number): Promise<Extract<FromPlanner, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const timer =
        timeoutMs === undefined ? undefined : setTimeout(() => this.fail(new Error('the planner worker did not start')), timeoutMs);
      this.waiting = {
        accept: (m) => m.kind === kind,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<FromPlanner, { kind: K }>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      if (send) this.worker.postMessage(send);
    });
  }
}

/** Workers started from this script's text, or undefined where the page may not start them. */
function startWorkers(count: number): { workers: Worker[]; url: string } | undefined {
  if (!ownSource || typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL === 'undefined') return undefined;
  const workers: Worker[] = [];
  try {
    const url = URL.createObjectURL(new Blob([ownSource], { type: 'text/javascript' }));
    for (let k = 0; k < count; k++) workers.push(new Worker(url));
    return { workers, url };
  } catch {
    for (const worker of workers) worker.terminate();
    return undefined;
  }
}

/** The portfolio: one search per worker, the best committed plan kept and explained by its worker. */
async function planInWorkers(
  workbook: LoadedWorkbook,
  includeProposals: boolean,
  count: number,
  progress: Progress,
): Promise<PanelPlan | undefined> {
  const started = startWorkers(count);
  if (!started) return undefined;
  const { workers, url } = started;
  const shares = new Array<number>(count).fill(0);
  const report = () => {
    const share = Math.min(...shares);
    void progress.set(share, searching(share, count));
  };
  const channels = workers.map(
    (worker, k) =>
      new Channel(worker, (share) => {
        shares[k] = share;
        report();
      }),
  );
  try {
    await Promise.all(channels.map((c) => c.next('ready', undefined, START_TIMEOUT_MS)));
    URL.revokeObjectURL(url);
    const searched = await Promise.all(
      channels.map((c, k) => c.next('searched', { kind: 'plan', snapshot: workbook.snapshot, includeProposals, search: k })),
    );
    await progress.set(1, 'Explaining each choice…');
    const kept = portfolioWinner(searched.map((s) => s.committed));
    const { result } = await channels[kept].next('result', { kind: 'explain' });
    return { ...result, searches: count };
  } catch {
    return undefined;
  } finally {
    for (const worker of workers) worker.terminate();
  }
}
