/**
 * Which kubeconfig context the suite runs on. `--context CTX` picks any context the kubeconfig names. Without it
 * the suite only uses a current context that is a kind cluster (kind names its contexts `kind-NAME`): creating and
 * deleting namespaces on whatever cluster happens to be current is not something to do unasked.
 */

/** The context to use, or why none is used (one line). */
export type ContextChoice =
  { readonly status: 'ok'; readonly context: string } | { readonly status: 'refused'; readonly reason: string };

/** kind names the context of cluster NAME `kind-NAME`. */
export function isKindContext(context: string): boolean {
  return /^kind-.+/.test(context);
}

/** Chooses the context from the kubeconfig's contexts, its current context and the `--context` the user gave. */
export function chooseContext(
  contexts: ReadonlyArray<string>,
  current: string,
  requested: string | undefined,
): ContextChoice {
  if (requested !== undefined) {
    if (contexts.includes(requested)) return { status: 'ok', context: requested };
    const known = contexts.length === 0 ? 'the kubeconfig has none' : `known: ${contexts.join(', ')}`;
    return { status: 'refused', reason: `no context '${requested}' in the kubeconfig (${known})` };
  }
  if (current === '' || !contexts.includes(current)) {
    return { status: 'refused', reason: 'the kubeconfig has no current context; name one with --context CTX' };
  }
  if (!isKindContext(current)) {
    return {
      status: 'refused',
      reason: `the current context '${current}' is not a kind cluster; to run there (podconform creates and deletes namespaces labelled app.kubernetes.io/managed-by=podconform), pass --context ${current}`,
    };
  }
  return { status: 'ok', context: current };
}
