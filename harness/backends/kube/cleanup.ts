/**
 * Removing what the suite created: at the end of a run (and on Ctrl-C) every namespace of the run; at set-up the
 * namespaces an earlier run left when it crashed. The label selector asks the API for the suite's namespaces only,
 * and the labels are checked again on what comes back (ownership.ts), so a namespace without the suite's label is
 * never deleted, whatever the API answered.
 */
import { apiErrorText, type KubeApi } from './kube-api.ts';
import { leftoverNamespaces, namespacesOfRun, ownedSelector } from './ownership.ts';

/** What a cleanup did. */
export interface CleanupReport {
  readonly removed: ReadonlyArray<string>;
  readonly failed: ReadonlyArray<string>;
}

async function deleteAll(api: KubeApi, names: ReadonlyArray<string>): Promise<CleanupReport> {
  const removed: string[] = [];
  const failed: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      try {
        await api.deleteNamespace(name);
        removed.push(name);
      } catch (error) {
        failed.push(`${name}: ${apiErrorText(error)}`);
      }
    }),
  );
  return { removed: removed.sort(), failed: failed.sort() };
}

/** Deletes every namespace of run `runId`. */
export async function removeRunNamespaces(api: KubeApi, runId: string): Promise<CleanupReport> {
  try {
    const namespaces = await api.listNamespaces(ownedSelector(runId));
    return await deleteAll(api, namespacesOfRun(namespaces, runId));
  } catch (error) {
    return { removed: [], failed: [`listing the run's namespaces: ${apiErrorText(error)}`] };
  }
}

/** Deletes the namespaces earlier runs left behind (ownership.ts `leftoverNamespaces`). */
export async function removeLeftovers(
  api: KubeApi,
  runId: string,
  nowEpochSeconds: number,
  runStartedEpochSeconds: number,
): Promise<CleanupReport> {
  try {
    const namespaces = await api.listNamespaces(ownedSelector());
    return await deleteAll(api, leftoverNamespaces(namespaces, runId, nowEpochSeconds, runStartedEpochSeconds));
  } catch (error) {
    return { removed: [], failed: [`listing earlier runs' namespaces: ${apiErrorText(error)}`] };
  }
}
