/** The cluster backends: `--backend kube` (any cluster through a kubeconfig) and `--backend kind`. */
export {
  createKubeBackend,
  kubeClockResolutionSeconds,
  kubeDefaultParallelism,
  type KubeBackendOptions,
  type KubeBackendSeams,
} from './kube-backend.ts';
export { deriveObservation, type RunRecord } from './observation.ts';
