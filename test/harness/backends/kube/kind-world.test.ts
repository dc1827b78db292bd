// What `--backend kind` asks of kind and Docker, on a fake command runner: reuse or create the cluster (with the
// suite's configuration on stdin), load busybox once, route pulls only on a cluster the suite made, and act out each
// scenario's node world — a cached image tagged in every node, a pullable one removed and pushed, an unpullable
// one never pushed, the registry stopped for `registry: down`.
import { describe, expect, it } from 'vitest';
import { planImages, type ImagePlan } from '../../../../harness/backends/kube/image-plan.ts';
import { ensureKindCluster, kindClusterConfig } from '../../../../harness/backends/kube/kind-cluster.ts';
import { KindWorld, routingHostsToml } from '../../../../harness/backends/kube/kind-world.ts';
import type { CommandResult, RunCommand } from '../../../../harness/backends/kube/processes.ts';
import { scenarioOf } from './scenarios.ts';

interface Call {
  readonly line: string;
  readonly input?: string;
}

/** A runner that records every command and answers from `answers` (by command-line prefix; default: success). */
function fakeRunner(answers: Record<string, Partial<CommandResult>> = {}): { run: RunCommand; calls: Call[] } {
  const calls: Call[] = [];
  const run: RunCommand = (file, args, options = {}) => {
    const line = [file, ...args].join(' ');
    calls.push({ line, ...(options.input === undefined ? {} : { input: options.input }) });
    const key = Object.keys(answers).find((k) => line.startsWith(k));
    const answer = key === undefined ? {} : answers[key];
    return Promise.resolve({
      ok: true,
      exitCode: 0,
      stdout: '',
      stderr: '',
      summary: `${line}: exit 0`,
      ...answer,
    });
  };
  return { run, calls };
}

/** The suite's registry, answering its version check (`GET /v2/`). */
const registryUp: typeof fetch = () => Promise.resolve(new Response('{}', { status: 200 }));

function plan(yaml: string, images: ReadonlyArray<string>): ImagePlan {
  const planned = planImages(scenarioOf(yaml), images);
  if (planned.status !== 'ok') throw new Error(planned.reason);
  return planned.plan;
}

describe('ensureKindCluster', () => {
  it('reuses a cluster kind lists', async () => {
    const { run, calls } = fakeRunner({
      'kind get clusters': { stdout: 'other\npodconform\n' },
      'kind get nodes': { stdout: 'podconform-control-plane\n' },
    });
    expect(await ensureKindCluster(run, 'kind', 'podconform')).toEqual({
      status: 'ready',
      cluster: { name: 'podconform', context: 'kind-podconform', nodes: ['podconform-control-plane'], created: false },
    });
    expect(calls.map((c) => c.line)).toEqual(['kind get clusters', 'kind get nodes --name podconform']);
  });

  it("creates a missing cluster with the suite's configuration and the given node image", async () => {
    const { run, calls } = fakeRunner({
      'kind get clusters': { stdout: 'No kind clusters found.\n' },
      'kind get nodes': { stdout: 'pc-control-plane\n' },
    });
    const outcome = await ensureKindCluster(run, 'kind', 'pc', 'kindest/node:v1.35.8');
    expect(outcome.status === 'ready' && outcome.cluster.created).toBe(true);
    expect(calls[1]).toEqual({
      line: 'kind create cluster --name pc --image kindest/node:v1.35.8 --config - --wait 180s',
      input: kindClusterConfig,
    });
    expect(kindClusterConfig).toContain('serializeImagePulls: false');
    expect(kindClusterConfig).toContain('config_path = "/etc/containerd/certs.d"');
  });

  it('is unavailable, in one line, when the cluster cannot be created', async () => {
    const { run } = fakeRunner({
      'kind get clusters': { stdout: '' },
      'kind create': { ok: false, exitCode: 1, summary: 'kind create cluster: exit 1: failed to create cluster' },
    });
    expect(await ensureKindCluster(run, 'kind', 'pc')).toEqual({
      status: 'unavailable',
      reason: 'could not create kind cluster pc: kind create cluster: exit 1: failed to create cluster',
    });
  });
});

describe('KindWorld', () => {
  const nodes = ['pc-control-plane', 'pc-worker'];

  it('loads busybox once and routes every pull of a cluster it created to its registry', async () => {
    const { run, calls } = fakeRunner({ 'docker inspect -f': { ok: false, exitCode: 1 } });
    const world = new KindWorld(run, 'docker', 'kind', { name: 'pc', nodes, created: true }, registryUp);
    expect(await world.setUp()).toBeUndefined();
    expect(world.routesPulls).toBe(true);
    const lines = calls.map((c) => c.line);
    expect(lines.slice(0, 3)).toEqual([
      'docker image inspect busybox:1.36',
      'docker tag busybox:1.36 podconform.local/busybox:1.36',
      'kind load docker-image podconform.local/busybox:1.36 --name pc',
    ]);
    expect(lines).toContain(
      'docker run -d --name podconform-registry --network kind -p 127.0.0.1:5001:5000 -e REGISTRY_STORAGE_DELETE_ENABLED=true registry:2',
    );
    const writes = calls.filter((c) => c.input === routingHostsToml).map((c) => c.line.split(' ')[3]);
    expect(writes).toEqual(nodes);
    expect(routingHostsToml).toMatch(/^server = "http:\/\/podconform-registry:5000"/);
  });

  it('leaves the registries of a cluster it did not create alone, and says which scenarios it cannot run', async () => {
    const { run, calls } = fakeRunner({ 'docker exec pc-control-plane test -f': { ok: false, exitCode: 1 } });
    const world = new KindWorld(run, 'docker', 'kind', { name: 'pc', nodes, created: false }, registryUp);
    expect(await world.setUp()).toBeUndefined();
    expect(world.routesPulls).toBe(false);
    expect(calls.some((c) => c.input !== undefined)).toBe(false);
    const needsPull = plan(
      '{id: x}'.replace(
        '{id: x}',
        `
id: x
node: {}
pod: {metadata: {name: x}, spec: {containers: [{name: app, image: "busybox:1.36"}]}}
observeFor: 10s
`,
      ),
      ['busybox:1.36'],
    );
    const placed = await world.prepare(needsPull);
    expect(placed.status).toBe('unexpressible');
    const cachedOnly = plan(
      `
id: y
node: {cached: [busybox:1.36]}
pod: {metadata: {name: y}, spec: {containers: [{name: app, image: "busybox:1.36"}]}}
observeFor: 10s
`,
      ['busybox:1.36'],
    );
    expect(await world.prepare(cachedOnly)).toEqual({ status: 'ready' });
  });

  it('tags a cached image in every node and serves it, removes and pushes a pullable one, never pushes an unpullable one', async () => {
    const { run, calls } = fakeRunner({ 'docker inspect -f': { stdout: 'true' } });
    const world = new KindWorld(run, 'docker', 'kind', { name: 'pc', nodes, created: true }, registryUp);
    await world.setUp();
    calls.length = 0;
    const p = plan(
      `
id: z
node: {registry: up, cached: [busybox:1.35], unpullable: [nosuch/img:1]}
pod:
  metadata: {name: z}
  spec:
    containers:
      - {name: a, image: "busybox:1.35"}
      - {name: b, image: "registry.example.com/team/tool:2.1"}
      - {name: c, image: "nosuch/img:1"}
observeFor: 10s
`,
      ['busybox:1.35', 'registry.example.com/team/tool:2.1', 'nosuch/img:1'],
    );
    expect(await world.prepare(p)).toEqual({ status: 'ready' });
    expect(calls.map((c) => c.line)).toEqual([
      'docker exec pc-control-plane ctr -n k8s.io images tag --force podconform.local/busybox:1.36 docker.io/library/busybox:1.35',
      'docker exec pc-worker ctr -n k8s.io images tag --force podconform.local/busybox:1.36 docker.io/library/busybox:1.35',
      // served as well: a container with imagePullPolicy Always would pull it
      'docker tag busybox:1.36 localhost:5001/library/busybox:1.35',
      'docker push localhost:5001/library/busybox:1.35',
      'docker rmi localhost:5001/library/busybox:1.35',
      'docker exec pc-control-plane ctr -n k8s.io images rm registry.example.com/team/tool:2.1',
      'docker exec pc-worker ctr -n k8s.io images rm registry.example.com/team/tool:2.1',
      'docker tag busybox:1.36 localhost:5001/team/tool:2.1',
      'docker push localhost:5001/team/tool:2.1',
      'docker rmi localhost:5001/team/tool:2.1',
      'docker exec pc-control-plane ctr -n k8s.io images rm docker.io/nosuch/img:1',
      'docker exec pc-worker ctr -n k8s.io images rm docker.io/nosuch/img:1',
    ]);
  });

  it('stops the registry for a registry-down scenario and starts it again for one that needs it up', async () => {
    const { run, calls } = fakeRunner({ 'docker inspect -f': { stdout: 'true' } });
    const world = new KindWorld(
      run,
      'docker',
      'kind',
      { name: 'pc', nodes: ['pc-control-plane'], created: true },
      registryUp,
    );
    await world.setUp();
    calls.length = 0;
    const down = plan(
      `
id: d
node: {registry: down}
pod: {metadata: {name: d}, spec: {containers: [{name: app, image: "busybox:1.36"}]}}
observeFor: 10s
`,
      ['busybox:1.36'],
    );
    await world.prepare(down);
    expect(calls.map((c) => c.line)).toContain('docker stop --time 1 podconform-registry');
    calls.length = 0;
    const up = plan(
      `
id: u
node: {registry: up}
pod: {metadata: {name: u}, spec: {containers: [{name: app, image: "busybox:1.36"}]}}
observeFor: 10s
`,
      ['busybox:1.36'],
    );
    await world.prepare(up);
    expect(calls.map((c) => c.line)).toContain('docker start podconform-registry');
  });
});
