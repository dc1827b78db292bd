/**
 * The KubeApi of a real cluster, through @kubernetes/client-node 1.x (methods take one object parameter). This is
 * the only file that knows the client's types; the typed calls deserialise timestamps into Dates, which wire.ts
 * reads as well as the watch's strings.
 */
import { CoreV1Api, KubeConfig, V1Namespace, V1ObjectMeta, VersionApi, Watch } from '@kubernetes/client-node';
import { isNotFound, type KubeApi, type WatchEventType } from './kube-api.ts';
import type { WireNamespace, WirePod } from './wire.ts';

/** The kubeconfig from the default locations (KUBECONFIG, ~/.kube/config, in-cluster). */
export function loadDefaultKubeConfig(): KubeConfig {
  const config = new KubeConfig();
  config.loadFromDefault();
  return config;
}

/** How long one API request may take before the scenario that made it is given up as `unknown`. */
export const apiRequestTimeoutSeconds = 60;

/** A KubeApi on the given kubeconfig's `context`; every request but the watch is bounded by the timeout. */
export function clientApi(config: KubeConfig, context: string): KubeApi {
  return withDeadlines(rawClientApi(config, context), apiRequestTimeoutSeconds);
}

/** Bounds every request of `api` except `watchPod` (which lasts as long as the observation). */
export function withDeadlines(api: KubeApi, seconds: number): KubeApi {
  const bounded =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      new Promise<R>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`the API did not answer ${name} within ${seconds} s`));
        }, seconds * 1000);
        call(...args).then(
          (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
  return {
    serverVersion: bounded('version', api.serverVersion),
    createNamespace: bounded('createNamespace', api.createNamespace),
    listNamespaces: bounded('listNamespace', api.listNamespaces),
    deleteNamespace: bounded('deleteNamespace', api.deleteNamespace),
    createPod: bounded('createNamespacedPod', api.createPod),
    deletePod: bounded('deleteNamespacedPod', api.deletePod),
    readPod: bounded('readNamespacedPod', api.readPod),
    readPodLog: bounded('readNamespacedPodLog', api.readPodLog),
    listEvents: bounded('listNamespacedEvent', api.listEvents),
    listNodeNames: bounded('listNode', api.listNodeNames),
    watchPod: api.watchPod,
  };
}

function rawClientApi(config: KubeConfig, context: string): KubeApi {
  config.setCurrentContext(context);
  const core = config.makeApiClient(CoreV1Api);
  const version = config.makeApiClient(VersionApi);
  const watch = new Watch(config);
  return {
    serverVersion: async () => {
      const info = await version.getCode();
      return { major: info.major, minor: info.minor, gitVersion: info.gitVersion };
    },
    createNamespace: async (name, labels, annotations) => {
      const metadata = new V1ObjectMeta();
      metadata.name = name;
      metadata.labels = { ...labels };
      metadata.annotations = { ...annotations };
      const body = new V1Namespace();
      body.metadata = metadata;
      await core.createNamespace({ body });
    },
    listNamespaces: async (labelSelector) => {
      const list = await core.listNamespace({ labelSelector });
      return list.items as unknown as ReadonlyArray<WireNamespace>;
    },
    deleteNamespace: async (name) => {
      try {
        await core.deleteNamespace({ name });
      } catch (error) {
        // Already gone (deleted by an earlier cleanup) is what was wanted.
        if (!isNotFound(error)) throw error;
      }
    },
    createPod: async (namespace, manifest) => {
      await core.createNamespacedPod({ namespace, body: manifest });
    },
    deletePod: async (namespace, name, gracePeriodSeconds) => {
      await core.deleteNamespacedPod({
        namespace,
        name,
        ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }),
      });
    },
    readPod: async (namespace, name) => {
      try {
        return (await core.readNamespacedPod({ namespace, name })) as unknown as WirePod;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    readPodLog: (namespace, name) => core.readNamespacedPodLog({ namespace, name }),
    listEvents: async (namespace) => {
      const list = await core.listNamespacedEvent({ namespace });
      return list.items;
    },
    listNodeNames: async () => {
      const list = await core.listNode({});
      return list.items.map((n) => n.metadata?.name ?? '').filter((n) => n !== '');
    },
    watchPod: async (namespace, name, options, onEvent, done) => {
      let stopped = false;
      const controller = await watch.watch(
        `/api/v1/namespaces/${namespace}/pods`,
        {
          fieldSelector: `metadata.name=${name}`,
          timeoutSeconds: options.timeoutSeconds,
          allowWatchBookmarks: false,
          ...(options.resourceVersion === undefined ? {} : { resourceVersion: options.resourceVersion }),
        },
        (type: string, object: unknown) => {
          if (!stopped) onEvent(type as WatchEventType, object);
        },
        (error: unknown) => {
          if (!stopped) done(error);
        },
      );
      return {
        stop: () => {
          stopped = true;
          controller.abort();
        },
      };
    },
  };
}
