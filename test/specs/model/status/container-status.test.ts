import { describe, expect, it } from 'vitest';
import type { ApiContainerStatus, ApiPodView } from '../../../../specs/model/status/index.ts';
import {
  computeConditions,
  computePhase,
  computeStatusColumn,
  containerStatusUnknown,
  defaultWaitingReason,
  runtimeTerminatedReason,
  terminatePodStatuses,
} from '../../../../specs/model/status/index.ts';
import { app, init, pod, running, sidecar, terminated, waiting } from './views.ts';

const unknown = containerStatusUnknown();

describe('defaultWaitingReason', () => {
  it('is PodInitializing with init containers and ContainerCreating without', () => {
    expect(defaultWaitingReason(true)).toBe('PodInitializing');
    expect(defaultWaitingReason(false)).toBe('ContainerCreating');
  });
});

describe('runtimeTerminatedReason', () => {
  it.each([
    [0, {}, 'Completed'],
    [1, {}, 'Error'],
    [143, {}, 'Error'],
    [137, { oomKilled: true }, 'OOMKilled'],
    [0, { oomKilled: false }, 'Completed'],
    [128, { startError: true }, 'StartError'],
    [128, { startError: true, oomKilled: true }, 'StartError'],
  ] as const)('exit %d %o → %s', (exitCode, options, reason) => {
    expect(runtimeTerminatedReason(exitCode, options)).toBe(reason);
  });
});

describe('containerStatusUnknown', () => {
  it('is terminated ContainerStatusUnknown/137 with the TerminatePod message', () => {
    expect(containerStatusUnknown()).toStrictEqual({
      type: 'terminated',
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    });
  });

  it('has the convertToAPIContainerStatuses message for a container that vanished while running', () => {
    expect(containerStatusUnknown('vanishedWhileRunning').message).toBe(
      'The container could not be located when the pod was deleted.  The container used to be Running',
    );
  });
});

function states(statuses: ReadonlyArray<ApiContainerStatus>): ReadonlyArray<ApiContainerStatus['state']> {
  return statuses.map((s) => s.state);
}

interface TerminateCase {
  readonly name: string;
  readonly view: ApiPodView;
  readonly phase: string;
  readonly init: ReadonlyArray<ApiContainerStatus['state']>;
  readonly containers: ReadonlyArray<ApiContainerStatus['state']>;
  /** kubectl STATUS after TerminatePod (conditions as computed before it: TerminatePod does not recompute them) */
  readonly status: string;
}

const deleted = { deletionRequested: true, podIsTerminal: true } as const;

const terminateCases: ReadonlyArray<TerminateCase> = [
  {
    name: 'already terminal: containers terminated, phase kept',
    view: pod([app('app', terminated(143))], deleted),
    phase: 'Failed',
    init: [],
    containers: [terminated(143)],
    status: 'Error',
  },
  {
    name: 'never started, no init containers: the waiting container becomes ContainerStatusUnknown, Pending → Failed',
    view: pod([app('app', waiting('ImagePullBackOff'))], deleted),
    phase: 'Failed',
    init: [],
    containers: [unknown],
    status: 'ContainerStatusUnknown',
  },
  {
    name: 'first init container never pulled: it still becomes ContainerStatusUnknown, regular ones stay waiting',
    view: pod([app('app', waiting('PodInitializing'))], {
      ...deleted,
      init: [init('setup', waiting('ErrImagePull')), init('migrate', waiting('PodInitializing'))],
    }),
    phase: 'Failed',
    init: [unknown, waiting('PodInitializing')],
    containers: [waiting('PodInitializing')],
    status: 'Init:ContainerStatusUnknown',
  },
  {
    name: 'init containers up to the last one that ran are marked, the trailing waiting ones are not',
    view: pod([app('app', waiting('PodInitializing'))], {
      ...deleted,
      init: [
        init('a', terminated(0)),
        init('b', waiting('CrashLoopBackOff'), { last: 1 }),
        init('c', waiting('PodInitializing')),
      ],
    }),
    phase: 'Failed',
    init: [terminated(0), unknown, waiting('PodInitializing')],
    containers: [waiting('PodInitializing')],
    status: 'Init:ContainerStatusUnknown',
  },
  {
    name: 'initialized (last init container exited 0): regular containers without a terminated state are marked',
    view: pod([app('web', terminated(0)), app('db', waiting('ImagePullBackOff'))], {
      ...deleted,
      init: [init('setup', terminated(0))],
    }),
    phase: 'Failed',
    init: [terminated(0)],
    containers: [terminated(0), unknown],
    status: 'ContainerStatusUnknown',
  },
  {
    name: 'initialized by a running, started sidecar as last init container',
    view: pod([app('app', waiting('ImagePullBackOff'))], { ...deleted, init: [sidecar('proxy', running())] }),
    phase: 'Failed',
    init: [unknown],
    containers: [unknown],
    status: 'ContainerStatusUnknown',
  },
  {
    // Initialized was False before (nothing running or terminated), so kubectl never reaches the regular containers.
    name: 'a regular container that ran (lastState) shows the pod initialized',
    view: pod([app('app', waiting('CrashLoopBackOff'), { last: 1 })], {
      ...deleted,
      init: [sidecar('proxy', waiting('CrashLoopBackOff'), { last: 1 })],
    }),
    phase: 'Failed',
    init: [unknown],
    containers: [unknown],
    status: 'Init:ContainerStatusUnknown',
  },
];

describe('terminatePodStatuses', () => {
  it.each(terminateCases)('$name', (c) => {
    const conditionsBefore = computeConditions(c.view, computePhase(c.view));
    const result = terminatePodStatuses(c.view);
    expect(result.phase).toBe(c.phase);
    expect(states(result.view.initContainers)).toStrictEqual(c.init);
    expect(states(result.view.containers)).toStrictEqual(c.containers);
    expect(computePhase(result.view)).toBe(c.phase);
    expect(computeStatusColumn(result.view, result.phase, conditionsBefore)).toBe(c.status);
  });

  it('keeps restartCount, lastState, ready and started of the containers it marks', () => {
    const before = app('app', waiting('CrashLoopBackOff'), { last: 1, restartCount: 7 });
    const after = terminatePodStatuses(pod([before], deleted)).view.containers[0];
    expect(after).toStrictEqual({ ...before, state: unknown });
  });
});
