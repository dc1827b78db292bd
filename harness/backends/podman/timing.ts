import { availableParallelism } from 'node:os';

/**
 * How precisely a podman run can be timed, measured with scripts/podman-spread.ts on this kind of machine (2 cores
 * shared with other work, load average 3.5-4.5 during the runs; podman 4.3.1, runc, cgroupfs), in ms as
 * min / median / max:
 *
 * | figure                                  | 1 pod at a time    | 2 at once           | 4 at once            |
 * |-----------------------------------------|--------------------|---------------------|----------------------|
 * | exit marker minus started minus `after` | 8 / 14 / 16        | 5 / 18 / 29         | 4 / 8 / 164          |
 * | inspect FinishedAt minus exit marker    | -4 / 6 / 14        | 0 / 6 / 18          | -6 / -2 / 98         |
 * | started marker minus `start` event      | -53 / -9 / 1       | -70 / -13 / 16      | -470 / 2 / 136       |
 * | `died` event minus exit                 | 10 / 125 / 249     | 10 / 183 / 564      | 19 / 121 / 899       |
 * | TERM marker minus `pod stop` invoked    | 172 / 284 / 380    | 234 / 505 / 933     | 253 / 597 / 2279     |
 * | KILL minus TERM marker minus grace      | 21 / 40 / 45       | -40 / 24 / 94       | 14 / 32 / 195        |
 *
 * (The 2-at-once figures were taken while the integration tests ran 4 more pods.) The `after` overshoot, TERM
 * delivery and the KILL's lateness are what podman and runc take, and the model's windows already leave room for a
 * runtime's latency (a process exit 0.2 s, a stop timeout 0.2 s, delete to TERM 1.1 s); the observation's own error
 * is what the tolerance must cover: a marker or FinishedAt off the real moment by up to ~20 ms at 1-2 pods, up to
 * ~100 ms at 4, and a TERM marker that lags the signal (a KILL can then look 40 ms early against the grace).
 */

/** The observation's clock resolution: the ~100 ms worst error of markers and FinishedAt seen above. */
export const podmanClockResolutionSeconds = 0.1;

/**
 * How long after a process's exit podman logs its `died` event: the median above. Only an exit no marker records
 * and no inspect covers (an earlier run's unmarked exit) is timed from it, so its spread matters little.
 */
export const podmanDiedLagSeconds = 0.12;

/**
 * Runs at once by default: one per two cores. podman's own latencies against the model's windows, in ms as
 * min / median / max (scripts/podman-spread.ts, same machine, load average 3-4.5 from other work):
 *
 * | figure (model window)                              | 1 pod at a time | 2 at once          |
 * |----------------------------------------------------|-----------------|--------------------|
 * | first container created after pod created (1400)   | 311 / 571 / 981 | 766 / 1066 / 1593  |
 * | next container created after previous started (400)| 101 / 141 / 253 | 137 / 295 / 422    |
 * | TERM marker after `pod stop` (1100)                | 104 / 255 / 314 | 170 / 375 / 496    |
 *
 * At one pod per core the first creation and the gap between starts already passed their windows by more than the
 * 0.1 s tolerance (by up to 0.54 s in a case-library run at 2 at once), which would fail conformant behaviour on
 * timing noise; at 4 at once TERM came up to 2.3 s after `pod stop`. `--parallel` overrides it.
 */
export function podmanDefaultParallelism(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}
