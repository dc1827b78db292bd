import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerRole } from '../../../../specs/vocabulary/index.ts';
import { phases, restartPolicies } from '../../../../specs/vocabulary/index.ts';
import type {
  ApiContainerState,
  ApiContainerStatus,
  ApiPodView,
  ApiTerminatedState,
} from '../../../../specs/model/status/index.ts';
import {
  computeConditions,
  computePhase,
  computeStatusColumn,
  isTerminalPhase,
  readyColumn,
  restartsColumn,
  terminatePodStatuses,
} from '../../../../specs/model/status/index.ts';

const waitingReasons = [
  '',
  'PodInitializing',
  'ContainerCreating',
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
  'RunContainerError',
  'PostStartHookError',
] as const;
const terminatedReasons = ['', 'Completed', 'Error', 'OOMKilled', 'StartError', 'ContainerStatusUnknown'] as const;

const terminatedState: fc.Arbitrary<ApiTerminatedState> = fc
  .record({
    exitCode: fc.constantFrom(0, 1, 2, 128, 137, 143),
    reason: fc.constantFrom(...terminatedReasons),
    signal: fc.constantFrom(0, 9, 15, -1),
  })
  .map(({ exitCode, reason, signal }) => {
    const base: ApiTerminatedState = { type: 'terminated', exitCode, finishedAtSeconds: 5 };
    const withReason: ApiTerminatedState = reason === '' ? base : { ...base, reason };
    return signal === -1 ? withReason : { ...withReason, signal };
  });

const waitingState: fc.Arbitrary<ApiContainerState> = fc
  .constantFrom(...waitingReasons)
  .map((reason) => (reason === '' ? { type: 'waiting' } : { type: 'waiting', reason }));

const anyState: fc.Arbitrary<ApiContainerState> = fc.oneof(
  waitingState,
  fc.constant<ApiContainerState>({ type: 'running', startedAtSeconds: 1 }),
  terminatedState,
);

/** State plus lastState: anything, or (stopped) a container that ran and is not running now. */
function stateAndLast(
  stopped: boolean,
): fc.Arbitrary<{ state: ApiContainerState; lastState: ApiTerminatedState | null }> {
  if (!stopped) return fc.record({ state: anyState, lastState: fc.option(terminatedState) });
  return fc.oneof(
    fc.record({ state: terminatedState, lastState: fc.option(terminatedState) }),
    fc.record({ state: waitingState, lastState: terminatedState }),
  );
}

function containerStatus(
  name: string,
  role: fc.Arbitrary<ContainerRole>,
  stopped: boolean,
): fc.Arbitrary<ApiContainerStatus> {
  return fc
    .record({
      role,
      states: stateAndLast(stopped),
      restartCount: fc.nat({ max: 20 }),
      ready: fc.boolean(),
      started: fc.boolean(),
    })
    .map(({ role: r, states, restartCount, ready, started }) => {
      const base: ApiContainerStatus = { name, role: r, state: states.state, restartCount, ready, started };
      return states.lastState === null ? base : { ...base, lastState: states.lastState };
    });
}

const names = ['a', 'app', 'b', 'db', 'init-1', 'log', 'proxy', 'setup', 'web', 'zeta'] as const;

/** A view with unique names, at least one regular container; `stopped`: every container has run and stopped. */
function podView(stopped = false): fc.Arbitrary<ApiPodView> {
  return fc
    .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 6 })
    .chain((ns) => fc.integer({ min: 0, max: ns.length - 1 }).map((k) => ({ ns, k })))
    .chain(({ ns, k }) =>
      fc.record({
        initContainers: fc.tuple(
          ...ns.slice(0, k).map((n) => containerStatus(n, fc.constantFrom<ContainerRole>('init', 'sidecar'), stopped)),
        ),
        containers: fc.tuple(
          ...ns.slice(k).map((n) => containerStatus(n, fc.constant<ContainerRole>('regular'), stopped)),
        ),
        restartPolicy: fc.constantFrom(...restartPolicies),
        deletionRequested: fc.boolean(),
        podIsTerminal: stopped ? fc.constant(true) : fc.boolean(),
        sandboxReady: fc.boolean(),
        wasInitialized: fc.boolean(),
        // The kubelet only ever forces Failed (activeDeadlineSeconds, eviction).
        forcedPhase: fc.option(
          fc.record({
            phase: fc.constant('Failed' as const),
            reason: fc.constantFrom('DeadlineExceeded', 'Evicted', 'NodeLost'),
          }),
        ),
        previousPhase: fc.option(fc.constantFrom(...phases)),
      }),
    )
    .map(({ forcedPhase, previousPhase, ...rest }) => ({
      ...rest,
      ...(forcedPhase === null ? {} : { forcedPhase }),
      ...(previousPhase === null ? {} : { previousPhase }),
    }));
}

describe('status functions, properties', () => {
  it('never throw on a well-formed view, whatever phase they are given', () => {
    fc.assert(
      fc.property(podView(), fc.constantFrom(...phases), (view, anyPhase) => {
        const phase = computePhase(view);
        const conditions = computeConditions(view, phase);
        computeStatusColumn(view, phase, conditions);
        computeStatusColumn(view, anyPhase, computeConditions(view, anyPhase));
        readyColumn(view);
        restartsColumn(view, conditions);
        terminatePodStatuses(view);
      }),
    );
  });

  it('phase is terminal when podIsTerminal and every container has run and stopped', () => {
    // The literal "terminal whenever podIsTerminal" does not hold: getPhase leaves a deleted pod whose containers
    // never started Pending, and only TerminatePod makes it Failed (KUBELET-FACTS §6.4 table; property below).
    fc.assert(
      fc.property(podView(true), (view) => {
        expect(isTerminalPhase(computePhase(view))).toBe(true);
      }),
    );
  });

  it('after TerminatePod the phase is terminal, stable, and terminated states are untouched', () => {
    fc.assert(
      fc.property(podView(), (view) => {
        const result = terminatePodStatuses(view);
        expect(isTerminalPhase(result.phase)).toBe(true);
        expect(computePhase(result.view)).toBe(result.phase);
        const before = [...view.initContainers, ...view.containers];
        const after = [...result.view.initContainers, ...result.view.containers];
        expect(after.map((s) => s.name)).toStrictEqual(before.map((s) => s.name));
        for (const [i, s] of before.entries()) {
          if (s.state.type === 'terminated') expect(after[i]).toBe(s);
        }
      }),
    );
  });

  it('a terminal phase already written never changes', () => {
    fc.assert(
      fc.property(podView(), fc.constantFrom('Succeeded' as const, 'Failed' as const), (view, previousPhase) => {
        expect(computePhase({ ...view, previousPhase })).toBe(previousPhase);
      }),
    );
  });

  it('Terminating only when deletion was requested, and always then while the phase is not terminal', () => {
    fc.assert(
      fc.property(podView(), (view) => {
        const phase = computePhase(view);
        const status = computeStatusColumn(view, phase, computeConditions(view, phase));
        if (status === 'Terminating') expect(view.deletionRequested).toBe(true);
        if (view.deletionRequested && !isTerminalPhase(phase) && view.forcedPhase?.reason !== 'NodeLost') {
          expect(status).toBe('Terminating');
        }
      }),
    );
  });

  it('READY counts at most every regular container and sidecar', () => {
    fc.assert(
      fc.property(podView(), (view) => {
        const [ready, total] = readyColumn(view).split('/').map(Number);
        const sidecars = view.initContainers.filter((s) => s.role === 'sidecar').length;
        expect(total).toBe(view.containers.length + sidecars);
        expect(ready).toBeLessThanOrEqual(total ?? 0);
      }),
    );
  });

  it('ContainersReady is True only when every sidecar and regular container is ready, and Ready follows it', () => {
    fc.assert(
      fc.property(podView(), (view) => {
        const conditions = computeConditions(view, computePhase(view));
        expect(conditions.Ready).toStrictEqual(conditions.ContainersReady);
        if (conditions.ContainersReady.status === 'True') {
          const relevant = [...view.initContainers.filter((s) => s.role === 'sidecar'), ...view.containers];
          expect(relevant.every((s) => s.ready)).toBe(true);
        }
      }),
    );
  });
});
