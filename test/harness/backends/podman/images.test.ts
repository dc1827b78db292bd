// The node world's images on podman: present names are tags of the local busybox, absent ones renamed per pod, and
// `Always` with a pull that would succeed becomes `IfNotPresent` (no registry here; the pull is not observable).
import { describe, expect, it } from 'vitest';
import { chooseImage, realiseImages } from '../../../../harness/backends/podman/images.ts';
import type { Container, NodeWorld } from '../../../../specs/vocabulary/index.ts';
import { fixtureCase } from './recorded-run.ts';

const up: NodeWorld = { registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0 };

function container(image: string, imagePullPolicy?: Container['imagePullPolicy']): Container {
  return {
    name: 'app',
    role: 'regular',
    image,
    ...(imagePullPolicy ? { imagePullPolicy } : {}),
    behavior: { base: { onTerm: { type: 'exit', exitCode: 143, afterSeconds: 0 } }, restarts: [] },
    extra: {},
  };
}

describe('chooseImage', () => {
  it('keeps a pullable or cached image present', () => {
    expect(chooseImage(container('nginx:1.36', 'IfNotPresent'), up, 'ABSENT')).toEqual({
      reference: 'nginx:1.36',
      present: true,
      pulls: true,
    });
    expect(chooseImage(container('nginx:1.36', 'Never'), { ...up, cached: ['nginx:1.36'] }, 'ABSENT').present).toBe(
      true,
    );
  });

  it('makes Never without a cached copy, and an unpullable uncached image, absent under a name of their own', () => {
    expect(chooseImage(container('busybox:1.36', 'Never'), up, 'ABSENT')).toEqual({
      reference: 'ABSENT',
      present: false,
    });
    const node = { ...up, unpullable: ['nosuch/img:1'] };
    expect(chooseImage(container('nosuch/img:1', 'IfNotPresent'), node, 'ABSENT').present).toBe(false);
    expect(chooseImage(container('busybox:1.36', 'IfNotPresent'), { ...up, registry: 'down' }, 'ABSENT').present).toBe(
      false,
    );
  });

  it('turns an explicit Always that would pull into IfNotPresent, and leaves a defaulted one unset', () => {
    expect(chooseImage(container('busybox:1.36', 'Always'), up, 'ABSENT')).toEqual({
      reference: 'busybox:1.36',
      present: true,
      pulls: true,
      pullPolicy: 'IfNotPresent',
    });
    expect(chooseImage(container('busybox'), up, 'ABSENT')).toEqual({
      reference: 'busybox',
      present: true,
      pulls: true,
    });
    const cachedButUnpullable = { ...up, cached: ['busybox:latest'], unpullable: ['busybox:latest'] };
    expect(chooseImage(container('busybox:latest'), cachedButUnpullable, 'ABSENT').present).toBe(false);
  });
});

describe('realiseImages', () => {
  it('rewrites each container of the manifest and lists the names to tag', () => {
    const { scenario } = fixtureCase('init-term-kill');
    const manifest = {
      spec: {
        initContainers: [{ name: 'init1', image: 'busybox:1.36' }],
        containers: [
          { name: 'app', image: 'busybox:1.36' },
          { name: 'quick', image: 'busybox:1.36' },
        ],
      },
    };
    const never = {
      ...scenario,
      node: { ...scenario.node, cached: [] },
      pod: {
        ...scenario.pod,
        containers: scenario.pod.containers.map((c) => ({ ...c, imagePullPolicy: 'Never' as const })),
      },
    };
    const result = realiseImages(manifest, never, 'pc-x-1');
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.present).toEqual(['busybox:1.36']);
    const spec = result.manifest['spec'] as { containers: { image: string }[]; initContainers: { image: string }[] };
    expect(spec.initContainers[0]?.image).toBe('busybox:1.36');
    expect(spec.containers.map((c) => c.image)).toEqual([
      'localhost/podconform-absent:pc-x-1-1',
      'localhost/podconform-absent:pc-x-1-2',
    ]);
  });

  it('cannot make a pull take time: a scenario with pullTakes where a container pulls is unexpressible', () => {
    const { scenario } = fixtureCase('init-term-kill');
    const slow = { ...scenario, node: { ...scenario.node, cached: [], pullTakesSeconds: 20 } };
    const manifest = { spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } };
    const result = realiseImages(manifest, slow, 'pc-x-1');
    expect(result.status === 'unexpressible' ? result.reason : '').toMatch(/cannot make a pull take 20 s/);
    const cached = { ...slow, node: { ...slow.node, cached: ['busybox:1.36'] } };
    expect(realiseImages(manifest, cached, 'pc-x-1').status).toBe('ok');
  });

  it('cannot make a digest-pinned image appear without a registry', () => {
    const { scenario } = fixtureCase('init-term-kill');
    const image = 'busybox@sha256:45b23dee08af5e43a7fea6c4cf9c25ccf269ee113168c19722f87876677c5cb2';
    const pinned = {
      ...scenario,
      pod: { ...scenario.pod, containers: scenario.pod.containers.map((c) => ({ ...c, image })) },
    };
    const manifest = { spec: { containers: [{ name: 'app', image }] } };
    const result = realiseImages(manifest, pinned, 'pc-x-1');
    expect(result.status).toBe('unexpressible');
  });
});
