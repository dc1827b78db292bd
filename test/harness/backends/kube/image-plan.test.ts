// The node world a scenario needs, image by image, and which scenarios may share a node at once.
import { describe, expect, it } from 'vitest';
import { planImages, plansCompatible, type ImagePlan } from '../../../../harness/backends/kube/image-plan.ts';
import { WorldGate } from '../../../../harness/backends/kube/world-gate.ts';
import { scenarioOf } from './scenarios.ts';

function plan(node: string, images: ReadonlyArray<string>, policy = ''): ImagePlan {
  const scenario = scenarioOf(`
id: p
node: ${node}
pod:
  metadata: {name: p}
  spec:
    containers:
${images.map((image, i) => `      - {name: c${i}, image: "${image}"${policy}}`).join('\n')}
observeFor: 10s
`);
  const planned = planImages(scenario, images);
  if (planned.status !== 'ok') throw new Error(planned.reason);
  return planned.plan;
}

describe('planImages', () => {
  it('places cached, pullable and unpullable images and names their mirror paths', () => {
    const p = plan('{registry: up, cached: [busybox:1.36], unpullable: [nosuch/img:1]}', [
      'busybox:1.36',
      'nosuch/img:1',
      'registry.example.com/team/tool:2.1',
    ]);
    expect(p.images).toEqual([
      {
        image: 'busybox:1.36',
        key: 'docker.io/library/busybox:1.36',
        role: 'cached',
        served: true,
        mirrorPath: 'library/busybox',
        tag: '1.36',
      },
      {
        image: 'nosuch/img:1',
        key: 'docker.io/nosuch/img:1',
        role: 'unpullable',
        served: false,
        mirrorPath: 'nosuch/img',
        tag: '1',
      },
      {
        image: 'registry.example.com/team/tool:2.1',
        key: 'registry.example.com/team/tool:2.1',
        role: 'pullable',
        served: true,
        mirrorPath: 'team/tool',
        tag: '2.1',
      },
    ]);
    expect(p.registry).toBe('up');
  });

  it('needs no registry state when every image is cached and nothing pulls', () => {
    expect(plan('{registry: down, cached: [busybox:1.36]}', ['busybox:1.36']).registry).toBe('any');
    // `latest` defaults to imagePullPolicy Always: the kubelet asks the registry even for a cached image.
    expect(plan('{registry: down, cached: [busybox:latest]}', ['busybox:latest']).registry).toBe('down');
    expect(plan('{registry: down}', ['busybox:1.36'], ', imagePullPolicy: Never').registry).toBe('any');
  });

  it('cannot place a digest reference that must be present', () => {
    const scenario = scenarioOf(`
id: d
node: {cached: ["busybox@sha256:45b23dee08af5e43a7fea6c4cf9c25ccf269ee113168c19722f87876677c5cb2"]}
pod:
  metadata: {name: d}
  spec:
    containers:
      - {name: app, image: "busybox@sha256:45b23dee08af5e43a7fea6c4cf9c25ccf269ee113168c19722f87876677c5cb2"}
observeFor: 10s
`);
    const planned = planImages(scenario, [
      'busybox@sha256:45b23dee08af5e43a7fea6c4cf9c25ccf269ee113168c19722f87876677c5cb2',
    ]);
    expect(planned.status).toBe('unexpressible');
  });
});

describe('plansCompatible', () => {
  const cached = plan('{cached: [busybox:1.36]}', ['busybox:1.36']);
  const pulled = plan('{}', ['busybox:1.36']);
  const down = plan('{registry: down}', ['other:1']);
  const otherCached = plan('{cached: [busybox:1.35]}', ['busybox:1.35']);

  it('lets scenarios that keep an image cached share the node', () => {
    expect(plansCompatible(cached, cached)).toBe(true);
    expect(plansCompatible(cached, otherCached)).toBe(true);
  });

  it('keeps apart an image cached in one and pulled in the other, or two registry states', () => {
    expect(plansCompatible(cached, pulled)).toBe(false);
    expect(plansCompatible(pulled, pulled)).toBe(false);
    expect(plansCompatible(pulled, down)).toBe(false);
    expect(plansCompatible(cached, down)).toBe(true);
  });
});

describe('WorldGate', () => {
  it('admits compatible plans together and an incompatible one after, in arrival order', async () => {
    const gate = new WorldGate();
    const order: string[] = [];
    const up = plan('{}', ['a:1']);
    const down = plan('{registry: down}', ['b:1']);
    const cachedOnly = plan('{cached: [c:1]}', ['c:1']);
    const first = await gate.acquire(up);
    const second = gate.acquire(down).then((release) => {
      order.push('down');
      return release;
    });
    // compatible with `up`, but it arrived after `down`, which waits: it must not overtake it
    const third = gate.acquire(cachedOnly).then((release) => {
      order.push('cached');
      return release;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(gate.holders).toBe(1);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['down', 'cached']);
    expect(gate.holders).toBe(0);
  });
});
