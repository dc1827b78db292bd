// ===================== YOUR IMPLEMENTATION GOES HERE =====================
// `runPod(podCase)` runs one case's pod on the implementation under test and reports what it saw, in the
// implementation's own terms; adapter.mjs translates that into the protocol. A real adapter would create the pod
// (with the case's `node` world: cached and unpullable images, registry up or down), act out each container's
// `behavior`, perform the case's `actions` (deletes) at their times, watch until `observeFor`, and collect the
// timestamps of every point of FORMAT.md's table.
//
// This stand-in is podconform's own embedded kubelet simulator (harness/backends/sim/), on a virtual clock, so the
// example runs in a second without a node. `standInRuntime(deviations)` lets the failing example give it a bug.
import { register } from 'tsx/esm/api';

register();
const { loadCaseText } = await import('../../harness/cases/index.ts');
const { simulate } = await import('../../harness/backends/sim/index.ts');

/** Pretend wall clock: the moment the pod was created, in epoch milliseconds. */
const createdAtMs = Date.UTC(2026, 0, 1);

/** A runtime that runs pods as the simulator does, with the given deviations (`npx podconform deviations`). */
export function standInRuntime(deviations = []) {
  return async function runPod(podCase) {
    // CASE is the case file's content as JSON, and JSON is YAML: the case loader reads it as it reads a file.
    const loaded = loadCaseText(JSON.stringify(podCase), 'stdin');
    if (loaded.status !== 'ok') {
      throw new Error(loaded.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    }
    const outcome = simulate(loaded.caseFile.scenario, { deviations });
    if (outcome.status !== 'observed') throw new Error(outcome.reason);
    const seen = outcome.observation;
    const at = (t) => createdAtMs + Math.round(t * 1000);
    // Report like a runtime's own log: wall-clock times, (subject, what) pairs, a final pod status.
    return {
      createdAtMs,
      clockResolutionMs: 1,
      happenings: seen.points.map(({ point, t }) => {
        const dot = point.indexOf('.');
        return { atMs: at(t), subject: point.slice(0, dot), what: point.slice(dot + 1).replace(/#\d+$/, '') };
      }),
      final: { ...seen.final, statusColumn: seen.final.status },
      events: (seen.events ?? []).map(({ t, ...event }) => ({ ...event, atMs: at(t ?? 0) })),
    };
  };
}

/** The implementation under test: the simulator as it is, conformant. */
export const runPod = standInRuntime();
