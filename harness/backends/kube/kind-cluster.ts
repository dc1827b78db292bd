/**
 * The kind cluster a `--backend kind` run uses: `--cluster NAME` (default `podconform`) is reused when
 * `kind get clusters` lists it, else created with a configuration that lets the suite act out pull faults
 * (containerd reads per-registry `hosts.toml` files from /etc/containerd/certs.d, as kind's local-registry guide
 * sets up) and lets concurrent scenarios pull independently (`serializeImagePulls: false`: on a real node a pod
 * does not wait for another pod's pull, and the model predicts a pod alone on its node).
 */
import type { RunCommand } from './processes.ts';

/** The default cluster name. */
export const defaultKindCluster = 'podconform';

/** The configuration of a cluster the suite creates. */
export const kindClusterConfig = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
containerdConfigPatches:
  - |-
    [plugins."io.containerd.grpc.v1.cri".registry]
      config_path = "/etc/containerd/certs.d"
kubeadmConfigPatches:
  - |
    kind: KubeletConfiguration
    serializeImagePulls: false
`;

export interface KindCluster {
  readonly name: string;
  /** kind's kubeconfig context for it */
  readonly context: string;
  /** the node containers' names (`podconform-control-plane`) */
  readonly nodes: ReadonlyArray<string>;
  /** whether this run created it (a reused cluster's registry routing is only changed if the suite set it up) */
  readonly created: boolean;
}

export type KindClusterOutcome =
  | { readonly status: 'ready'; readonly cluster: KindCluster }
  | { readonly status: 'unavailable'; readonly reason: string };

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * Reuses or creates the cluster `name`; a created cluster runs `nodeImage` when given (PODCONFORM_KIND_NODE_IMAGE,
 * e.g. a 1.35 kindest/node image pinned by digest), else the kind release's default.
 */
export async function ensureKindCluster(
  run: RunCommand,
  kind: string,
  name: string,
  nodeImage?: string,
): Promise<KindClusterOutcome> {
  const list = await run(kind, ['get', 'clusters']);
  if (!list.ok) return { status: 'unavailable', reason: `could not list kind clusters: ${list.summary}` };
  const exists = lines(list.stdout).includes(name);
  if (!exists) {
    const image = nodeImage === undefined || nodeImage === '' ? [] : ['--image', nodeImage];
    const create = await run(kind, ['create', 'cluster', '--name', name, ...image, '--config', '-', '--wait', '180s'], {
      input: kindClusterConfig,
      timeoutSeconds: 600,
    });
    if (!create.ok)
      return { status: 'unavailable', reason: `could not create kind cluster ${name}: ${create.summary}` };
  }
  const nodes = await run(kind, ['get', 'nodes', '--name', name]);
  if (!nodes.ok || lines(nodes.stdout).length === 0) {
    return { status: 'unavailable', reason: `kind cluster ${name} has no nodes: ${nodes.summary}` };
  }
  return { status: 'ready', cluster: { name, context: `kind-${name}`, nodes: lines(nodes.stdout), created: !exists } };
}
