/** Arbitrary lifecycle hooks (postStart, preStop): a handler and how long it takes and whether it succeeds. */
import fc from 'fast-check';
import type { Hook } from '../specs/vocabulary/index.ts';
import { handlerAction } from './handler-action.ts';
import { gridSeconds } from './timing.ts';

/** Options for {@link hook}. */
export interface HookConstraints {
  /** Handler types (default exec, httpGet, sleep; tcpSocket is not a working hook handler). */
  readonly handlers?: ReadonlyArray<'exec' | 'httpGet' | 'sleep'>;
  /** `success` makes every hook succeed; `any` (default) lets it fail. */
  readonly results?: 'success' | 'any';
  /** Longest `takes` of an exec/httpGet handler, in seconds (default 10). */
  readonly maxTakesSeconds?: number;
  /** Largest `sleep.seconds`: the pod's grace period (default 30). */
  readonly maxSleepSeconds?: number;
}

/** A hook; a `sleep` handler takes its seconds and succeeds, as FORMAT.md says, so it needs no behaviour. */
export function hook(constraints: HookConstraints = {}): fc.Arbitrary<Hook> {
  const action = handlerAction({
    types: constraints.handlers ?? ['exec', 'httpGet', 'sleep'],
    ...(constraints.maxSleepSeconds === undefined ? {} : { maxSleepSeconds: constraints.maxSleepSeconds }),
  });
  const takes = gridSeconds(Math.max(0, constraints.maxTakesSeconds ?? 10), 1);
  const result =
    constraints.results === 'success'
      ? fc.constant('success' as const)
      : fc.constantFrom('success' as const, 'fail' as const);
  return fc
    .tuple(action, takes, result)
    .map(([a, takesSeconds, r]): Hook =>
      a.type === 'sleep'
        ? { action: a, takesSeconds: a.seconds, result: 'success' }
        : { action: a, takesSeconds, result: r },
    );
}

/**
 * The hook made valid in a pod with this grace period: Kubernetes rejects a sleep handler longer than the pod's
 * terminationGracePeriodSeconds, so such a sleep becomes an exec handler that takes as long.
 */
export function fitHookToGrace(h: Hook, graceSeconds: number): Hook {
  if (h.action.type !== 'sleep' || h.action.seconds <= graceSeconds) return h;
  return {
    action: { type: 'exec', command: ['sh', '-c', `sleep ${h.action.seconds}`] },
    takesSeconds: h.takesSeconds,
    result: h.result,
  };
}
