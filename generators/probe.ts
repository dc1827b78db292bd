/** Arbitrary startup, liveness and readiness probes with realistic timings and a failure plan. */
import fc from 'fast-check';
import type { Probe, ProbeFailing, ProbeType } from '../specs/vocabulary/index.ts';
import { handlerAction } from './handler-action.ts';
import { maybe } from './maybe.ts';
import { probeFailing } from './probe-failing.ts';
import { simplestFirst } from './maybe.ts';

/** Options for {@link probe}. */
export interface ProbeConstraints {
  /** Which probe; liveness and startup probes get successThreshold 1, as Kubernetes requires (default liveness). */
  readonly type?: ProbeType;
  /** `never` gives probes that always succeed; `any` (default) draws a failure plan. */
  readonly fails?: 'never' | 'any';
  /** Allowed periods in seconds, shortest first (default 1, 2, 3, 5, 10). */
  readonly periods?: ReadonlyArray<number>;
  /** Largest failureThreshold (default 5). */
  readonly maxFailureThreshold?: number;
}

/** A probe: exec, httpGet, tcpSocket or grpc, with initialDelay, period, timeout, thresholds, and a failure plan. */
export function probe(constraints: ProbeConstraints = {}): fc.Arbitrary<Probe> {
  const type = constraints.type ?? 'livenessProbe';
  const fails: fc.Arbitrary<ProbeFailing> =
    constraints.fails === 'never' ? fc.constant({ type: 'never' }) : probeFailing();
  const killer = type !== 'readinessProbe';
  // A tuple and an explicit build: this runs for most containers, and record/rest-spread mapping is measurably slower.
  return fc
    .tuple(
      handlerAction({ types: ['exec', 'httpGet', 'tcpSocket', 'grpc'] }),
      fc.oneof(simplestFirst, fc.constant(0), fc.integer({ min: 1, max: 10 })),
      fc.constantFrom(...(constraints.periods ?? [1, 2, 3, 5, 10])),
      fc.oneof(simplestFirst, fc.constant(1), fc.integer({ min: 2, max: 3 })),
      // Liveness and startup probes must have successThreshold 1 (Kubernetes validation).
      killer ? fc.constant(1) : fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: constraints.maxFailureThreshold ?? 5 }),
      // Only liveness and startup probes may carry their own grace period (minimum 1); rarely set.
      killer ? maybe(fc.integer({ min: 1, max: 15 }), 8) : fc.constant(undefined),
      fails,
    )
    .map(
      ([
        action,
        initialDelaySeconds,
        periodSeconds,
        timeoutSeconds,
        successThreshold,
        failureThreshold,
        grace,
        f,
      ]): Probe => {
        const base = { action, initialDelaySeconds, periodSeconds, timeoutSeconds, successThreshold, failureThreshold };
        return grace === undefined
          ? { ...base, fails: f, takesSeconds: 0 }
          : { ...base, terminationGracePeriodSeconds: grace, fails: f, takesSeconds: 0 };
      },
    );
}
