/** The API side of the lifecycle: creation, deletion requests, force deletion, removal and deadlines. */
import type { Rule } from './rule.ts';
import { kubeletFact } from './rule.ts';

/** The rules about the pod object in the API. */
export const apiRules: ReadonlyArray<Rule> = [
  {
    id: 'kubelet.pod.created',
    area: 'api',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A pod's life starts when the API server accepts it with its defaults filled in (`restartPolicy` Always, grace 30 s, pull policies, probe fields); the kubelet then starts a pod worker whose first sync sets up the sandbox and probe workers before any container.",
    sources: [
      kubeletFact('KUBELET-FACTS §13', 'pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec'),
      kubeletFact('KUBELET-FACTS §1.3', 'pkg/kubelet/kubelet.go: SyncPod'),
    ],
  },
  {
    id: 'kubelet.api.delete',
    area: 'api',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A graceful delete sets `deletionTimestamp` to now plus the grace and `deletionGracePeriodSeconds` to the request's value, else the spec's; a negative value becomes 1, an unscheduled or already finished pod is deleted with 0, and a later delete may only shorten the grace.",
    sources: [kubeletFact('KUBELET-FACTS §5.1', 'pkg/registry/core/pod/strategy.go: podStrategy.CheckGracefulDelete')],
  },
  {
    id: 'kubelet.api.kubectl-grace',
    area: 'api',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      '`kubectl delete --grace-period=0` without `--force` sends 1; `--force` without a grace sends 0; `--now` sends 1.',
    sources: [
      kubeletFact('KUBELET-FACTS §5.1', 'staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go: DeleteOptions.Complete'),
    ],
  },
  {
    id: 'kubelet.api.force-delete',
    area: 'api',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A delete with grace 0 removes the API object at once without waiting for the node, while the kubelet still terminates the containers with the spec grace, preStop included.',
    sources: [
      kubeletFact('KUBELET-FACTS §5.1', 'pkg/registry/core/pod/strategy.go: podStrategy.CheckGracefulDelete'),
      kubeletFact('Corrections 1', 'pkg/kubelet/pod_workers.go: calculateEffectiveGracePeriod'),
    ],
  },
  {
    id: 'kubelet.api.gone-after-terminated',
    area: 'api',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "After the containers have stopped and the terminal status has been written, the kubelet deletes the API object with grace 0, so `pod.gone` follows the last container's exit.",
    sources: [kubeletFact('KUBELET-FACTS §5.5', 'pkg/kubelet/status/status_manager.go: TerminatePod')],
  },
  {
    id: 'kubelet.deadline.active-deadline',
    area: 'api',
    origin: 'kubelet',
    standing: 'firm',
    standingNote: 'How the containers are then stopped is not detailed in KUBELET-FACTS.',
    observable: true,
    statement:
      "A pod running longer than `activeDeadlineSeconds` is made Failed with reason DeadlineExceeded by the kubelet's eviction handlers; the check runs on the 1 s sync ticker.",
    sources: [
      kubeletFact('KUBELET-FACTS §6.4', 'pkg/kubelet/kubelet_pods.go: generateAPIPodStatus'),
      kubeletFact('Corrections 8', 'pkg/kubelet/kubelet.go: syncLoop'),
    ],
  },
];
