/**
 * The few API calls the kube backend makes, as one small interface: the real one talks to a cluster through
 * @kubernetes/client-node (client-api.ts), tests give a fake. Every call may reject; the backend turns a rejection
 * into that scenario's `unknown` with the reason, never a crash of the run.
 */
import type { ServerVersion } from './version-notice.ts';
import type { WireEvent, WireNamespace, WirePod } from './wire.ts';

/** A watch delivery as the API sends it. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** A running watch; `stop` ends it without calling its `done`. */
export interface WatchHandle {
  stop(): void;
}

export interface KubeApi {
  readonly serverVersion: () => Promise<ServerVersion>;
  readonly createNamespace: (
    name: string,
    labels: Readonly<Record<string, string>>,
    annotations: Readonly<Record<string, string>>,
  ) => Promise<void>;
  readonly listNamespaces: (labelSelector: string) => Promise<ReadonlyArray<WireNamespace>>;
  readonly deleteNamespace: (name: string) => Promise<void>;
  readonly createPod: (namespace: string, manifest: Readonly<Record<string, unknown>>) => Promise<void>;
  /** `gracePeriodSeconds` absent: the pod's own terminationGracePeriodSeconds */
  readonly deletePod: (namespace: string, name: string, gracePeriodSeconds?: number) => Promise<void>;
  /** undefined when the pod does not exist (404) */
  readonly readPod: (namespace: string, name: string) => Promise<WirePod | undefined>;
  readonly readPodLog: (namespace: string, name: string) => Promise<string>;
  readonly listEvents: (namespace: string) => Promise<ReadonlyArray<WireEvent>>;
  /** the names of the cluster's nodes */
  readonly listNodeNames: () => Promise<ReadonlyArray<string>>;
  /**
   * Watches one pod by name from `resourceVersion` (absent: from now). `done` is called once when the watch ends on
   * its own — closed by the server or the network, or failed — with the error if there was one.
   */
  readonly watchPod: (
    namespace: string,
    name: string,
    options: { readonly resourceVersion?: string; readonly timeoutSeconds: number },
    onEvent: (type: WatchEventType, object: unknown) => void,
    done: (error: unknown) => void,
  ) => Promise<WatchHandle>;
}

/** The one-line text of an API failure (client-node's ApiException carries the HTTP code and the Status body). */
export function apiErrorText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; body?: unknown; message?: unknown; statusCode?: unknown };
    const code = typeof e.code === 'number' ? e.code : typeof e.statusCode === 'number' ? e.statusCode : undefined;
    const body = statusMessage(e.body);
    if (code !== undefined && body !== undefined) return `HTTP ${code}: ${body}`;
    if (typeof e.message === 'string' && e.message !== '') return firstLine(e.message);
  }
  return firstLine(String(error));
}

/** Whether the failure is the API's 404 Not Found. */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; statusCode?: unknown };
  return e.code === 404 || e.statusCode === 404;
}

function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      return body === '' ? undefined : firstLine(body);
    }
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const message = (parsed as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return firstLine(message);
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
