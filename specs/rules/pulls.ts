/** Image pulls: policy defaulting, what each policy does, serial pulls and the kubelet's image manager. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about pulling images. */
export const pullRules: ReadonlyArray<Rule> = [
  {
    id: 'pull.default-policy-latest',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'The API server defaults a missing `imagePullPolicy` to `Always` for an image tagged `:latest`.',
    sources: [
      quoted(seedFiles.book, 'it defaults to Always if the :latest tag is used in the image'),
      quoted(
        seedFiles.concepts,
        'the tag for the container image is :latest , imagePullPolicy is automatically set to Always',
      ),
      quoted(seedFiles.initNotes, 'it defaults to Always if the :latest tag is used in the image'),
    ],
  },
  {
    id: 'pull.default-policy-no-tag',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      "001 and 004 speak only of `:latest` and of other tags; they agree through image.default-tag-latest, and the untagged `nginx` re-pull in 002's event listing fits.",
    observable: true,
    statement:
      'The API server defaults a missing `imagePullPolicy` to `Always` for an image reference carrying neither tag nor digest.',
    sources: [
      quoted(
        seedFiles.concepts,
        "you don't specify the tag for the container image, imagePullPolicy is automatically set to Always",
      ),
    ],
  },
  {
    id: 'pull.default-policy-other-tag',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'The API server defaults a missing `imagePullPolicy` to `IfNotPresent` for any tag except `latest`.',
    sources: [
      quoted(seedFiles.book, 'For other image tags, it defaults to IfNotPresent.'),
      quoted(
        seedFiles.concepts,
        "the tag for the container image that isn't :latest , the imagePullPolicy is automatically set to IfNotPresent",
      ),
    ],
  },
  {
    id: 'pull.default-policy-digest',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      'Firm for a digest without a tag; for `name:latest@digest` the defaulting bullets conflict and the documents do not rank them.',
    observable: true,
    statement:
      'The API server defaults a missing `imagePullPolicy` to `IfNotPresent` for an image referenced by digest.',
    sources: [
      quoted(
        seedFiles.concepts,
        'you specify the digest for the container image, the imagePullPolicy is automatically set to IfNotPresent.',
      ),
      kubeletFact('KUBELET-FACTS §9.1', 'pkg/apis/core/v1/defaults.go: SetDefaults_Container'),
      kubeletFact('KUBELET-FACTS §12.7', 'pkg/util/parsers: ParseImageName'),
    ],
    divergence: {
      documented: 'Any image given by digest defaults to IfNotPresent.',
      kubelet:
        'Defaulting looks only at the tag: `name@sha256:…` gets IfNotPresent, but `name:latest@sha256:…` gets Always because the tag wins.',
    },
  },
  {
    id: 'pull.default-set-once',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Policy defaulting happens only at creation: editing the image afterwards (say, to a `:latest` tag) does not revise the stored `imagePullPolicy`.',
    sources: [
      quoted(
        seedFiles.concepts,
        "is always set when the object is first created, and is not updated if the image's tag or digest later changes",
      ),
    ],
  },
  {
    id: 'pull.default-ifnotpresent-blanket',
    area: 'pulls',
    origin: 'documents',
    standing: 'disputed',
    standingNote:
      'Contradicted by the `:latest` and untagged defaults in 003 itself and in 001/004; it holds only for other tags and for digests.',
    observable: false,
    statement:
      "One paragraph of 003 ('Updating images') claims that `IfNotPresent` is the default for all containers lacking an explicit policy.",
    sources: [
      quoted(
        seedFiles.concepts,
        'by default the pull policy of all containers in that pod will be set to IfNotPresent if it is not explicitly specified',
      ),
      kubeletFact('KUBELET-FACTS §9.1', 'pkg/apis/core/v1/defaults.go: SetDefaults_Container'),
    ],
    divergence: {
      documented: 'Every container without an explicit policy gets IfNotPresent.',
      kubelet:
        'Only references with a tag other than `latest` (or a bare digest) get IfNotPresent; `:latest` and untagged references get Always.',
    },
  },
  {
    id: 'pull.before-create',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Image acquisition, as dictated by the pull policy, completes before the container exists: `C.pulled` precedes `C.created`.',
    sources: [
      quoted(
        seedFiles.book,
        "Before the container is created, its image is pulled from the image registry, following the pod's imagePullPolicy.",
      ),
      quoted(seedFiles.runNotes, 'Once the image is pulled, the container is created'),
    ],
  },
  {
    id: 'pull.always-every-start',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'With policy `Always`, the node resolves the reference to a digest at the registry before each start, restarts included (`C.pullStarted` before every `C.started#N`).',
    sources: [
      quoted(seedFiles.book, 'The image is pulled every time the container is (re)started.'),
      quoted(
        seedFiles.concepts,
        'the kubelet queries the container image registry to resolve the name to an image digest',
      ),
    ],
  },
  {
    id: 'pull.always-cached-reuse',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'With policy `Always` and the resolved digest already on the node, no layers are fetched, yet the registry round-trip still happens.',
    sources: [
      quoted(seedFiles.book, 'If the locally cached image matches the one in the registry, it is not downloaded again'),
      quoted(
        seedFiles.concepts,
        'If the kubelet has a container image with that exact digest cached locally, the kubelet uses its cached image',
      ),
    ],
  },
  {
    id: 'pull.always-registry-down',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'With policy `Always`, an unreachable registry blocks the start even though the node has the image cached; `C.started` never occurs.',
    sources: [
      quoted(seedFiles.book, 'the container will not run even if the same image is already stored locally'),
      quoted(
        seedFiles.initNotes,
        'A registry that is unavailable may therefore prevent your application from (re)starting',
      ),
    ],
  },
  {
    id: 'pull.policy-applies-on-restart',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'Each restart re-evaluates the pull policy, just as the first start did.',
    sources: [quoted(seedFiles.book, 'The image-pull policy is also applied every time the container is restarted')],
  },
  {
    id: 'pull.always-repull-on-restart',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'With policy `Always`, the pull for a restart happens after the previous instance exits and before the new one starts, so a re-pushed tag reaches the running pod without recreating it.',
    sources: [
      quoted(
        seedFiles.book,
        'If the container needs to be restarted and imagePullPolicy is set to Always, the container image is pulled again.',
      ),
      quoted(seedFiles.initNotes, 'the updated container image will be pulled before the container is restarted'),
    ],
  },
  {
    id: 'pull.ifnotpresent-cached-skips',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'With policy `IfNotPresent` and the image already local, the node does not talk to the registry; no `C.pullStarted`.',
    sources: [quoted(seedFiles.concepts, 'the image is pulled only if it is not already present locally.')],
  },
  {
    id: 'pull.ifnotpresent-missing-pulls',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'With policy `IfNotPresent` and the image absent from the node, a pull takes place.',
    sources: [quoted(seedFiles.book, 'Image is pulled if it is not already present on the worker node.')],
  },
  {
    id: 'pull.ifnotpresent-once-per-node',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      'Assumes the image is never evicted from the node; the documents leave image garbage collection aside.',
    observable: true,
    statement:
      'With policy `IfNotPresent`, a node fetches an image the first time some container needs it and reuses that copy for every later restart.',
    sources: [quoted(seedFiles.book, "This ensures that the image is only pulled the first time it's required.")],
  },
  {
    id: 'pull.never-uses-local',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'With policy `Never`, no registry contact ever occurs; an image present on the node is simply run.',
    sources: [
      quoted(
        seedFiles.concepts,
        'If the image is somehow already present locally, the kubelet attempts to start the container',
      ),
      quoted(seedFiles.book, 'The container image is never pulled from the registry.'),
    ],
  },
  {
    id: 'pull.never-missing-fails',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    standingNote: 'The documents give no waiting reason for this; kubelet.image.never-pull supplies ErrImageNeverPull.',
    observable: true,
    statement:
      'Policy `Never` plus an image missing from the node means `C.started` never occurs; the container is left waiting.',
    sources: [
      quoted(seedFiles.concepts, 'otherwise, startup fails.'),
      quoted(seedFiles.book, 'It must exist on the worker node beforehand.'),
    ],
  },
  {
    id: 'pull.local-preferred-or-exclusive',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      'Its paragraph begins with a looser claim (the kubelet pulls from the registry by default) that does not fit the IfNotPresent default of tagged images.',
    observable: true,
    statement:
      'Registry outages leave cached images usable under both `IfNotPresent` (local copy preferred) and `Never` (local copy only).',
    sources: [quoted(seedFiles.concepts, 'then a local image is used (preferentially or exclusively, respectively)')],
  },
  {
    id: 'pull.prepulled-shared',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'A cached image is open to every pod whose policy is `IfNotPresent` or `Never`, credentials or not, which makes pre-loading all nodes an alternative to registry authentication.',
    sources: [quoted(seedFiles.concepts, 'All pods will have read access to any pre-pulled images.')],
  },
  {
    id: 'pull.always-pull-images-admission',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      "Enabling the AlwaysPullImages admission plugin rewrites every container's policy to `Always`, routing every start through registry authorisation; lacking it, cached images are shared by all pods.",
    sources: [
      quoted(
        seedFiles.concepts,
        'Ensure AlwaysPullImages admission controller is active. Otherwise, all Pods potentially have access to all images.',
      ),
    ],
  },
  {
    id: 'pull.serial-default',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'Out of the box, the kubelet issues pull requests to the image service one by one, queueing the rest.',
    sources: [quoted(seedFiles.concepts, 'By default, kubelet pulls images serially.')],
  },
  {
    id: 'pull.no-parallel-within-pod',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'Two pulls on behalf of the same pod never overlap in time.',
    sources: [quoted(seedFiles.concepts, 'The kubelet never pulls multiple images in parallel on behalf of one Pod.')],
  },
  {
    id: 'pull.parallel-opt-in',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Turning `serializeImagePulls` off makes the kubelet dispatch pulls for different pods immediately, so they proceed concurrently.',
    sources: [
      quoted(
        seedFiles.concepts,
        'With serializeImagePulls set to false, image pull requests will be sent to the image service immediately',
      ),
    ],
  },
  {
    id: 'pull.max-parallel-limit',
    area: 'pulls',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote: '003 describes the setting as alpha since v1.27.',
    observable: false,
    statement:
      'The kubelet setting `maxParallelImagePulls` caps how many pulls run at once; it must be ≥ 1, a value ≥ 2 is only valid with serialised pulls switched off, and an invalid value prevents kubelet start-up.',
    sources: [
      quoted(seedFiles.concepts, 'With maxParallelImagePulls set to n, only n images can be pulled at the same time'),
      quoted(seedFiles.concepts, 'The kubelet will fail to start with invalid maxParallelImagePulls settings.'),
    ],
  },
  {
    id: 'pull.nodes-independent',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Pull scheduling is per node: serial pulling on each node does not stop two nodes from fetching the same image simultaneously.',
    sources: [quoted(seedFiles.concepts, 'Nodes make image pull decisions in isolation.')],
  },
  {
    id: 'pull.per-runtime-class',
    area: 'pulls',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote: 'Behind an alpha feature gate (v1.29 according to 003).',
    observable: false,
    statement:
      'Under the RuntimeClassInImageCriApi gate the image store is keyed by name plus runtime handler, so one reference can be fetched separately for each handler.',
    sources: [
      quoted(
        seedFiles.concepts,
        'the kubelet references container images by a tuple of (image name, runtime handler) rather than just the image name or digest',
      ),
    ],
  },
  {
    id: 'pull.multi-arch-index',
    area: 'pulls',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'When a reference points to an image index, every node picks the manifest that fits its CPU architecture.',
    sources: [
      quoted(
        seedFiles.concepts,
        'An image index can point to multiple image manifests for architecture-specific versions of a container.',
      ),
    ],
  },
  {
    id: 'kubelet.image.default-policy',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      'When `imagePullPolicy` is empty at creation, the API server defaults it from the tag alone: `latest` (supplied when there is neither tag nor digest) gives Always, anything else IfNotPresent, so `name:latest@sha256:…` is Always.',
    sources: [kubeletFact('KUBELET-FACTS §9.1', 'pkg/apis/core/v1/defaults.go: SetDefaults_Container')],
  },
  {
    id: 'kubelet.image.never-pull',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Under `Never` with the image absent, the kubelet emits Warning `ErrImageNeverPull` ("Container image "X" is not present with pull policy of Never") and the container waits with reason ErrImageNeverPull.',
    sources: [kubeletFact('KUBELET-FACTS §9.2', 'pkg/kubelet/images/image_manager.go: EnsureImageExists')],
  },
  {
    id: 'kubelet.image.present',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    standingNote:
      'With KubeletEnsureSecretPulledImages (beta, on in 1.35) the kubelet first checks that the pod\'s credentials may use the cached image; the message then ends "and can be accessed by the pod".',
    observable: true,
    statement:
      'Under `IfNotPresent` or `Never` with the image on the node, the kubelet emits Normal `Pulled` "Container image "X" already present on machine" and pulls nothing.',
    sources: [
      kubeletFact('KUBELET-FACTS §9.2', 'pkg/kubelet/images/image_manager.go: EnsureImageExists, imagePullPrecheck'),
    ],
  },
  {
    id: 'kubelet.image.pull-events',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A pull emits Normal `Pulling` "Pulling image "X"", then either Normal `Pulled` "Successfully pulled image "X" in …" or Warning `Failed` "Failed to pull image "X": …" followed by Warning `Failed` "Error: ErrImagePull".',
    sources: [
      kubeletFact('KUBELET-FACTS §9.2', 'pkg/kubelet/images/image_manager.go: pullImage'),
      kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
    ],
  },
  {
    id: 'kubelet.image.pull-backoff',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A failed pull starts a per-pod, per-image back-off of 10 s doubling to 300 s, measured from the last failure and forgotten after 600 s without one; while it runs the kubelet emits Normal `BackOff` "Back-off pulling image "X"" and the container waits with ImagePullBackOff, right after a failure with ErrImagePull.',
    sources: [
      kubeletFact('KUBELET-FACTS §9.4', 'pkg/kubelet/images/image_manager.go: pullImage'),
      kubeletFact('KUBELET-FACTS §13', 'pkg/kubelet/kubelet.go: imageBackOffPeriod, MaxImageBackOff'),
    ],
  },
  {
    id: 'kubelet.image.serial-within-pod',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "Within one pod pulls happen one after another, each interleaved with the create, start and postStart of the containers before it, because the start loop waits for each pull's result.",
    sources: [
      kubeletFact('KUBELET-FACTS §9.3', 'pkg/kubelet/images/puller.go'),
      kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
    ],
  },
  {
    id: 'kubelet.image.serial-node',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      '`serializeImagePulls` defaults to true: one node-wide worker pulls in FIFO order with a queue of 10 requests; registry pulls are also rate-limited (5 per second, burst 10).',
    sources: [
      kubeletFact('KUBELET-FACTS §9.3', 'pkg/kubelet/images/puller.go: maxImagePullRequests'),
      kubeletFact('KUBELET-FACTS §9.3', 'pkg/kubelet/apis/config/v1beta1/defaults.go'),
    ],
  },
  {
    id: 'kubelet.image.invalid-name',
    area: 'pulls',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'An image name the kubelet cannot normalise gives Warning `InspectFailed` and waiting reason InvalidImageName; a failed local inspect gives `InspectFailed` and ImageInspectError.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §9.2',
        'pkg/kubelet/images/image_manager.go: EnsureImageExists (applyDefaultImageTag)',
      ),
    ],
  },
];
