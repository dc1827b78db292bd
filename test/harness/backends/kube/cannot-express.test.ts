// What no cluster run can act out is known before set-up, so generated scenarios are drawn among the rest.
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../../library-scenario.ts';
import { createKubeBackend } from '../../../../harness/backends/kube/index.ts';
import type { Container, Scenario } from '../../../../specs/vocabulary/index.ts';

describe('kube cannotExpress', () => {
  const backend = createKubeBackend({ kind: false });

  it('accepts a library pod and names a grpc probe busybox cannot answer', async () => {
    const s = await libraryScenario('specs/cases/probes/pc-probe-liveness-restarts.case.yaml');
    expect(backend.cannotExpress?.(s)).toBeUndefined();
    const [first, ...rest] = s.pod.containers;
    if (first?.livenessProbe === undefined) throw new Error('the case has a liveness probe');
    const grpc: Container = {
      ...first,
      livenessProbe: { ...first.livenessProbe, action: { type: 'grpc', port: 9000 } },
    };
    const withGrpc: Scenario = { ...s, pod: { ...s.pod, containers: [grpc, ...rest] } };
    expect(backend.cannotExpress?.(withGrpc)).toMatch(/^not expressible on a cluster: .*grpc/i);
  });
});
