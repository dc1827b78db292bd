/**
 * Worker threads for the property loop and the bench. The scenarios of a seed are numbered in fast-check's
 * order; workers judge ranges of indices and the main thread takes the FIRST failing index in that order, so the
 * verdict, the counterexample (shrunk in the main thread from that index) and the replay line are those of a
 * single-threaded run with the same seed, whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoopBench } from './bench-loop.ts';
import { packageRoot } from './package-root.ts';
import type { FirstFailureSearch, SearchedIndex } from './property.ts';
import type { SimRunSpec } from './sim-run.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

/** The default number of worker threads: the machine's cores. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

// From the TypeScript sources a worker compiles through tsx; from the compiled CLI it loads dist/run-worker.mjs.
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./worker-bootstrap.mjs', import.meta.url)
    : pathToFileURL(join(packageRoot(), 'dist', 'run-worker.mjs'));
}

/** A pool of started worker threads; `close` ends them. */
export class WorkerPool {
  private readonly workers: Worker[];

  /** Starts `size` worker threads (they load while the caller does other work). */
  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(workerUrl()));
    // An idle pool must not keep the process alive; a thread is held only while a request waits for it.
    for (const w of this.workers) w.unref();
  }

  /** How many threads. */
  get size(): number {
    return this.workers.length;
  }

  /** Sends one request to worker `i` and waits for its reply; a worker that crashes rejects. */
  request(i: number, request: WorkerRequest): Promise<WorkerReply> {
    const worker = this.workers[i];
    if (worker === undefined) return Promise.reject(new Error(`no worker ${i}`));
    worker.ref();
    const settled = new Promise<WorkerReply>((resolve, reject) => {
      const onMessage = (reply: WorkerReply): void => {
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reply.type === 'crashed') reject(new Error(`a worker thread failed: ${reply.message}`));
        else resolve(reply);
      };
      const onError = (error: Error): void => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        reject(error);
      };
      const onExit = (code: number): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        reject(new Error(`a worker thread exited with code ${code}`));
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(request);
    });
    return settled.finally(() => {
      worker.unref();
    });
  }

  /** Ends every worker thread. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Indices per request: small enough that little is judged past a failure, large enough to keep messages rare. */
function chunkSize(numRuns: number, workers: number): number {
  return Math.max(4, Math.min(64, Math.ceil(numRuns / (workers * 8))));
}

/** The first-failure search of a sim run (runProperty's `search`), judged on the pool's threads. */
export function workerSearch(pool: WorkerPool, spec: SimRunSpec): FirstFailureSearch {
  return async (seed, numRuns, onJudged) => {
    const chunk = chunkSize(numRuns, pool.size);
    let next = 0;
    let firstFailing: number | undefined;
    let judged = 0;
    const unknowns: SearchedIndex[] = [];
    // Each thread takes the next range in index order until the ranges run out or start past a failure found:
    // every range before the first failing index is judged, so no earlier failure can be missed.
    const drive = async (i: number): Promise<void> => {
      for (;;) {
        const start = next;
        if (start >= numRuns || (firstFailing !== undefined && start > firstFailing)) return;
        const count = Math.min(chunk, numRuns - start);
        next += count;
        const reply = await pool.request(i, { type: 'judge', spec, seed, start, count });
        if (reply.type !== 'judged') throw new Error(`unexpected worker reply '${reply.type}'`);
        judged += reply.judged;
        unknowns.push(...reply.unknowns);
        if (reply.firstFailing !== undefined && (firstFailing === undefined || reply.firstFailing < firstFailing)) {
          firstFailing = reply.firstFailing;
        }
        onJudged(judged);
      }
    };
    await Promise.all(Array.from({ length: pool.size }, (_, i) => drive(i)));
    unknowns.sort((a, b) => a.index - b.index);
    return { ...(firstFailing === undefined ? {} : { firstFailing }), unknowns, judged };
  };
}

/** Runs the bench loop on every thread of the pool at once, each from its own seed. */
export async function benchOnPool(
  pool: WorkerPool,
  seconds: number,
  seed: number,
  nominalFirst: boolean,
): Promise<LoopBench[]> {
  const replies = await Promise.all(
    Array.from({ length: pool.size }, (_, i) =>
      pool.request(i, { type: 'bench', seconds, seed: seed + i, nominalFirst }),
    ),
  );
  return replies.map((r) => {
    if (r.type !== 'bench') throw new Error(`unexpected worker reply '${r.type}'`);
    return r.loop;
  });
}
