/**
 * A property-loop worker thread: judges the scenarios of index ranges of a seed (generated here from the seed,
 * exactly as fast-check generates them in one thread) and answers which fail, err or stay unknown; or runs the
 * bench loop. Started by parallel.ts; speaks the messages of worker-protocol.ts.
 */
import fc from 'fast-check';
import { parentPort } from 'node:worker_threads';
import { benchLoop } from './bench-loop.ts';
import { judgeCatching } from './judge.ts';
import type { SearchedIndex } from './property.ts';
import { simRun, type SimRun, type SimRunSpec } from './sim-run.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

const port = parentPort;
if (port === null) throw new Error('harness/run/worker.ts runs only as a worker thread');

// The run is rebuilt only when the spec changes (a pool serves one run at a time).
let built: { readonly key: string; readonly run: SimRun } | undefined;
function runFor(spec: SimRunSpec): SimRun {
  const key = JSON.stringify(spec);
  if (built?.key !== key) built = { key, run: simRun(spec) };
  return built.run;
}

function judgeRange(spec: SimRunSpec, seed: number, start: number, count: number): WorkerReply {
  const run = runFor(spec);
  const runSync = run.target.runSync;
  if (!runSync) throw new Error('worker threads run the sim target only');
  // fast-check's path `start` skips the first `start` values without generating them: value i here is value i of
  // a single-threaded fc.check with the same seed.
  const inputs = fc.sample(run.inputs, { seed, path: String(start), numRuns: count });
  const unknowns: SearchedIndex[] = [];
  let judged = 0;
  for (const [offset, input] of inputs.entries()) {
    const index = start + offset;
    const result = judgeCatching(input.scenario, runSync(input.scenario, input.latencySeed), run.judgeOptions);
    judged++;
    if (result.status === 'fail' || result.status === 'error')
      return { type: 'judged', start, judged, firstFailing: index, unknowns };
    if (result.status === 'unknown') {
      const why = result.result.verdict.error ?? result.result.verdict.unobserved.slice(0, 3).join('; ');
      unknowns.push({ index, status: 'unknown', scenarioId: input.scenario.id, why });
    }
  }
  return { type: 'judged', start, judged, unknowns };
}

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply =
      request.type === 'judge'
        ? judgeRange(request.spec, request.seed, request.start, request.count)
        : { type: 'bench', loop: benchLoop(request.seconds, request.seed, { nominalFirst: request.nominalFirst }) };
  } catch (error) {
    reply = { type: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
