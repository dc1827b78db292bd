/** Registry credentials: key matching, pull secrets and providers (pure functions, outside the case format). */
import type { Rule } from './rule.ts';
import { quoted, seedFiles } from './rule.ts';

/** The rules about registry credentials. */
export const credentialRules: ReadonlyArray<Rule> = [
  {
    id: 'cred.k8s-globs-and-paths',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'In `config.json`, an `auths` key may be a host glob plus an optional path prefix for Kubernetes, while Docker only understands registry root URLs.',
    sources: [
      quoted(
        seedFiles.concepts,
        'In Docker, the auths keys can only specify root URLs, whereas Kubernetes allows glob URLs as well as prefix-matched paths.',
      ),
    ],
  },
  {
    id: 'cred.glob-label-count',
    area: 'credentials',
    origin: 'documents',
    standing: 'vague',
    standingNote:
      "The examples bear it out, but 003 also says globs 'have to include the dot for each subdomain', which its own `*-good` example contradicts.",
    observable: false,
    statement:
      'Matching a key against an image host splits both on dots: the label counts must agree, each label must fit its glob, and `*` stays within one label.',
    sources: [
      quoted(seedFiles.concepts, 'The amount of matched subdomains has to be equal to the amount of glob patterns'),
    ],
  },
  {
    id: 'cred.glob-excludes-apex',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'A leading `*.` demands an extra label: `*.kubernetes.io` accepts `abc.kubernetes.io` yet rejects `kubernetes.io`.',
    sources: [quoted(seedFiles.concepts, '*.kubernetes.io will not match kubernetes.io , but abc.kubernetes.io')],
  },
  {
    id: 'cred.glob-depth-exact',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Each `*.` stands for exactly one label: `*.*.kubernetes.io` accepts `abc.def.kubernetes.io` yet rejects `abc.kubernetes.io`.',
    sources: [
      quoted(seedFiles.concepts, '*.*.kubernetes.io will not match abc.kubernetes.io , but abc.def.kubernetes.io'),
    ],
  },
  {
    id: 'cred.glob-any-position',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'Wildcard labels need not lead the host; `prefix.*.io` accepts `prefix.kubernetes.io`.',
    sources: [quoted(seedFiles.concepts, 'prefix.*.io will match prefix.kubernetes.io')],
  },
  {
    id: 'cred.glob-partial-label',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'A `*` can fill just a piece of a label; `*-good.kubernetes.io` accepts `prefix-good.kubernetes.io`.',
    sources: [quoted(seedFiles.concepts, '*-good.kubernetes.io will match prefix-good.kubernetes.io')],
  },
  {
    id: 'cred.path-prefix',
    area: 'credentials',
    origin: 'documents',
    standing: 'vague',
    standingNote:
      'Open questions: must the prefix stop at a `/` (a plain string comparison would let `my-registry.io/images` cover `my-registry.io/images-old/x`), and what happens with ports.',
    observable: false,
    statement:
      'Path-bearing keys apply by prefix: on a matching host, `my-registry.io/images` grants credentials for `my-registry.io/images/my-image` and for any repository string starting that way.',
    sources: [quoted(seedFiles.concepts, 'the following container image names would match successfully')],
  },
  {
    id: 'cred.all-matches-tried',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    standingNote: 'The config example 003 promises for several path entries is absent from the text.',
    observable: false,
    statement:
      "When several keys match, the kubelet attempts the pull with each key's credentials in sequence and stops at the first that succeeds.",
    sources: [
      quoted(seedFiles.concepts, 'The kubelet performs image pulls sequentially for every found credential.'),
      quoted(
        seedFiles.concepts,
        'the kubelet will try to download them from both authentication sources if one of them fails.',
      ),
    ],
  },
  {
    id: 'cred.pull-secrets-same-namespace',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      "A pod's `imagePullSecrets` must point at Secrets in its own namespace whose type is `kubernetes.io/dockercfg` or `kubernetes.io/dockerconfigjson`.",
    sources: [quoted(seedFiles.concepts, 'imagePullSecrets must all be in the same namespace as the Pod.')],
  },
  {
    id: 'cred.pull-secrets-merge-node',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: "The keyring used for a pull merges the pod's `imagePullSecrets` with the node's `.docker/config.json`.",
    sources: [
      quoted(
        seedFiles.concepts,
        'You can use this in conjunction with a per-node .docker/config.json . The credentials will be merged.',
      ),
    ],
  },
  {
    id: 'cred.serviceaccount-pull-secrets',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: '`imagePullSecrets` declared on a ServiceAccount are copied into the pods that run as it.',
    sources: [
      quoted(
        seedFiles.concepts,
        'setting of this field can be automated by setting the imagePullSecrets in a ServiceAccount resource.',
      ),
    ],
  },
  {
    id: 'cred.node-config-all-pods',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'Credentials set up at node level are usable by any pod scheduled there.',
    sources: [quoted(seedFiles.concepts, 'all pods can read any configured private registries')],
  },
  {
    id: 'cred.credential-provider-plugin',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Registry credentials may come from a plugin binary the kubelet executes at pull time, which may hand out short-lived tokens.',
    sources: [
      quoted(
        seedFiles.concepts,
        'You can configure the kubelet to invoke a plugin binary to dynamically fetch registry credentials for a container image.',
      ),
    ],
  },
  {
    id: 'cred.docker-registry-secret-one-registry',
    area: 'credentials',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'The Secret produced by `kubectl create secret docker-registry` covers a single registry.',
    sources: [quoted(seedFiles.concepts, 'creates a Secret that only works with a single private registry.')],
  },
  {
    id: 'cred.legacy-providers-removed',
    area: 'credentials',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote: 'Holds only for that range of releases.',
    observable: false,
    statement:
      'From v1.26 through v1.29 the built-in ACR, ECR and GCR credential lookups are gone; clusters need a credential plugin or `imagePullSecrets`.',
    sources: [quoted(seedFiles.concepts, 'Kubernetes v1.26 through to v1.29 do not include the legacy mechanism')],
  },
];
