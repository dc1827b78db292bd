/**
 * Probe runs folded into one line per probe and period: a worker ticks every periodSeconds (KUBELET-FACTS §6.2), so
 * sixty `app.readinessProbe.ran` points say no more than "every 10s from 5.2s to 595.2s". A gap unlike the period
 * (a restart, a ticker reset after a manual trigger, Corrections 24) starts a new line.
 */
import { allContainers, type ProbeType, type Prediction, type Scenario } from '../../../specs/vocabulary/index.ts';
import { roundSeconds } from './time-text.ts';

export interface ProbeRuns {
  readonly container: string;
  readonly probe: ProbeType;
  readonly periodSeconds: number;
  readonly firstSeconds: number;
  readonly lastSeconds: number;
  readonly runs: number;
  /** failed attempts in this stretch: Warning Unhealthy events of this probe (§6.3) */
  readonly failures: number;
}

const probeTypeWord: Readonly<Record<ProbeType, string>> = {
  startupProbe: 'Startup',
  livenessProbe: 'Liveness',
  readinessProbe: 'Readiness',
};

/** The nominal probe runs of every probe, folded. */
export function foldProbeRuns(scenario: Scenario, prediction: Prediction): ProbeRuns[] {
  const out: ProbeRuns[] = [];
  for (const c of allContainers(scenario.pod)) {
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      const spec = c[probe];
      if (spec === undefined) continue;
      const times = prediction.points
        .filter(
          (p) =>
            p.nominal && p.ref.scope === 'container' && p.ref.container === c.name && p.ref.name === `${probe}.ran`,
        )
        .map((p) => roundSeconds(p.atSeconds))
        .sort((a, b) => a - b);
      const failedAt = prediction.events
        .filter(
          (e) =>
            e.nominal &&
            e.reason === 'Unhealthy' &&
            e.container === c.name &&
            e.message.startsWith(probeTypeWord[probe]),
        )
        .map((e) => e.atSeconds);
      let start = 0;
      for (let i = 1; i <= times.length; i++) {
        const gap = i < times.length ? (times[i] as number) - (times[i - 1] as number) : undefined;
        const offBeat = gap === undefined || Math.abs(gap - spec.periodSeconds) > spec.periodSeconds / 2;
        if (!offBeat) continue;
        const first = times[start] as number;
        const last = times[i - 1] as number;
        out.push({
          container: c.name,
          probe,
          periodSeconds: spec.periodSeconds,
          firstSeconds: first,
          lastSeconds: last,
          runs: i - start,
          failures: failedAt.filter((t) => t >= first - 0.5 && t <= last + spec.timeoutSeconds + 0.5).length,
        });
        start = i;
      }
    }
  }
  return out;
}
