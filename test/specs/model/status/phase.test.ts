import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../../specs/vocabulary/index.ts';
import type { ApiPodView } from '../../../../specs/model/status/index.ts';
import { computePhase, isTerminalPhase } from '../../../../specs/model/status/index.ts';
import { app, init, pod, running, sidecar, terminated, waiting } from './views.ts';

interface PhaseCase {
  readonly name: string;
  readonly view: ApiPodView;
  readonly phase: Phase;
}

// KUBELET-FACTS §6.4 "Outcomes worth a test", one or more rows each, plus the merging of generateAPIPodStatus.
const cases: ReadonlyArray<PhaseCase> = [
  // init container running / not yet run
  {
    name: 'init container running',
    view: pod([app('app', waiting('PodInitializing'))], { init: [init('setup', running())] }),
    phase: 'Pending',
  },
  {
    name: 'init container not yet run',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [init('setup', terminated(0)), init('migrate', waiting('PodInitializing'))],
    }),
    phase: 'Pending',
  },
  // init failed, policy Never
  {
    name: 'init container failed, restartPolicy Never',
    view: pod([app('app', waiting('PodInitializing'))], {
      restartPolicy: 'Never',
      init: [init('setup', terminated(1))],
    }),
    phase: 'Failed',
  },
  // init failed, policy Always/OnFailure (CrashLoopBackOff)
  {
    name: 'init container in CrashLoopBackOff, restartPolicy Always',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [init('setup', waiting('CrashLoopBackOff'), { last: 1 })],
    }),
    phase: 'Pending',
  },
  {
    name: 'init container just failed, restartPolicy OnFailure',
    view: pod([app('app', waiting('PodInitializing'))], {
      restartPolicy: 'OnFailure',
      init: [init('setup', terminated(1))],
    }),
    phase: 'Pending',
  },
  // sidecar running but startup probe not yet Success, no regular container run yet
  {
    name: 'sidecar running, not started, no regular container has run',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [sidecar('proxy', running(), { started: false, ready: false })],
    }),
    phase: 'Pending',
  },
  {
    name: 'sidecar started, next init container running',
    view: pod([app('app', waiting('PodInitializing'))], {
      init: [sidecar('proxy', running()), init('setup', running())],
    }),
    phase: 'Pending',
  },
  // sidecar restarting after regular containers ran
  {
    name: 'sidecar in CrashLoopBackOff while the regular container runs',
    view: pod([app('app', running())], { init: [sidecar('proxy', waiting('CrashLoopBackOff'), { last: 1 })] }),
    phase: 'Running',
  },
  {
    name: 'sidecar restarted, startup probe pending, regular container runs',
    view: pod([app('app', running())], {
      init: [sidecar('proxy', running(), { started: false, ready: false, last: 137 })],
    }),
    phase: 'Running',
  },
  // Corrections 6: 1.35 carries the sidecar's `started` over, so the main container's back-off reads Running.
  {
    name: 'Corrections 6: started sidecar runs while the main container waits in CrashLoopBackOff',
    view: pod([app('app', waiting('CrashLoopBackOff'), { last: 1 })], { init: [sidecar('proxy', running())] }),
    phase: 'Running',
  },
  {
    name: 'Corrections 6 contrast: the same pod with the sidecar not started reads Pending (the 1.33/1.34 view)',
    view: pod([app('app', waiting('CrashLoopBackOff'), { last: 1 })], {
      init: [sidecar('proxy', running(), { started: false })],
    }),
    phase: 'Pending',
  },
  // one container Running, another never-started container waiting (ImagePullBackOff)
  {
    name: 'one running, another never started (ImagePullBackOff)',
    view: pod([app('web', running()), app('db', waiting('ImagePullBackOff'))]),
    phase: 'Pending',
  },
  {
    name: 'one running, another still being created (Created: empty waiting reason)',
    view: pod([app('web', running()), app('db', waiting())]),
    phase: 'Pending',
  },
  // one Running, another in CrashLoopBackOff (has lastState)
  {
    name: 'one running, another in CrashLoopBackOff',
    view: pod([app('web', running()), app('db', waiting('CrashLoopBackOff'), { last: 2 })]),
    phase: 'Running',
  },
  // all regular exited 0, Always
  {
    name: 'all exited 0, restartPolicy Always (about to restart)',
    view: pod([app('a', terminated(0)), app('b', terminated(0))]),
    phase: 'Running',
  },
  // all regular exited 0, OnFailure/Never (sidecars ignored)
  {
    name: 'all exited 0, restartPolicy OnFailure',
    view: pod([app('a', terminated(0))], { restartPolicy: 'OnFailure' }),
    phase: 'Succeeded',
  },
  {
    name: 'all exited 0, restartPolicy Never, the stopped sidecar is ignored',
    view: pod([app('a', terminated(0))], {
      restartPolicy: 'Never',
      init: [sidecar('proxy', terminated(137, 'Error'))],
    }),
    phase: 'Succeeded',
  },
  {
    name: 'all regular exited 0, restartPolicy Never, sidecar still running',
    view: pod([app('a', terminated(0))], { restartPolicy: 'Never', init: [sidecar('proxy', running())] }),
    phase: 'Running',
  },
  // all exited, one ≠0: Never → Failed; OnFailure → Running; Always → Running
  {
    name: 'all exited, one failed, restartPolicy Never',
    view: pod([app('a', terminated(0)), app('b', terminated(1))], { restartPolicy: 'Never' }),
    phase: 'Failed',
  },
  {
    name: 'all exited, one failed, restartPolicy OnFailure',
    view: pod([app('a', terminated(0)), app('b', terminated(1))], { restartPolicy: 'OnFailure' }),
    phase: 'Running',
  },
  {
    name: 'all exited, one failed, restartPolicy Always',
    view: pod([app('a', terminated(0)), app('b', terminated(1))]),
    phase: 'Running',
  },
  {
    name: 'OnFailure: a failed container waiting for its restart',
    view: pod([app('a', waiting('CrashLoopBackOff'), { last: 1 })], { restartPolicy: 'OnFailure' }),
    phase: 'Running',
  },
  // deleted pod, containers stopped by TERM (143) / exiting 0
  {
    name: 'deleted pod, container stopped by SIGTERM (143)',
    view: pod([app('a', terminated(143))], { deletionRequested: true, podIsTerminal: true }),
    phase: 'Failed',
  },
  {
    name: 'deleted pod, container exited 0 on SIGTERM',
    view: pod([app('a', terminated(0))], { deletionRequested: true, podIsTerminal: true }),
    phase: 'Succeeded',
  },
  {
    name: 'deleted pod, a container waiting for its restart counts as failed',
    view: pod([app('a', waiting('CrashLoopBackOff'), { last: 0 })], { deletionRequested: true, podIsTerminal: true }),
    phase: 'Failed',
  },
  // deleted pod that never started a container: Pending here, Failed only through TerminatePod (container-status.test)
  {
    name: 'deleted pod that never started a container',
    view: pod([app('a', waiting('ErrImagePull'))], { deletionRequested: true, podIsTerminal: true }),
    phase: 'Pending',
  },
  // generateAPIPodStatus merging
  {
    name: 'a terminal phase already written never changes back',
    view: pod([app('a', running())], { previousPhase: 'Succeeded' }),
    phase: 'Succeeded',
  },
  {
    name: 'a non-terminal previous phase does not stick',
    view: pod([app('a', running())], { previousPhase: 'Pending' }),
    phase: 'Running',
  },
  {
    name: 'activeDeadlineSeconds forces Failed over a running pod',
    view: pod([app('a', running())], { forcedPhase: { phase: 'Failed', reason: 'DeadlineExceeded' } }),
    phase: 'Failed',
  },
  {
    name: 'the written terminal phase wins over a forced one',
    view: pod([app('a', terminated(0))], {
      restartPolicy: 'Never',
      previousPhase: 'Succeeded',
      forcedPhase: { phase: 'Failed', reason: 'DeadlineExceeded' },
    }),
    phase: 'Succeeded',
  },
];

describe('computePhase', () => {
  it.each(cases)('$name → $phase', ({ view, phase }) => {
    expect(computePhase(view)).toBe(phase);
  });
});

describe('isTerminalPhase', () => {
  it.each([
    ['Pending', false],
    ['Running', false],
    ['Succeeded', true],
    ['Failed', true],
  ] as const)('%s → %s', (phase, terminal) => {
    expect(isTerminalPhase(phase)).toBe(terminal);
  });
});
