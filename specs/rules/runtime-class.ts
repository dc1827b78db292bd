/** RuntimeClass: handler selection, admission merges and sandbox failures. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about RuntimeClass and the pod sandbox. */
export const runtimeClassRules: ReadonlyArray<Rule> = [
  {
    id: 'rtc.select-by-name',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Setting `spec.runtimeClassName` selects the RuntimeClass whose handler the kubelet then uses for the pod.',
    sources: [
      quoted(seedFiles.concepts, 'This will instruct the kubelet to use the named RuntimeClass to run this pod.'),
    ],
  },
  {
    id: 'rtc.default-handler',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "Pods that leave `runtimeClassName` unset are run by the node's default handler, as though RuntimeClass were not a feature at all.",
    sources: [
      quoted(seedFiles.concepts, 'If no runtimeClassName is specified, the default RuntimeHandler will be used'),
    ],
  },
  {
    id: 'rtc.unknown-fails',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'disputed',
    standingNote:
      'Current Kubernetes refuses a pod that names a missing class at admission, so no pod exists to fail; a class whose handler the runtime lacks leaves the pod Pending with FailedCreatePodSandBox events instead.',
    observable: true,
    statement:
      'Naming a RuntimeClass that is missing, or whose handler the CRI cannot run, sends the pod to phase Failed, and an event gives the reason.',
    sources: [
      quoted(
        seedFiles.concepts,
        'or the CRI cannot run the corresponding handler, the pod will enter the Failed terminal phase',
      ),
      kubeletFact('KUBELET-FACTS §1.4', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
      kubeletFact('KUBELET-FACTS §6.4', 'pkg/kubelet/kubelet_pods.go: getPhase'),
    ],
    divergence: {
      documented: 'The pod enters the terminal phase Failed.',
      kubelet:
        'A missing class is refused at admission, so no pod exists; for an existing class whose handler the runtime cannot run, sandbox creation fails with Warning FailedCreatePodSandBox, is retried on every sync, and the pod stays Pending.',
    },
  },
  {
    id: 'rtc.object-shape',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'RuntimeClass objects live at cluster scope in `node.k8s.io/v1`; apart from metadata, only the name and the `handler` matter.',
    sources: [
      quoted(seedFiles.concepts, 'RuntimeClass is a non-namespaced resource.'),
      quoted(seedFiles.concepts, 'The RuntimeClass resource currently only has 2 significant fields'),
    ],
  },
  {
    id: 'rtc.handler-dns-label',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'Handler values are restricted to DNS labels.',
    sources: [quoted(seedFiles.concepts, 'The handler must be a valid DNS label name.')],
  },
  {
    id: 'rtc.name-dns-subdomain',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'RuntimeClass names are restricted to DNS subdomains.',
    sources: [quoted(seedFiles.concepts, 'The name of a RuntimeClass object must be a valid DNS subdomain name.')],
  },
  {
    id: 'rtc.scheduling-default-all-nodes',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'Leaving out `scheduling` declares that every node supports the class.',
    sources: [
      quoted(
        seedFiles.concepts,
        'If scheduling is not set, this RuntimeClass is assumed to be supported by all nodes.',
      ),
    ],
  },
  {
    id: 'rtc.nodeselector-intersection',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      "At admission the pod's nodeSelector becomes the combination of its own and the class's (the set of nodes both allow); an incompatible pair makes admission reject the pod.",
    sources: [
      quoted(
        seedFiles.concepts,
        "The RuntimeClass's nodeSelector is merged with the pod's nodeSelector in admission, effectively taking the intersection",
      ),
      quoted(seedFiles.concepts, 'If there is a conflict, the pod will be rejected.'),
    ],
  },
  {
    id: 'rtc.tolerations-union',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: "At admission the pod's tolerations are extended by those the class declares.",
    sources: [
      quoted(
        seedFiles.concepts,
        "the tolerations are merged with the pod's tolerations in admission, effectively taking the union",
      ),
    ],
  },
  {
    id: 'rtc.overhead',
    area: 'runtime-class',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Pods using a class with `overhead` carry that overhead, and both scheduling and resource accounting include it.',
    sources: [quoted(seedFiles.concepts, 'Pod overhead is defined in RuntimeClass through the overhead field.')],
  },
  {
    id: 'kubelet.sandbox.runtime-class',
    area: 'runtime-class',
    origin: 'kubelet',
    standing: 'inferred',
    standingNote:
      'KUBELET-FACTS describes sandbox failures in general; that an unrunnable RuntimeClass handler takes this path is inferred.',
    observable: true,
    statement:
      'If the runtime cannot create the pod sandbox (for example for a RuntimeClass handler it lacks), the sync fails with Warning `FailedCreatePodSandBox`, no container starts, the pod is retried on the error requeue and stays Pending.',
    sources: [
      kubeletFact('KUBELET-FACTS §1.4', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
      kubeletFact('KUBELET-FACTS §10', 'pkg/kubelet/events/event.go'),
      kubeletFact('KUBELET-FACTS §6.4', 'pkg/kubelet/kubelet_pods.go: getPhase'),
    ],
  },
  {
    id: 'kubelet.sandbox.changed',
    area: 'runtime-class',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      'A pod needs a new sandbox when it has none, more than one ready, a newest one not ready, a changed network namespace mode, or a pod-network sandbox without IP; the kubelet then emits Normal `SandboxChanged` and kills and recreates it.',
    sources: [
      kubeletFact('KUBELET-FACTS §1.5', 'pkg/kubelet/kuberuntime/util/util.go: PodSandboxChanged'),
      kubeletFact('KUBELET-FACTS §1.4', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
    ],
  },
];
