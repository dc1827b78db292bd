/** The messages between the main thread and a property-loop worker thread (harness/run/worker.ts). */
import type { SearchedIndex } from './property.ts';
import type { SimRunSpec } from './sim-run.ts';
import type { LoopBench } from './bench-loop.ts';

/** Main → worker. */
export type WorkerRequest =
  /** judge the scenarios of indices [start, start+count) of `seed`; stop at the first that fails or errs */
  | {
      readonly type: 'judge';
      readonly spec: SimRunSpec;
      readonly seed: number;
      readonly start: number;
      readonly count: number;
    }
  /** run the bench loop for `seconds` */
  | { readonly type: 'bench'; readonly seconds: number; readonly seed: number; readonly nominalFirst: boolean };

/** Worker → main. */
export type WorkerReply =
  | {
      readonly type: 'judged';
      readonly start: number;
      /** how many scenarios it judged (fewer than asked when one failed) */
      readonly judged: number;
      readonly firstFailing?: number;
      readonly unknowns: ReadonlyArray<SearchedIndex>;
    }
  | { readonly type: 'bench'; readonly loop: LoopBench }
  | { readonly type: 'crashed'; readonly message: string };
