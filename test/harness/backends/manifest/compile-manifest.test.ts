/**
 * compileManifest on hand-made scenarios: what the Pod keeps from the case, what it replaces, how handlers are
 * written and moved off taken ports, and every reason a scenario is unexpressible.
 */
import { describe, expect, it } from 'vitest';
import {
  compileManifest,
  type CompileOptions,
  type CompiledPod,
  type ManifestFlavour,
} from '../../../../harness/backends/manifest/index.ts';
import type { Container, HandlerAction, Scenario } from '../../../../specs/vocabulary/index.ts';
import { container, exits, hook, init, probe, runs, scenario, sidecar } from '../sim/build.ts';
import { podSchemaProblems } from './pod-schema.ts';

const options = (flavour: ManifestFlavour = 'kube'): CompileOptions => ({
  flavour,
  podName: 'run-7-pod',
  markerHostDir: '/var/tmp/markers/run-7',
});

function ok(s: Scenario, flavour: ManifestFlavour = 'kube', extra: Partial<CompileOptions> = {}): CompiledPod {
  const outcome = compileManifest(s, { ...options(flavour), ...extra });
  if (outcome.status !== 'ok') throw new Error(outcome.reason);
  expect(podSchemaProblems(outcome.pod.manifest)).toEqual([]);
  return outcome.pod;
}

function reason(s: Scenario, flavour: ManifestFlavour = 'kube'): string {
  const outcome = compileManifest(s, options(flavour));
  if (outcome.status !== 'unexpressible') throw new Error('expected unexpressible');
  return outcome.reason;
}

type Json = Record<string, unknown>;
const spec = (pod: CompiledPod): Json => pod.manifest['spec'] as Json;
const containersOf = (pod: CompiledPod, list = 'containers'): Json[] => spec(pod)[list] as Json[];
const script = (c: Json | undefined): string => ((c?.['command'] as string[] | undefined) ?? [])[2] ?? '';

describe('the Pod', () => {
  it('metadata: the options name and namespace, the case labels merged under the suite labels, the rest kept', () => {
    const s = scenario({ containers: [container('app')], namespace: 'case-ns' });
    const withMeta: Scenario = {
      ...s,
      pod: {
        ...s.pod,
        metadataExtra: { ...s.pod.metadataExtra, labels: { a: '1', suite: 'x' }, annotations: { n: 'v' } },
      },
    };
    expect(
      ok(withMeta, 'kube', { namespace: 'pc-ns-1', labels: { suite: 'podconform' } }).manifest['metadata'],
    ).toEqual({
      name: 'run-7-pod',
      namespace: 'pc-ns-1',
      labels: { a: '1', suite: 'podconform' },
      annotations: { n: 'v' },
    });
    expect(ok(s).manifest['metadata']).toEqual({ name: 'run-7-pod', namespace: 'case-ns' });
  });

  it('spec: pod fields as in the scenario, the case volumes kept, the marker volume per flavour', () => {
    const base = scenario({
      containers: [container('app')],
      restartPolicy: 'OnFailure',
      grace: 7,
      activeDeadlineSeconds: 40,
      runtimeClassName: 'gvisor',
    });
    const s: Scenario = { ...base, pod: { ...base.pod, specExtra: { volumes: [{ name: 'data', emptyDir: {} }] } } };
    const kube = spec(ok(s));
    expect(kube).toMatchObject({
      restartPolicy: 'OnFailure',
      terminationGracePeriodSeconds: 7,
      activeDeadlineSeconds: 40,
      runtimeClassName: 'gvisor',
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'podconform-markers', hostPath: { path: '/var/tmp/markers/run-7', type: 'DirectoryOrCreate' } },
      ],
    });
    expect((spec(ok(s, 'podman'))['volumes'] as Json[])[1]).toEqual({
      name: 'podconform-markers',
      hostPath: { path: '/var/tmp/markers/run-7', type: 'Directory' },
    });
    expect(kube).not.toHaveProperty('initContainers');
  });

  it('containers: sidecars as init containers with restartPolicy Always, own policies kept, the script as command', () => {
    const app: Container = {
      ...container('app', exits(0, 1), { restartPolicy: 'Never', imagePullPolicy: 'IfNotPresent' }),
      extra: {
        command: ['sh', '-c', 'exit 0'],
        args: ['x'],
        env: [{ name: 'A', value: '1' }],
        ports: [{ containerPort: 80 }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    };
    const pod = ok(
      scenario({
        initContainers: [init('setup', exits(0, 1), { restartPolicy: 'OnFailure' }), sidecar('proxy')],
        containers: [app],
      }),
    );
    const [setup, proxy] = containersOf(pod, 'initContainers');
    expect(setup).toMatchObject({ name: 'setup', restartPolicy: 'OnFailure' });
    expect(proxy).toMatchObject({ name: 'proxy', restartPolicy: 'Always' });
    const [compiled] = containersOf(pod);
    expect(compiled).toMatchObject({
      name: 'app',
      image: 'busybox:1.36',
      imagePullPolicy: 'IfNotPresent',
      restartPolicy: 'Never',
      env: [{ name: 'A', value: '1' }],
      ports: [{ containerPort: 80 }],
      volumeMounts: [
        { name: 'data', mountPath: '/data' },
        { name: 'podconform-markers', mountPath: '/podconform' },
      ],
    });
    expect(compiled).not.toHaveProperty('args');
    expect((compiled?.['command'] as string[]).slice(0, 2)).toEqual(['sh', '-c']);
    expect(script(compiled)).toContain('m started');
    expect(script(setup)).toContain('"$c $e" = "setup started"');
  });

  it('images: each once, in spec order, as written', () => {
    const pod = ok(
      scenario({
        initContainers: [init('a', exits(0, 1), { image: 'registry.local/x:1' })],
        containers: [container('b'), container('c', runs(), { image: 'registry.local/x:1' })],
      }),
    );
    expect(pod.images).toEqual(['registry.local/x:1', 'busybox:1.36']);
  });
});

describe('handlers', () => {
  it('a sleep hook is kept as is and its points are unmarked; exec and httpGet handlers mark', () => {
    const pod = ok(
      scenario({
        containers: [
          container('app', runs(), {
            postStart: hook(1, 'success', { type: 'httpGet', port: 8080, path: '/started' }),
            preStop: { action: { type: 'sleep', seconds: 3 }, takesSeconds: 3, result: 'success' },
          }),
        ],
      }),
    );
    const [app] = containersOf(pod);
    expect(app?.['lifecycle']).toEqual({
      postStart: { httpGet: { path: '/started', port: 8080 } },
      preStop: { sleep: { seconds: 3 } },
    });
    expect(pod.unmarkedPoints).toEqual(['preStop.finished', 'preStop.started']);
    expect(script(app)).toContain('nc -ll -p 8080 -e sh -c');
  });

  it('probes keep their timing fields and probe-level grace; exec probes run the verdict script', () => {
    const pod = ok(
      scenario({
        containers: [
          container('app', runs(), {
            livenessProbe: probe(
              { type: 'from', seconds: 5 },
              {
                initialDelaySeconds: 2,
                periodSeconds: 3,
                timeoutSeconds: 2,
                failureThreshold: 4,
                terminationGracePeriodSeconds: 9,
              },
            ),
          }),
        ],
      }),
    );
    const liveness = containersOf(pod)[0]?.['livenessProbe'] as Json;
    expect(liveness).toMatchObject({
      initialDelaySeconds: 2,
      periodSeconds: 3,
      timeoutSeconds: 2,
      successThreshold: 1,
      failureThreshold: 4,
      terminationGracePeriodSeconds: 9,
    });
    const command = (liveness['exec'] as { command: string[] }).command;
    expect(command[2]).toContain('[ $((U-s0)) -ge 5000000 ] && v=fail');
    expect(command[2]).toContain('m livenessProbe.ran $v');
    // a run longer than its timeout fails whatever the behaviour says, as the kubelet concludes
    const slow = ok(
      scenario({
        containers: [container('app', runs(), { readinessProbe: probe({ type: 'never' }, { takesSeconds: 2 }) })],
      }),
    );
    const readiness = containersOf(slow)[0]?.['readinessProbe'] as { exec: { command: string[] } };
    expect(readiness.exec.command[2]).toContain('v=ok; true && v=fail\nm readinessProbe.ran $v\nzz 2000000');
  });

  it('moves a handler off a port another container or handler holds, keeping named ports otherwise', () => {
    const http = (port: number | string, path: string): HandlerAction => ({ type: 'httpGet', port, path });
    const pod = ok(
      scenario({
        containers: [
          {
            ...container('a', runs(), {
              // compiled in the order startup, liveness, readiness: the first keeps the port
              startupProbe: probe({ type: 'never' }, { action: http('web', '/healthz') }),
              livenessProbe: probe({ type: 'never' }, { action: http(8080, '/healthz') }),
              readinessProbe: probe({ type: 'never' }, { action: { type: 'tcpSocket', port: 8080 } }),
            }),
            extra: { ports: [{ name: 'web', containerPort: 8080 }] },
          },
          container('b', runs(), { readinessProbe: probe({ type: 'never' }, { action: http(8080, '/ready') }) }),
        ],
      }),
    );
    const [a, b] = containersOf(pod);
    const port = (c: Json | undefined, type: string): unknown =>
      Object.values((c?.[type] ?? {}) as Record<string, Json>)[0]?.['port'];
    expect([
      port(a, 'startupProbe'),
      port(a, 'livenessProbe'),
      port(a, 'readinessProbe'),
      port(b, 'readinessProbe'),
    ]).toEqual(['web', 8081, 8082, 8083]);
    expect(script(a)).toMatch(/nc -ll -p 8080 -e sh -c [^\n]*\n/);
    expect(script(a)).toContain('nc -ll -p 8081 -e sh -c');
    expect(script(a)).toContain('nc -ll -p 8082 -e true &');
    expect(script(b)).toContain('nc -ll -p 8083 -e sh -c');
    expect(pod.unmarkedPoints).toEqual(['readinessProbe.ran']);
  });
});

describe('unexpressible', () => {
  const one = (fields: Parameters<typeof container>[2], behavior = runs()): Scenario =>
    scenario({ containers: [container('app', behavior, fields)] });

  it('a registry fault on podman, but not on a cluster', () => {
    const s = scenario({ containers: [container('app')], node: { registry: 'down' } });
    expect(reason(s, 'podman')).toBe('podman has no registry the suite can take down');
    ok(s, 'kube');
  });

  it('handlers no busybox script can answer faithfully', () => {
    expect(reason(one({ readinessProbe: probe({ type: 'never' }, { action: { type: 'grpc', port: 9090 } }) }))).toBe(
      'app readinessProbe: a grpc probe needs a gRPC health server, which busybox does not have',
    );
    expect(
      reason(
        one({
          livenessProbe: probe(
            { type: 'never' },
            { action: { type: 'httpGet', port: 80, extra: { scheme: 'HTTPS' } } },
          ),
        }),
      ),
    ).toBe('app livenessProbe: httpGet over "HTTPS"; busybox nc cannot serve TLS');
    expect(
      reason(one({ preStop: hook(0, 'success', { type: 'httpGet', port: 80, extra: { host: 'example.org' } }) })),
    ).toBe('app preStop: httpGet to another host ("example.org")');
    expect(
      reason(one({ readinessProbe: probe({ type: 'never' }, { action: { type: 'httpGet', port: 'web' } }) })),
    ).toBe("app: port 'web' is not a named port of the container");
    expect(
      reason(
        one({
          readinessProbe: probe(
            { type: 'never' },
            { action: { type: 'tcpSocket', port: 80 }, takesSeconds: 3, timeoutSeconds: 1 },
          ),
        }),
      ),
    ).toBe(
      'app readinessProbe tcpSocket must time out (takes 3s > timeoutSeconds 1), but a TCP connect is accepted by the kernel at once',
    );
  });

  it('values the Pod API cannot hold', () => {
    expect(reason(scenario({ containers: [container('app')], grace: 2.5 }))).toBe(
      'terminationGracePeriodSeconds is 2.5; the Pod API takes a whole number of seconds',
    );
    expect(reason(one({}, exits(300, 1)))).toBe('app exit code 300 cannot be returned by a process (0-255)');
    expect(reason(one({ livenessProbe: probe({ type: 'never' }, { periodSeconds: 0.5 }) }))).toBe(
      'app livenessProbe periodSeconds is 0.5; the Pod API takes a whole number of seconds',
    );
  });

  it('a container that runs as another user than root, on a cluster only', () => {
    const s = one({});
    const app = s.pod.containers[0] as Container;
    const asUser: Scenario = {
      ...s,
      pod: { ...s.pod, containers: [{ ...app, extra: { securityContext: { runAsUser: 1000 } } }] },
    };
    expect(reason(asUser)).toBe(
      'app runs as a user other than root and could not write its markers to the hostPath the kubelet creates for root',
    );
    ok(asUser, 'podman');
    const podLevel: Scenario = { ...s, pod: { ...s.pod, specExtra: { securityContext: { runAsNonRoot: true } } } };
    expect(reason(podLevel)).toMatch(/^app runs as a user other than root/);
    ok({ ...s, pod: { ...s.pod, specExtra: { securityContext: { runAsUser: 0 } } } });
  });

  it('a case that mounts something at the marker path', () => {
    const s = one({});
    const app = s.pod.containers[0] as Container;
    const clash: Scenario = {
      ...s,
      pod: { ...s.pod, containers: [{ ...app, extra: { volumeMounts: [{ name: 'x', mountPath: '/podconform' }] } }] },
    };
    expect(reason(clash)).toBe('app mounts something at the marker path /podconform');
  });
});
