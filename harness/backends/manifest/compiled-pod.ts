/**
 * The contract between the manifest compiler and the real backends: what a scenario becomes on a backend that
 * runs Kubernetes pod YAML (a cluster through the API, `podman kube play`).
 */

/** Which runner the manifest is for: any Kubernetes cluster, or podman 4.3's `kube play`. */
export type ManifestFlavour = 'kube' | 'podman';
export const manifestFlavours: ReadonlyArray<ManifestFlavour> = ['kube', 'podman'];

/** Where every container mounts the marker volume, and the file the scripts append to. */
export const markerMountPath = '/podconform';
export const markerFileName = 'markers';

export interface CompileOptions {
  readonly flavour: ManifestFlavour;
  /** the pod's name on the backend (podman needs one unique per run; a cluster may keep the case's) */
  readonly podName: string;
  /** kube: the namespace the suite created for this scenario; absent: none written */
  readonly namespace?: string;
  /** the directory on the node (host) mounted at `markerMountPath` as a hostPath volume */
  readonly markerHostDir: string;
  /** labels the suite puts on everything it creates, so that it can find and remove it later */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A v1 Pod as a plain object, ready for `kubectl apply -f -` or `podman kube play`. */
export type PodManifest = Readonly<Record<string, unknown>>;

export interface CompiledPod {
  readonly manifest: PodManifest;
  /** every image reference the manifest names, for the backend to load, tag or leave unpullable */
  readonly images: ReadonlyArray<string>;
  /**
   * Point names this manifest cannot mark (a `sleep` hook runs in the kubelet, not in the container): the backend
   * adds them to the observation's `unobservablePoints`.
   */
  readonly unmarkedPoints: ReadonlyArray<string>;
}

/** `unexpressible`: the scenario needs something this flavour cannot act out; the run reports `unknown` with it. */
export type CompileOutcome =
  { readonly status: 'ok'; readonly pod: CompiledPod } | { readonly status: 'unexpressible'; readonly reason: string };
