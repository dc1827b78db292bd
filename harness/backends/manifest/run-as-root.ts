/**
 * The scripts append to a hostPath directory. On a cluster the kubelet creates it (`DirectoryOrCreate`) owned by
 * root with mode 0755, so a container that runs as another user cannot write a single marker, and nothing in a
 * Pod can change the directory's owner (fsGroup does not apply to hostPath volumes). Such a pod is unexpressible on
 * a cluster. On podman the backend creates the directory itself and can make it writable for every user, so the
 * pod is compiled as written there.
 */
import type { Container, PodSpec } from '../../../specs/vocabulary/index.ts';
import type { ManifestFlavour } from './compiled-pod.ts';
import { Unexpressible } from './unexpressible.ts';

function nonRoot(securityContext: unknown): boolean {
  if (typeof securityContext !== 'object' || securityContext === null) return false;
  const s = securityContext as Record<string, unknown>;
  return s['runAsNonRoot'] === true || (typeof s['runAsUser'] === 'number' && s['runAsUser'] !== 0);
}

/** Throws Unexpressible when a container of `pod` would run as a user other than root on a cluster. */
export function checkRunsAsRoot(pod: PodSpec, containers: ReadonlyArray<Container>, flavour: ManifestFlavour): void {
  if (flavour !== 'kube') return;
  const podLevel = nonRoot(pod.specExtra['securityContext']);
  for (const c of containers) {
    if (podLevel || nonRoot(c.extra['securityContext'])) {
      throw new Unexpressible(
        `${c.name} runs as a user other than root and could not write its markers to the hostPath the kubelet creates for root`,
      );
    }
  }
}
