// The STATUS column as kubectl prints it, read from the pod object the API returns (KUBELET-FACTS §7).
import { describe, expect, it } from 'vitest';
import { statusColumn } from '../../../../harness/backends/kube/status-column.ts';
import type { WireContainerStatus, WirePod } from '../../../../harness/backends/kube/wire.ts';
import { podFixture } from './fixtures.ts';

function pod(options: {
  phase: string;
  init?: WireContainerStatus[];
  regular?: WireContainerStatus[];
  sidecars?: string[];
  initialized?: boolean;
  ready?: boolean;
  deleting?: boolean;
  reason?: string;
}): WirePod {
  const init = options.init ?? [];
  return {
    metadata: { name: 'p', ...(options.deleting === true ? { deletionTimestamp: '2026-12-06T22:00:30Z' } : {}) },
    spec: {
      initContainers: init.map((s) => ({
        name: s.name,
        ...((options.sidecars ?? []).includes(s.name) ? { restartPolicy: 'Always' } : {}),
      })),
      containers: (options.regular ?? []).map((s) => ({ name: s.name })),
    },
    status: {
      phase: options.phase,
      ...(options.reason === undefined ? {} : { reason: options.reason }),
      conditions: [
        { type: 'Initialized', status: options.initialized === false ? 'False' : 'True' },
        { type: 'Ready', status: options.ready === true ? 'True' : 'False' },
      ],
      initContainerStatuses: init,
      containerStatuses: options.regular ?? [],
    },
  };
}

const running = (name: string, ready: boolean, started = true): WireContainerStatus => ({
  name,
  ready,
  started,
  restartCount: 0,
  state: { running: { startedAt: '2026-12-06T22:00:01Z' } },
});
const completed = (name: string): WireContainerStatus => ({
  name,
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-12-06T22:00:01Z' } },
});
const waiting = (name: string, reason: string): WireContainerStatus => ({
  name,
  ready: false,
  restartCount: 0,
  state: { waiting: { reason } },
});

describe('statusColumn', () => {
  it('reads the fixtures as kubectl prints them', () => {
    expect(statusColumn(podFixture('crashloop-pod.json'))).toBe('CrashLoopBackOff');
    expect(statusColumn(podFixture('init-failure-pod.json'))).toBe('Init:Error');
  });

  it('counts init containers, sidecars included, while one is running', () => {
    const p = pod({
      phase: 'Pending',
      init: [completed('init1'), running('init2', false), waiting('init3', 'PodInitializing')],
      regular: [waiting('app', 'PodInitializing')],
      initialized: false,
    });
    expect(statusColumn(p)).toBe('Init:1/3');
  });

  it('passes a started sidecar and reads the regular containers, the alphabetically first deciding', () => {
    const p = pod({
      phase: 'Running',
      init: [running('side', true)],
      sidecars: ['side'],
      regular: [waiting('a', 'CrashLoopBackOff'), running('b', true)],
    });
    expect(statusColumn(p)).toBe('CrashLoopBackOff');
  });

  it('turns Completed back into Running or NotReady while another container runs ready', () => {
    const regular = [running('a', true), completed('b')];
    expect(statusColumn(pod({ phase: 'Running', regular, ready: true }))).toBe('Running');
    expect(statusColumn(pod({ phase: 'Running', regular, ready: false }))).toBe('NotReady');
  });

  it('prints Terminating for a deleted pod that is not terminal, the status reason when set', () => {
    expect(statusColumn(pod({ phase: 'Running', regular: [running('a', true)], deleting: true }))).toBe('Terminating');
    // status.reason stands unless a container's own reason overrides it in the scan
    expect(statusColumn(pod({ phase: 'Failed', regular: [running('a', false)], reason: 'DeadlineExceeded' }))).toBe(
      'DeadlineExceeded',
    );
    expect(statusColumn(pod({ phase: 'Failed', regular: [completed('a')], reason: 'DeadlineExceeded' }))).toBe(
      'Completed',
    );
    expect(statusColumn(pod({ phase: 'Succeeded', regular: [completed('a')], deleting: true }))).toBe('Completed');
  });
});
