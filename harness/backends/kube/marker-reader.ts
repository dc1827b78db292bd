/**
 * Reads a scenario's marker file from the node after the run: the file lives in a hostPath directory that outlives
 * restarts and the pod itself, so a short pod pinned to the same node (`nodeName`) mounts the parent directory,
 * prints the file, removes the scenario's directory (so nothing the suite wrote stays on the node), and exits; its
 * log is the file. The API gives no other way to read a node's file without a privileged helper.
 */
import { markerFileName } from '../manifest/compiled-pod.ts';
import { apiErrorText, type KubeApi } from './kube-api.ts';

/** The node directory under which every scenario's marker directory lies. */
export const markerRootOnNode = '/tmp/podconform';

/** The marker directory of the scenario in `namespace`. */
export function markerHostDir(namespace: string): string {
  return `${markerRootOnNode}/${namespace}`;
}

/** The reader pod for `namespace`'s markers on `nodeName`. */
export function readerPodManifest(options: {
  readonly name: string;
  readonly namespace: string;
  readonly nodeName: string;
  readonly image: string;
  readonly labels: Readonly<Record<string, string>>;
}): Readonly<Record<string, unknown>> {
  // The namespace is a DNS label the suite generated, so it is safe inside the shell line.
  const dir = `/host/${options.namespace}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: options.name, namespace: options.namespace, labels: { ...options.labels } },
    spec: {
      nodeName: options.nodeName,
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      // Pinned by nodeName, so the scheduler's taint checks do not apply; the kubelet's admission still reads them.
      tolerations: [{ operator: 'Exists' }],
      containers: [
        {
          name: 'cat',
          image: options.image,
          imagePullPolicy: 'IfNotPresent',
          command: ['sh', '-c', `cat ${dir}/${markerFileName} 2>/dev/null; rm -rf ${dir}`],
          volumeMounts: [{ name: 'markers', mountPath: '/host' }],
        },
      ],
      volumes: [{ name: 'markers', hostPath: { path: markerRootOnNode, type: 'DirectoryOrCreate' } }],
    },
  };
}

/** The marker text, or why it could not be read. */
export type MarkerRead =
  { readonly status: 'read'; readonly text: string } | { readonly status: 'failed'; readonly reason: string };

/** Runs the reader pod and returns its log; polls its phase every `pollSeconds` up to `timeoutSeconds`. */
export async function readMarkers(
  api: KubeApi,
  options: {
    readonly namespace: string;
    readonly nodeName: string;
    readonly image: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly timeoutSeconds: number;
    readonly pollSeconds: number;
    readonly sleep: (seconds: number) => Promise<void>;
  },
): Promise<MarkerRead> {
  const name = 'podconform-marker-reader';
  try {
    await api.createPod(options.namespace, readerPodManifest({ ...options, name }));
    let phase: string | undefined;
    for (let waited = 0; waited <= options.timeoutSeconds; waited += options.pollSeconds) {
      phase = (await api.readPod(options.namespace, name))?.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') break;
      await options.sleep(options.pollSeconds);
    }
    if (phase !== 'Succeeded') {
      return {
        status: 'failed',
        reason: `the marker reader pod on node ${options.nodeName} ended ${phase ?? 'without a phase'} (waited ${options.timeoutSeconds} s; is image ${options.image} available to the node?)`,
      };
    }
    return { status: 'read', text: await api.readPodLog(options.namespace, name) };
  } catch (error) {
    return { status: 'failed', reason: `the marker reader pod failed: ${apiErrorText(error)}` };
  }
}
