import { describe, expect, it } from 'vitest';
import type { ApiPodView, PodConditions } from '../../../../specs/model/status/index.ts';
import {
  computeConditions,
  computePhase,
  computeStatusColumn,
  readyColumn,
  restartsColumn,
} from '../../../../specs/model/status/index.ts';
import { app, init, pod, running, sidecar, terminated, waiting } from './views.ts';

interface ColumnCase {
  readonly name: string;
  readonly view: ApiPodView;
  readonly status: string;
  readonly ready?: string;
  readonly restarts?: number;
}

// Every label source of KUBELET-FACTS §7; phase and conditions are computed from the view as the kubelet would.
const cases: ReadonlyArray<ColumnCase> = [
  // Init:N/M
  {
    name: 'Init:0/2 — first init container running',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [init('setup', running()), init('migrate', waiting('PodInitializing'))],
    }),
    status: 'Init:0/2',
    ready: '0/1',
  },
  {
    name: 'Init:1/2 — second init container running',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [init('setup', terminated(0)), init('migrate', running())],
    }),
    status: 'Init:1/2',
  },
  {
    name: 'Init:1/3 — a started sidecar is skipped, counts as ready, and M counts it',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [sidecar('proxy', running()), init('setup', running()), init('migrate', waiting('PodInitializing'))],
    }),
    status: 'Init:1/3',
    ready: '1/2',
  },
  {
    name: 'Init:0/1 — sidecar running but not started yet',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [sidecar('proxy', running(), { started: false, ready: false })],
    }),
    status: 'Init:0/1',
    ready: '0/2',
  },
  // Init:<reason>
  {
    name: 'Init:Error — init container failed under Never',
    view: pod([app('app', waiting('PodInitializing'))], {
      restartPolicy: 'Never',
      init: [init('setup', terminated(1))],
    }),
    status: 'Init:Error',
  },
  {
    name: 'Init:OOMKilled',
    view: pod([app('app', waiting('PodInitializing'))], {
      restartPolicy: 'Never',
      init: [init('setup', terminated(137, 'OOMKilled'))],
    }),
    status: 'Init:OOMKilled',
  },
  {
    name: 'Init:CrashLoopBackOff — restarts of init containers count while initializing',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [init('setup', waiting('CrashLoopBackOff'), { last: 1, restartCount: 3 })],
    }),
    status: 'Init:CrashLoopBackOff',
    restarts: 3,
  },
  {
    name: 'Init:ErrImagePull',
    view: pod([app('app', waiting('PodInitializing'))], { init: [init('setup', waiting('ErrImagePull'))] }),
    status: 'Init:ErrImagePull',
  },
  {
    name: 'Init:ImagePullBackOff',
    view: pod([app('app', waiting('PodInitializing'))], { init: [init('setup', waiting('ImagePullBackOff'))] }),
    status: 'Init:ImagePullBackOff',
  },
  {
    name: 'Init:ExitCode:3 — the runtime gave no reason',
    view: pod([app('app', waiting('PodInitializing'))], {
      restartPolicy: 'Never',
      init: [init('setup', terminated(3, ''))],
    }),
    status: 'Init:ExitCode:3',
  },
  {
    name: 'Init:Signal:9 — no reason, a signal',
    view: pod([app('app', waiting('PodInitializing'))], {
      restartPolicy: 'Never',
      init: [init('setup', terminated(137, '', 9))],
    }),
    status: 'Init:Signal:9',
  },
  // default waiting reasons of regular containers
  {
    name: 'PodInitializing — init done, regular container not created yet',
    view: pod([app('app', waiting('PodInitializing'))], { init: [init('setup', terminated(0))] }),
    status: 'PodInitializing',
    ready: '0/1',
  },
  {
    name: 'ContainerCreating — no init containers',
    view: pod([app('app', waiting('ContainerCreating'))], { sandboxReady: false }),
    status: 'ContainerCreating',
  },
  {
    name: 'runtime state Created (empty waiting reason) falls back to the phase',
    view: pod([app('app', waiting())]),
    status: 'Pending',
  },
  // runtime terminated reasons
  {
    name: 'Completed — Succeeded pod',
    view: pod([app('app', terminated(0))], { restartPolicy: 'Never' }),
    status: 'Completed',
    ready: '0/1',
  },
  {
    name: 'Error — Failed pod',
    view: pod([app('app', terminated(1))], { restartPolicy: 'Never' }),
    status: 'Error',
  },
  {
    name: 'OOMKilled',
    view: pod([app('app', terminated(137, 'OOMKilled'))], { restartPolicy: 'Never' }),
    status: 'OOMKilled',
  },
  {
    name: 'ExitCode:2 — regular container, no reason',
    view: pod([app('app', terminated(2, ''))], { restartPolicy: 'Never' }),
    status: 'ExitCode:2',
  },
  {
    name: 'Signal:15 — regular container, no reason, a signal',
    view: pod([app('app', terminated(143, '', 15))], { restartPolicy: 'Never' }),
    status: 'Signal:15',
  },
  // waiting reasons (§8)
  {
    name: 'CrashLoopBackOff — phase Running, restarts summed',
    view: pod([app('app', waiting('CrashLoopBackOff'), { last: 1, restartCount: 4 })]),
    status: 'CrashLoopBackOff',
    ready: '0/1',
    restarts: 4,
  },
  { name: 'ErrImagePull', view: pod([app('app', waiting('ErrImagePull'))]), status: 'ErrImagePull' },
  { name: 'ImagePullBackOff', view: pod([app('app', waiting('ImagePullBackOff'))]), status: 'ImagePullBackOff' },
  { name: 'ErrImageNeverPull', view: pod([app('app', waiting('ErrImageNeverPull'))]), status: 'ErrImageNeverPull' },
  {
    name: 'CreateContainerConfigError',
    view: pod([app('app', waiting('CreateContainerConfigError'))]),
    status: 'CreateContainerConfigError',
  },
  {
    name: 'PostStartHookError — the killed container will be restarted',
    view: pod([app('app', waiting('PostStartHookError'), { last: 137 })]),
    status: 'PostStartHookError',
  },
  // Running / NotReady
  {
    name: 'Running — ready',
    view: pod([app('app', running())]),
    status: 'Running',
    ready: '1/1',
  },
  {
    name: 'Running — not ready still shows the phase',
    view: pod([app('app', running(), { ready: false })]),
    status: 'Running',
    ready: '0/1',
  },
  {
    name: 'NotReady — the alphabetically first container completed while another runs ready',
    view: pod([app('b', running()), app('a', terminated(0))], { restartPolicy: 'OnFailure' }),
    status: 'NotReady',
    ready: '1/2',
  },
  {
    name: 'a running container that is not ready does not turn Completed into NotReady',
    view: pod([app('b', running(), { ready: false }), app('a', terminated(0))], { restartPolicy: 'OnFailure' }),
    status: 'Completed',
    ready: '0/2',
  },
  // name order: the kubelet sorts ContainerStatuses by name, kubectl scans from last to first
  {
    name: 'name order, not spec order, decides: alphabetically first wins',
    view: pod([app('b', waiting('ErrImagePull')), app('a', waiting('CrashLoopBackOff'), { last: 1 })]),
    status: 'CrashLoopBackOff',
  },
  {
    name: 'name order: same containers, spec order reversed, same answer',
    view: pod([app('a', waiting('CrashLoopBackOff'), { last: 1 }), app('b', waiting('ErrImagePull'))]),
    status: 'CrashLoopBackOff',
  },
  {
    name: 'name order: a running container does not reset a reason set by a later name',
    view: pod([app('alpha', running()), app('zeta', waiting('ImagePullBackOff'))]),
    status: 'ImagePullBackOff',
    ready: '1/2',
  },
  // sidecars
  {
    name: 'sidecar adds to the READY denominator and counts when started and ready',
    view: pod([app('app', running())], { init: [init('setup', terminated(0)), sidecar('proxy', running())] }),
    status: 'Running',
    ready: '2/2',
  },
  {
    name: 'Init:CrashLoopBackOff sticks after initialization while the regular container runs',
    view: pod([app('app', running(), { restartCount: 1 })], {
      init: [sidecar('proxy', waiting('CrashLoopBackOff'), { last: 1, restartCount: 5 })],
    }),
    status: 'Init:CrashLoopBackOff',
    ready: '1/2',
    restarts: 6,
  },
  {
    name: 'after initialization regular init restarts drop out, sidecar and regular restarts count',
    view: pod([app('app', running(), { restartCount: 4 })], {
      init: [init('setup', terminated(0), { restartCount: 2 }), sidecar('proxy', running(), { restartCount: 1 })],
    }),
    status: 'Running',
    ready: '2/2',
    restarts: 5,
  },
  {
    name: 'init containers after the first unfinished one are not scanned (their restarts and readiness)',
    view: pod([app('app', running())], {
      init: [
        sidecar('first', waiting('CrashLoopBackOff'), { last: 1, restartCount: 2 }),
        sidecar('second', running(), { restartCount: 3 }),
      ],
    }),
    status: 'Init:CrashLoopBackOff',
    ready: '1/3',
    restarts: 2,
  },
  // deletion
  {
    name: 'Terminating — deleted, phase Running',
    view: pod([app('app', running())], { deletionRequested: true }),
    status: 'Terminating',
  },
  {
    name: 'Terminating overrides a container reason while the phase is not terminal',
    view: pod([app('app', waiting('ImagePullBackOff'))], { deletionRequested: true }),
    status: 'Terminating',
  },
  {
    name: 'deleted, phase already Failed: the container label (Error) shows',
    view: pod([app('app', terminated(143))], { deletionRequested: true, podIsTerminal: true }),
    status: 'Error',
  },
  {
    name: 'deleted, phase already Succeeded: the container label (Completed) shows',
    view: pod([app('app', terminated(0))], { deletionRequested: true, podIsTerminal: true }),
    status: 'Completed',
  },
  {
    name: 'deleted with status.reason NodeLost: Unknown',
    view: pod([app('app', running())], {
      deletionRequested: true,
      forcedPhase: { phase: 'Failed', reason: 'NodeLost' },
    }),
    status: 'Unknown',
  },
  // status.reason
  {
    name: 'DeadlineExceeded while a container still runs',
    view: pod([app('app', running())], { forcedPhase: { phase: 'Failed', reason: 'DeadlineExceeded' } }),
    status: 'DeadlineExceeded',
  },
  {
    name: 'DeadlineExceeded overridden by a terminated container (exit 0 on SIGTERM: Completed)',
    view: pod([app('app', terminated(0))], {
      podIsTerminal: true,
      forcedPhase: { phase: 'Failed', reason: 'DeadlineExceeded' },
    }),
    status: 'Completed',
  },
  {
    name: 'Evicted overridden by a terminated container (Error)',
    view: pod([app('app', terminated(137))], {
      podIsTerminal: true,
      forcedPhase: { phase: 'Failed', reason: 'Evicted' },
    }),
    status: 'Error',
  },
];

describe('kubectl columns', () => {
  it.each(cases)('$name → $status', ({ view, status, ready, restarts }) => {
    const phase = computePhase(view);
    const conditions = computeConditions(view, phase);
    expect(computeStatusColumn(view, phase, conditions)).toBe(status);
    if (ready !== undefined) expect(readyColumn(view, conditions)).toBe(ready);
    if (restarts !== undefined) expect(restartsColumn(view, conditions)).toBe(restarts);
  });

  it('Completed with a ready running container shows Running when the Ready condition is True', () => {
    // Unreachable with conditions computed from the same view (a terminated container is never ready), but printPod
    // reads whatever conditions the API holds.
    const view = pod([app('b', running()), app('a', terminated(0))], { restartPolicy: 'OnFailure' });
    const phase = computePhase(view);
    const conditions: PodConditions = { ...computeConditions(view, phase), Ready: { status: 'True' } };
    expect(computeStatusColumn(view, phase, conditions)).toBe('Running');
  });

  it('readyColumn and restartsColumn compute the conditions themselves when not given', () => {
    const view = pod([app('app', running(), { restartCount: 2 })], { init: [sidecar('proxy', running())] });
    expect(readyColumn(view)).toBe('2/2');
    expect(restartsColumn(view)).toBe(2);
  });
});
