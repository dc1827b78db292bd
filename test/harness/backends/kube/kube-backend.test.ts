// The kube and kind backends end to end on a fake cluster: set-up refuses what it must (a non-kind current
// context, a PATH without kind), says the version and removes leftovers; a run observes; tear-down and Ctrl-C leave
// no namespace of the run behind.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKubeBackend, type KubeBackendSeams } from '../../../../harness/backends/kube/index.ts';
import type { KubeApi } from '../../../../harness/backends/kube/kube-api.ts';
import { FakeCluster } from './fake-cluster.ts';
import { doomed } from './scenarios.ts';

function seams(
  cluster: FakeCluster,
  contexts: ReadonlyArray<string>,
  current: string,
  api?: KubeApi,
): KubeBackendSeams {
  return {
    kubeconfig: () => ({ contexts, current, api: () => api ?? cluster.api }),
    now: cluster.now,
    sleep: cluster.sleep,
    onInterrupt: () => () => undefined,
  };
}

describe('createKubeBackend', () => {
  it('refuses a current context that is not a kind cluster unless --context names it', async () => {
    const cluster = new FakeCluster();
    const backend = createKubeBackend({ kind: false }, seams(cluster, ['prod'], 'prod'));
    expect(await backend.setUp()).toEqual({
      status: 'unavailable',
      reason:
        "the current context 'prod' is not a kind cluster; to run there (podconform creates and deletes namespaces labelled app.kubernetes.io/managed-by=podconform), pass --context prod",
    });
    expect(cluster.calls).toEqual([]);
  });

  it('is unavailable on a PATH without kind, in one line', async () => {
    const cluster = new FakeCluster();
    const backend = createKubeBackend({ kind: true }, { ...seams(cluster, [], ''), pathVariable: '' });
    const ready = await backend.setUp();
    expect(ready.status).toBe('unavailable');
    expect(ready.status === 'unavailable' && ready.reason).toMatch(/^kind and docker not found on PATH: .*quick-start/);
  });

  it('runs kind scenarios only on the kind cluster it prepares, not on another --context', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'podconform-bin-'));
    for (const tool of ['kind', 'docker']) {
      writeFileSync(join(bin, tool), '#!/bin/sh\nexit 0\n');
      chmodSync(join(bin, tool), 0o755);
    }
    const cluster = new FakeCluster();
    const backend = createKubeBackend(
      { kind: true, context: 'prod' },
      {
        ...seams(cluster, ['prod', 'kind-podconform'], 'prod'),
        pathVariable: bin,
        runCommand: (_file, args) =>
          Promise.resolve({
            ok: true,
            exitCode: 0,
            stdout: args[1] === 'clusters' ? 'podconform\n' : 'podconform-control-plane\n',
            stderr: '',
            summary: '',
          }),
      },
    );
    expect(await backend.setUp()).toEqual({
      status: 'unavailable',
      reason:
        '--backend kind runs on context kind-podconform (--cluster podconform), not prod; for another cluster use --backend kube --context prod',
    });
  });

  it('says the version and the profile, removes leftovers, runs, and leaves nothing of the run behind', async () => {
    const cluster = new FakeCluster();
    cluster.namespaces.set('podconform-old-1', {
      metadata: {
        name: 'podconform-old-1',
        labels: { 'app.kubernetes.io/managed-by': 'podconform', 'podconform.io/run': 'old' },
        creationTimestamp: '2020-01-01T00:00:00Z',
      },
    });
    cluster.namespaces.set('team-a', { metadata: { name: 'team-a' } });
    const api: KubeApi = {
      ...cluster.api,
      serverVersion: () => Promise.resolve({ major: '1', minor: '34', gitVersion: 'v1.34.1' }),
    };
    const backend = createKubeBackend({ kind: false, context: 'prod' }, seams(cluster, ['prod'], 'kind-x', api));
    expect(backend.name).toBe('kube');
    expect(await backend.setUp()).toEqual({
      status: 'ready',
      notices: [
        'Kubernetes v1.34.1: the rule profile is 1.35; version-dependent rules may differ',
        'removed 1 namespace(s) an earlier run left: podconform-old-1',
      ],
    });
    const outcome = await backend.run(doomed);
    // the fake pod never shows up in a watch: the run says so and goes on
    expect(outcome).toEqual({
      status: 'unknown',
      reason: expect.stringMatching(/^pod podconform-[0-9a-f]{6}-1\/doomed never appeared$/) as unknown,
    });
    await backend.tearDown();
    expect([...cluster.namespaces.keys()]).toEqual(['team-a']);
    expect(
      cluster.calls.filter((c) => c.startsWith('createPod')).map((c) => c.replace(/-[0-9a-f]{6}-/, '-RUN-')),
    ).toEqual(['createPod podconform-RUN-images/podconform-warm-1', 'createPod podconform-RUN-1/doomed']);
  });

  it("on Ctrl-C aborts the runs, deletes the run's namespaces and exits 130", async () => {
    const cluster = new FakeCluster();
    let interrupt: (() => void) | undefined;
    const exits: number[] = [];
    const backend = createKubeBackend(
      { kind: false },
      {
        ...seams(cluster, ['kind-podconform'], 'kind-podconform'),
        onInterrupt: (handler) => {
          interrupt = handler;
          return () => undefined;
        },
        exit: (code) => exits.push(code),
      },
    );
    expect((await backend.setUp()).status).toBe('ready');
    expect(cluster.namespaces.size).toBe(1);
    interrupt?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exits).toEqual([130]);
    expect(cluster.namespaces.size).toBe(0);
  });
});
