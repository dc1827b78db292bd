// What podman can act out is decided before a pod runs, with the reasons run-pod reports as unknown.
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../../library-scenario.ts';
import { compileManifest } from '../../../../harness/backends/manifest/index.ts';
import { podmanCannotExpress } from '../../../../harness/backends/podman/expressible.ts';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';

describe('podmanCannotExpress', () => {
  it('accepts a pod of local images with whole-second graces', async () => {
    const s = await libraryScenario('specs/cases/init/pc-init-three-run-in-order.case.yaml');
    expect(podmanCannotExpress(s, compileManifest)).toBeUndefined();
  });

  it('names a registry fault, a fractional delete grace and a pull that must take time', async () => {
    const s = await libraryScenario('specs/cases/init/pc-init-three-run-in-order.case.yaml');
    expect(podmanCannotExpress({ ...s, node: { ...s.node, registry: 'down' } }, compileManifest)).toMatch(
      /^not expressible on podman: .*registry/,
    );
    const fractional: Scenario = { ...s, actions: [{ type: 'delete', atSeconds: 2, gracePeriodSeconds: 1.5 }] };
    expect(podmanCannotExpress(fractional, compileManifest)).toBe(
      'not expressible on podman: delete grace 1.5 s is not a whole number of seconds',
    );
    const pulling: Scenario = { ...s, node: { ...s.node, cached: [], pullTakesSeconds: 2 } };
    expect(podmanCannotExpress(pulling, compileManifest)).toMatch(/cannot make a pull take 2 s/);
  });
});
