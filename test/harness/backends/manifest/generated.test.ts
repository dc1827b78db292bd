/**
 * Generated scenarios (generators/scenario.ts) compile on both flavours without throwing; what compiles is a valid
 * v1 Pod naming every image, and what does not has one of the reasons the compiler documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from '../../../../generators/scenario.ts';
import { compileManifest, manifestFlavours } from '../../../../harness/backends/manifest/index.ts';
import { allContainers } from '../../../../specs/vocabulary/index.ts';
import { podSchemaProblems } from './pod-schema.ts';

const knownReasons = [
  /^\S+ (startup|liveness|readiness)Probe: a grpc probe needs a gRPC health server, which busybox does not have$/,
  /^podman has no registry the suite can take down$/,
];

describe('generated scenarios', () => {
  it('compile for both flavours: a valid Pod, or unexpressible for a documented reason', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        for (const flavour of manifestFlavours) {
          const outcome = compileManifest(s, { flavour, podName: 'generated', markerHostDir: '/tmp/podconform/g' });
          if (outcome.status === 'unexpressible') {
            expect(
              knownReasons.some((r) => r.test(outcome.reason)),
              outcome.reason,
            ).toBe(true);
            if (flavour === 'podman') continue;
            // a cluster can act out a registry fault: only handlers make a scenario unexpressible there
            expect(outcome.reason).toMatch(/grpc/);
            continue;
          }
          expect(podSchemaProblems(outcome.pod.manifest)).toEqual([]);
          expect(new Set(outcome.pod.images)).toEqual(new Set(allContainers(s.pod).map((c) => c.image)));
        }
      }),
      { numRuns: 100 },
    );
  });
});
