/**
 * What marks a namespace as the suite's, and which of them a cleanup may delete. Every namespace the suite creates
 * carries `app.kubernetes.io/managed-by=podconform`, the run's id, and the time after which no live run still
 * needs it; a cleanup deletes only namespaces that carry the label — never anything else on the cluster.
 */
import { timestampSeconds, type WireNamespace } from './wire.ts';

export const managedByLabel = 'app.kubernetes.io/managed-by';
export const managedByValue = 'podconform';
export const runLabel = 'podconform.io/run';
/** RFC 3339 time after which the namespace is a leftover even if its run may still be alive. */
export const expiresAnnotation = 'podconform.io/expires-at';

/** The label selector of every namespace the suite made (and of one run's, with `runId`). */
export function ownedSelector(runId?: string): string {
  const owned = `${managedByLabel}=${managedByValue}`;
  return runId === undefined ? owned : `${owned},${runLabel}=${runId}`;
}

/** The labels a run puts on its namespaces and pods. */
export function ownedLabels(runId: string): Readonly<Record<string, string>> {
  return { [managedByLabel]: managedByValue, [runLabel]: runId };
}

function owned(ns: WireNamespace): boolean {
  return ns.metadata.labels?.[managedByLabel] === managedByValue && (ns.metadata.name ?? '') !== '';
}

/** The namespaces of this run, to delete at its end or on Ctrl-C. */
export function namespacesOfRun(namespaces: ReadonlyArray<WireNamespace>, runId: string): string[] {
  return namespaces
    .filter((ns) => owned(ns) && ns.metadata.labels?.[runLabel] === runId)
    .map((ns) => ns.metadata.name ?? '');
}

/**
 * The namespaces an earlier run left behind (it crashed or was killed): the suite's, of another run, and past
 * their expiry — or, without the annotation, created before this run started. A run of podconform still going on
 * the same cluster keeps its namespaces, which have not expired.
 */
export function leftoverNamespaces(
  namespaces: ReadonlyArray<WireNamespace>,
  runId: string,
  nowEpochSeconds: number,
  runStartedEpochSeconds: number,
): string[] {
  return namespaces
    .filter((ns) => {
      if (!owned(ns) || ns.metadata.labels?.[runLabel] === runId) return false;
      const expires = timestampSeconds(ns.metadata.annotations?.[expiresAnnotation]);
      if (expires !== undefined) return expires < nowEpochSeconds;
      const created = timestampSeconds(ns.metadata.creationTimestamp);
      return created !== undefined && created < runStartedEpochSeconds;
    })
    .map((ns) => ns.metadata.name ?? '');
}
