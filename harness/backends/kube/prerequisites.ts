/**
 * `--backend kind` needs two programs on PATH: `kind` and `docker` (kind runs its nodes as Docker containers).
 * When one is missing the backend is unavailable (exit 3) with one line on how to get it.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where to read how to install kind (and, through it, Docker). */
export const kindQuickStart = 'https://kind.sigs.k8s.io/docs/user/quick-start/';

/** The first executable file called `name` in the PATH directories, or undefined. */
export function findOnPath(name: string, pathVariable: string | undefined): string | undefined {
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here, or not executable: look further
    }
  }
  return undefined;
}

/** The two programs, found; or the one line saying which are missing and where to get them. */
export type KindTools =
  | { readonly status: 'found'; readonly kind: string; readonly docker: string }
  | { readonly status: 'missing'; readonly reason: string };

/** Looks for `kind` and `docker` on the given PATH. */
export function findKindTools(pathVariable: string | undefined): KindTools {
  const kind = findOnPath('kind', pathVariable);
  const docker = findOnPath('docker', pathVariable);
  if (kind !== undefined && docker !== undefined) return { status: 'found', kind, docker };
  const missing = [kind === undefined ? 'kind' : undefined, docker === undefined ? 'docker' : undefined].filter(
    (x): x is string => x !== undefined,
  );
  return {
    status: 'missing',
    reason: `${missing.join(' and ')} not found on PATH: --backend kind needs Docker and kind (see ${kindQuickStart}); --backend kube --context CTX runs on any other cluster`,
  };
}
