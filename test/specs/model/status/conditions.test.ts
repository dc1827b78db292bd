import { describe, expect, it } from 'vitest';
import type { ConditionType } from '../../../../specs/vocabulary/index.ts';
import type { ApiPodView, PodCondition } from '../../../../specs/model/status/index.ts';
import { computeConditions, computePhase } from '../../../../specs/model/status/index.ts';
import { app, init, pod, running, sidecar, terminated, waiting } from './views.ts';

interface ConditionCase {
  readonly name: string;
  readonly view: ApiPodView;
  /** only the conditions the case is about; the phase is computed from the view */
  readonly expected: Partial<Record<ConditionType, PodCondition>>;
}

const allTrue: Record<ConditionType, PodCondition> = {
  PodScheduled: { status: 'True' },
  PodReadyToStartContainers: { status: 'True' },
  Initialized: { status: 'True' },
  ContainersReady: { status: 'True' },
  Ready: { status: 'True' },
};

const cases: ReadonlyArray<ConditionCase> = [
  {
    name: 'running and ready, no init containers: all True',
    view: pod([app('app', running())]),
    expected: allTrue,
  },
  {
    name: 'no sandbox yet: PodReadyToStartContainers False, Initialized True without init containers',
    view: pod([app('app', waiting('ContainerCreating'))], { sandboxReady: false }),
    expected: {
      PodScheduled: { status: 'True' },
      PodReadyToStartContainers: { status: 'False' },
      Initialized: { status: 'True' },
      ContainersReady: {
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
      },
      Ready: { status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' },
    },
  },
  {
    name: 'init containers pending: incomplete ones listed in spec order, sidecars by `started`',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [
        init('setup', terminated(0)),
        sidecar('proxy', running(), { started: false, ready: false }),
        init('migrate', waiting('PodInitializing')),
      ],
    }),
    expected: {
      Initialized: {
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with incomplete status: [proxy migrate]',
      },
      ContainersReady: {
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [proxy app]',
      },
    },
  },
  {
    name: 'init container failed under Never: Initialized False, ContainersReady PodFailed',
    view: pod([app('app', waiting('PodInitializing'))], {
      restartPolicy: 'Never',
      init: [init('setup', terminated(1))],
    }),
    expected: {
      Initialized: {
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with incomplete status: [setup]',
      },
      ContainersReady: { status: 'False', reason: 'PodFailed' },
      Ready: { status: 'False', reason: 'PodFailed' },
    },
  },
  {
    name: 'all init containers done, regular one not started yet: Initialized True',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [init('setup', terminated(0)), sidecar('proxy', running())],
    }),
    expected: {
      Initialized: { status: 'True' },
      ContainersReady: {
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
      },
    },
  },
  {
    name: 'sidecar restarting after the regular container started: Initialized stays True',
    view: pod([app('app', running())], { init: [sidecar('proxy', waiting('CrashLoopBackOff'), { last: 1 })] }),
    expected: {
      Initialized: { status: 'True' },
      ContainersReady: {
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [proxy]',
      },
    },
  },
  {
    // 1.35 default gates: no regular container is running or terminated, so nothing keeps Initialized True (only the
    // alpha RestartAllContainersOnContainerExits gate reads the old condition). wasInitialized does not change that.
    name: 'sidecar and regular container both in CrashLoopBackOff: Initialized False even if it was True before',
    view: pod([app('app', waiting('CrashLoopBackOff'), { last: 1 })], {
      wasInitialized: true,
      init: [sidecar('proxy', waiting('CrashLoopBackOff'), { last: 1 })],
    }),
    expected: {
      Initialized: {
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with incomplete status: [proxy]',
      },
    },
  },
  {
    name: 'sidecar ready, regular container not ready: unready list names only the regular one',
    view: pod([app('zeta', running(), { ready: false }), app('alpha', running())], {
      init: [sidecar('proxy', running())],
    }),
    expected: {
      ContainersReady: {
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [zeta]',
      },
      Ready: { status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [zeta]' },
    },
  },
  {
    name: 'sidecar not ready blocks ContainersReady',
    view: pod([app('app', running())], { init: [sidecar('proxy', running(), { ready: false })] }),
    expected: {
      ContainersReady: {
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [proxy]',
      },
    },
  },
  {
    name: 'Succeeded: ContainersReady/Ready PodCompleted, Initialized True with reason PodCompleted',
    view: pod([app('app', terminated(0))], { restartPolicy: 'Never' }),
    expected: {
      Initialized: { status: 'True', reason: 'PodCompleted' },
      ContainersReady: { status: 'False', reason: 'PodCompleted' },
      Ready: { status: 'False', reason: 'PodCompleted' },
    },
  },
  {
    name: 'Failed: ContainersReady/Ready PodFailed even while a container still reports ready',
    view: pod([app('app', running())], { forcedPhase: { phase: 'Failed', reason: 'DeadlineExceeded' } }),
    expected: {
      Initialized: { status: 'True' },
      ContainersReady: { status: 'False', reason: 'PodFailed' },
      Ready: { status: 'False', reason: 'PodFailed' },
    },
  },
  {
    name: 'deleted pod: readiness still follows the containers (no forced unready)',
    view: pod([app('app', running())], { deletionRequested: true }),
    expected: allTrue,
  },
];

describe('computeConditions', () => {
  it.each(cases)('$name', ({ view, expected }) => {
    const conditions = computeConditions(view, computePhase(view));
    for (const [type, condition] of Object.entries(expected)) {
      expect({ type, ...conditions[type as ConditionType] }).toStrictEqual({ type, ...condition });
    }
  });

  it('Ready mirrors ContainersReady when there are no readiness gates', () => {
    const view = pod([app('a', running(), { ready: false })]);
    const conditions = computeConditions(view, computePhase(view));
    expect(conditions.Ready).toStrictEqual(conditions.ContainersReady);
  });
});
