/** Reading an observation in tests: the n-th time of a point, counts, and a run that must be observed. */
import type { Observation, Scenario } from '../../../../specs/vocabulary/index.ts';
import type { SimOptions } from '../../../../harness/backends/sim/index.ts';
import { simulate } from '../../../../harness/backends/sim/index.ts';

/** Runs the scenario and fails the test if the sim could not. */
export function observe(s: Scenario, options: SimOptions = {}): Observation {
  const outcome = simulate(s, options);
  if (outcome.status !== 'observed') throw new Error(`sim did not observe: ${outcome.reason} ${outcome.detail ?? ''}`);
  return outcome.observation;
}

/** Time of the n-th occurrence (1-based) of a point, undefined if it did not occur that often. */
export function at(obs: Observation, point: string, n = 1): number | undefined {
  let seen = 0;
  for (const p of obs.points) {
    if (p.point === point && ++seen === n) return p.t;
  }
  return undefined;
}

/** Time of the n-th occurrence, failing the test when it did not occur. */
export function must(obs: Observation, point: string, n = 1): number {
  const t = at(obs, point, n);
  if (t === undefined)
    throw new Error(`${point}#${n} did not occur; points: ${obs.points.map((p) => `${p.t} ${p.point}`).join(', ')}`);
  return t;
}

export function count(obs: Observation, point: string): number {
  return obs.points.filter((p) => p.point === point).length;
}

/** Every time of a point, in order. */
export function times(obs: Observation, point: string): number[] {
  return obs.points.filter((p) => p.point === point).map((p) => p.t);
}
