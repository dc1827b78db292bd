/**
 * Every scenario runs in a namespace of the suite's own (`podconform-<runid>-<n>`), so that runs never collide and
 * cleanup can find what it made. Messages that name the pod carry that namespace ("Back-off restarting failed
 * container app in pod demo_podconform-1a2b-3(UID)", "Successfully assigned podconform-1a2b-3/demo to NODE";
 * KUBELET-FACTS Correction 18). A case that names `metadata.namespace` predicted those messages with its own
 * namespace, so the suite's namespace is written back as the case's; a case that names none predicted a
 * `{namespace}` hole, which the suite's namespace fills as any node's would, so the text is left alone.
 */

/** The message as the case would have seen it in its own namespace. */
export function translateNamespace(message: string, suiteNamespace: string, caseNamespace: string | undefined): string {
  if (caseNamespace === undefined || caseNamespace === suiteNamespace || suiteNamespace === '') return message;
  // The suite's namespace is a generated DNS label that no other text in a pod's messages contains, so every
  // occurrence is the namespace; only whole labels are replaced (never a prefix of a longer name).
  return message.replace(namespacePattern(suiteNamespace), caseNamespace);
}

function namespacePattern(namespace: string): RegExp {
  const escaped = namespace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9-])${escaped}(?![a-z0-9-])`, 'g');
}
