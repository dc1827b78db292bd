/** Windows built from the model's latencies that several of the model's unit tests expect, as `[min, max]`. */
import { latencies } from '../../../specs/model/index.ts';
import { round } from './build-scenario.ts';

/** A relist, then the ensure-image and create steps. */
export const relistThenStart: [number, number] = [
  round(latencies.relist.minSeconds + 2 * latencies.criStep.minSeconds),
  round(latencies.relist.maxSeconds + 2 * latencies.criStep.maxSeconds),
];
