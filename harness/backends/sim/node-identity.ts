/**
 * Who the pod and its node are: the namespace, the pod UID, the node's name, the pod IP and the
 * container runtime (KUBELET-FACTS Corrections 18, 25). Messages that name the pod carry these. The
 * nominal identity is the plain one (`default`, `uid`, `node`); the realistic one is drawn per
 * scenario from the seeded PRNG, never `default` or `node`, and a namespace written in the manifest
 * is always kept (the only part a prediction can know).
 */
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import type { Prng } from './prng.ts';

/** The container runtime behind the CRI: it words its own errors, and only some report RegistryUnavailable. */
export type RuntimeFlavour = 'containerd' | 'cri-o';

/** The pod's and the node's names as the node's messages show them. */
export interface PodIdentity {
  readonly namespace: string;
  readonly uid: string;
  readonly nodeName: string;
  readonly podIp: string;
  readonly runtime: RuntimeFlavour;
}

/** metadata.namespace as written in the manifest, if it is a usable name. */
export function manifestNamespace(scenario: Scenario): string | undefined {
  const ns = scenario.pod.metadataExtra['namespace'];
  return typeof ns === 'string' && ns !== '' ? ns : undefined;
}

/** The plain identity of the nominal simulator. */
export function nominalIdentity(scenario: Scenario): PodIdentity {
  return {
    namespace: manifestNamespace(scenario) ?? 'default',
    uid: 'uid',
    nodeName: 'node',
    podIp: '10.244.0.5',
    runtime: 'containerd',
  };
}

// Namespaces people create for workloads and test runs; none is `default`.
const namespaceStems = ['team-payments', 'staging', 'apps', 'ci', 'e2e-tests', 'batch', 'web', 'platform', 'dev'];

/** A realistic identity drawn from `prng`: a random v4 UID, a cloud- or kind-style node name, a pod-network IP. */
export function drawIdentity(scenario: Scenario, prng: Prng): PodIdentity {
  const stem = prng.pick(namespaceStems);
  // half of them carry a run suffix, as generated test namespaces do (e2e's "pods-1234")
  const drawn = prng.next() < 0.5 ? `${stem}-${prng.int(1000, 99999)}` : stem;
  return {
    namespace: manifestNamespace(scenario) ?? drawn,
    uid: uuidV4(prng),
    nodeName: nodeName(prng),
    podIp: `10.${prng.pick([244, 42, 96, 128])}.${prng.int(0, 255)}.${prng.int(2, 254)}`,
    // most clusters run containerd; CRI-O is the common other one
    runtime: prng.next() < 0.75 ? 'containerd' : 'cri-o',
  };
}

function nodeName(prng: Prng): string {
  switch (prng.int(0, 4)) {
    case 0:
      return `ip-10-0-${prng.int(0, 255)}-${prng.int(1, 254)}.ec2.internal`;
    case 1:
      return `gke-prod-default-pool-${prng.hex(8)}-${alnum(prng, 4)}`;
    case 2:
      return `aks-nodepool1-${prng.int(10_000_000, 99_999_999)}-vmss${String(prng.int(0, 9)).padStart(6, '0')}`;
    case 3:
      return prng.next() < 0.5 ? 'kind-worker' : `kind-worker${prng.int(2, 4)}`;
    default:
      return `worker-${prng.int(1, 12)}`;
  }
}

/** An RFC 4122 version-4 UUID from the PRNG (version nibble 4, variant 8-b). */
export function uuidV4(prng: Prng): string {
  const h = (n: number): string => prng.hex(n);
  const variant = prng.pick(['8', '9', 'a', 'b']);
  return `${h(8)}-${h(4)}-4${h(3)}-${variant}${h(3)}-${h(12)}`;
}

function alnum(prng: Prng, n: number): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += chars.charAt(prng.int(0, chars.length - 1));
  return s;
}
