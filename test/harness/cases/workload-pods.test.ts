/** Each kind that holds a pod gives the pod its controller would create: name, namespace, restart policy, template. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readManifestStream, type StreamRead } from '../../../harness/cases/index.ts';
import { podNamespace } from '../../../specs/vocabulary/index.ts';

const fixtures = new URL('../../fixtures/manifests-in/', import.meta.url);
const options = { observeForSeconds: 30 };

async function readFixture(name: string): Promise<StreamRead> {
  return readManifestStream(await readFile(new URL(name, fixtures), 'utf8'), name, options);
}

function read(text: string): StreamRead {
  return readManifestStream(text, 'in.yaml', options);
}

function problems(result: StreamRead): string[] {
  return result.status === 'invalid'
    ? result.problems.map((p) => `${p.line}: ${String(p.document)}: ${p.field}: ${p.message}`)
    : [];
}

describe('the pod of each workload kind', () => {
  it.each([
    // file, kind, workload, pod name, name chosen by podconform, namespace, restart policy, containers
    ['deployment.yaml', 'Deployment', 'web', 'web-pod', true, 'shop', 'Always', ['app']],
    ['replicaset.yaml', 'ReplicaSet', 'front', 'front-pod', true, undefined, 'Always', ['app']],
    ['statefulset.yaml', 'StatefulSet', 'db', 'db-0', false, 'data', 'Always', ['postgres']],
    ['daemonset.yaml', 'DaemonSet', 'log-agent', 'log-agent-pod', true, 'kube-system', 'Always', ['agent']],
    ['job.yaml', 'Job', 'migrate', 'migrate-pod', true, undefined, 'Never', ['wait-db', 'migrate']],
    ['cronjob.yaml', 'CronJob', 'report', 'report-pod', true, 'ops', 'OnFailure', ['report']],
  ] as const)('%s: a %s %s gives pod %s', async (file, kind, workload, podName, chosen, namespace, policy, names) => {
    const result = await readFixture(file);
    expect(problems(result)).toEqual([]);
    if (result.status !== 'manifests') throw new Error(`expected manifests, got ${result.status}`);
    expect(result.pods).toHaveLength(1);
    const [found] = result.pods;
    expect(found).toMatchObject({ document: 1, kind, objectName: workload, nameChosen: chosen });
    const pod = found?.caseFile.scenario.pod;
    expect(pod?.name).toBe(podName);
    expect(found?.caseFile.scenario.id).toBe(podName);
    expect(pod === undefined ? 'no pod' : podNamespace(pod)).toBe(namespace);
    expect(pod?.restartPolicy).toBe(policy);
    expect([...(pod?.initContainers ?? []), ...(pod?.containers ?? [])].map((c) => c.name)).toEqual(names);
  });

  it("keeps the template's labels and annotations and the pod-level fields the model reads", async () => {
    const result = await readFixture('deployment.yaml');
    const pod = result.status === 'manifests' ? result.pods[0]?.caseFile.scenario.pod : undefined;
    expect(pod?.metadataExtra).toEqual({
      labels: { app: 'web' },
      annotations: { 'prometheus.io/scrape': 'true' },
      namespace: 'shop',
    });
    const statefulSet = await readFixture('statefulset.yaml');
    const db = statefulSet.status === 'manifests' ? statefulSet.pods[0]?.caseFile.scenario.pod : undefined;
    expect(db?.terminationGracePeriodSeconds).toBe(60);
  });

  it("creates the pod in the workload's namespace, not the template's", () => {
    const result = read(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: prod}
spec:
  template:
    metadata: {namespace: elsewhere}
    spec: {containers: [{name: app, image: nginx:1.25}]}
`);
    const pod = result.status === 'manifests' ? result.pods[0]?.caseFile.scenario.pod : undefined;
    expect(pod === undefined ? 'no pod' : podNamespace(pod)).toBe('prod');
  });

  it('passes the manifest-only options to every pod', () => {
    const result = readManifestStream(
      'kind: Pod\napiVersion: v1\nmetadata: {name: a}\nspec: {containers: [{name: c, image: busybox}]}\n',
      'in.yaml',
      { observeForSeconds: 40, deleteAtSeconds: 10, gracePeriodSeconds: 3 },
    );
    const scenario = result.status === 'manifests' ? result.pods[0]?.caseFile.scenario : undefined;
    expect(scenario?.observeForSeconds).toBe(40);
    expect(scenario?.actions).toEqual([{ type: 'delete', atSeconds: 10, gracePeriodSeconds: 3 }]);
  });
});

describe('a multi-document stream', () => {
  it('predicts every pod, skips kinds without pods and empty documents, and numbers documents as written', async () => {
    const result = await readFixture('helm-rendered.yaml');
    expect(problems(result)).toEqual([]);
    if (result.status !== 'manifests') throw new Error(`expected manifests, got ${result.status}`);
    expect(result.pods.map((p) => [p.document, p.kind, p.caseFile.scenario.pod.name])).toEqual([
      [5, 'Deployment', 'shop-pod'],
      [7, 'Pod', 'shop-smoke'],
    ]);
    expect(result.skipped).toEqual([
      { document: 1, kind: 'ServiceAccount', objectName: 'shop' },
      { document: 2, kind: 'ConfigMap', objectName: 'shop-config' },
      { document: 4, kind: 'Service', objectName: 'shop' },
      { document: 6, kind: 'ServiceMonitor', objectName: 'shop' },
    ]);
  });

  it('takes each object of a List (kubectl get -o yaml), numbering items within their document', async () => {
    const result = await readFixture('kubectl-get-list.yaml');
    expect(problems(result)).toEqual([]);
    if (result.status !== 'manifests') throw new Error(`expected manifests, got ${result.status}`);
    expect(result.skipped).toEqual([{ document: 1, item: 1, kind: 'Service', objectName: 'web' }]);
    expect(result.pods.map((p) => [p.document, p.item, p.kind, p.caseFile.scenario.pod.name])).toEqual([
      [1, 2, 'Deployment', 'web-pod'],
    ]);
  });

  it("locates a problem in a List's item by its path", () => {
    const result = read(`apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec: {template: {spec: {restartPolicy: Always, containers: [{name: a, image: b}]}}}
`);
    expect(problems(result)).toEqual([
      "7: 1: items[0].spec.template.spec.restartPolicy: 'Always' is refused for a Job's pod: it must be OnFailure or Never",
    ]);
  });

  it('reads a single document without kind as a case file', async () => {
    const result = await readFixture('invalid-image-name.case.yaml');
    expect(result.status).toBe('case');
  });

  it('reports a YAML mistake once, in the document it is in', () => {
    const result = read('kind: Pod\n---\nkind: [\n');
    expect(problems(result)).toHaveLength(1);
    expect(problems(result)[0]).toMatch(/^\d+: 2: \(yaml\): /);
  });

  it('refuses an empty input', () => {
    expect(problems(read('---\n# nothing here\n'))).toEqual(['1: undefined: (file): empty: no Pod, workload or case']);
  });
});

describe('what the API server refuses is one problem, naming document and field', () => {
  const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
${spec}      containers: [{name: app, image: nginx:1.25}]
`;
  const job = (policy: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
${policy}      containers: [{name: m, image: busybox}]
`;

  it.each([
    [
      'a Deployment with restartPolicy Never',
      deployment('      restartPolicy: Never\n'),
      /^7: 1: spec\.template\.spec\.restartPolicy: 'Never' is refused for a Deployment's pod: it must be Always$/,
    ],
    [
      'a Deployment with activeDeadlineSeconds',
      deployment('      activeDeadlineSeconds: 30\n'),
      /^7: 1: spec\.template\.spec\.activeDeadlineSeconds: not supported in a Deployment's pod/,
    ],
    [
      'a Job without restartPolicy',
      job(''),
      /^7: 1: spec\.template\.spec\.restartPolicy: missing: a Job's pod must say OnFailure or Never/,
    ],
    [
      'a Job with restartPolicy Always',
      job('      restartPolicy: Always\n'),
      /^7: 1: spec\.template\.spec\.restartPolicy: 'Always' is refused for a Job's pod: it must be OnFailure or Never$/,
    ],
    [
      'a misspelt kind',
      'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n',
      /^2: 1: kind: 'Deploymnet' is not a Kubernetes kind podconform knows \(did you mean 'Deployment'\?\)/,
    ],
    [
      'a kind at the wrong apiVersion',
      'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: [{name: a, image: b}]}}}\n',
      /^1: 1: apiVersion: 'extensions\/v1beta1' does not serve Deployment: write apps\/v1$/,
    ],
    [
      'a fractional terminationGracePeriodSeconds',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  terminationGracePeriodSeconds: 2.5\n  containers: [{name: a, image: b}]\n',
      /^5: 1: spec\.terminationGracePeriodSeconds: expected a whole number, found 2\.5$/,
    ],
    [
      "a fractional grace in a workload's template",
      deployment('      terminationGracePeriodSeconds: 0.5\n'),
      /^7: 1: spec\.template\.spec\.terminationGracePeriodSeconds: expected a whole number, found 0\.5$/,
    ],
    [
      'a workload name the API refuses',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: Agent}\nspec: {template: {spec: {containers: [{name: a, image: b}]}}}\n',
      /^3: 1: metadata\.name: 'Agent' is not a valid name \(lowercase letters, digits, '-' and '\.'\)$/,
    ],
    [
      'a CronJob without its job template',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: "* * * * *"}\n',
      /^4: 1: spec\.jobTemplate: missing \(required\)$/,
    ],
    [
      'a stream document without kind',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n---\nid: x\n',
      /^6: 2: kind: missing: every document must be a Kubernetes object with apiVersion and kind$/,
    ],
  ])('%s', (_what, text, line) => {
    const found = problems(read(text));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(line);
  });

  it('accepts every restart policy its controller does', () => {
    expect(read(job('      restartPolicy: OnFailure\n')).status).toBe('manifests');
    expect(read(deployment('      restartPolicy: Always\n')).status).toBe('manifests');
  });
});
