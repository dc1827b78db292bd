/**
 * A small stand-in for the manifest compiler, for the podman backend's own tests: it acts out only exit codes,
 * `after`, `onTerm: exit|ignore` and restarts' `from`, with the compiler's marker conventions (markers.ts: `NAME
 * started|term|exiting EPOCH [CODE]` appended to /podconform/markers). Anything else is `unexpressible`, so a test
 * cannot silently depend on more than it writes.
 */
import type { Compile } from '../../../../harness/backends/podman/run-pod.ts';
import { markerFileName, markerMountPath } from '../../../../harness/backends/manifest/compiled-pod.ts';
import type { Container, RunBehavior } from '../../../../specs/vocabulary/index.ts';

function runScript(name: string, run: RunBehavior): string {
  const termCode = run.onTerm.type === 'exit' ? run.onTerm.exitCode : undefined;
  const trap =
    termCode === undefined ? `trap 'm term' TERM` : `trap 'm term; m exiting ${termCode}; exit ${termCode}' TERM`;
  // `sleep & wait` so that the trap runs at once (PODMAN.md §3.1); an ignored TERM interrupts `wait`, so wait again.
  const body = run.exit
    ? `sleep ${run.exit.afterSeconds} & p=$!; while kill -0 $p 2>/dev/null; do wait $p; done; m exiting ${run.exit.exitCode}; exit ${run.exit.exitCode}`
    : `while true; do sleep 1000 & wait $!; done`;
  return `${trap}; ${body}`;
}

function script(c: Container): string {
  const prelude = `m(){ echo "${c.name} $1 $EPOCHREALTIME $2" >> ${markerMountPath}/${markerFileName}; }`;
  // This start's number: the starts marked before it, plus one (`grep -c` prints 0 itself when nothing matches).
  const count = `n=$(grep -c "^${c.name} started " ${markerMountPath}/${markerFileName} 2>/dev/null); n=$(( \${n:-0} + 1 ))`;
  const cases = [...c.behavior.restarts]
    .sort((a, b) => b.fromStart - a.fromStart)
    .map((r) => `if [ $n -ge ${r.fromStart} ]; then ${runScript(c.name, r.behavior)}; fi`);
  return [prelude, count, 'm started', ...cases, runScript(c.name, c.behavior.base)].join('\n');
}

function unsupported(c: Container): string | undefined {
  if (c.postStart || c.preStop) return `${c.name} has a hook`;
  if (c.startupProbe || c.livenessProbe || c.readinessProbe) return `${c.name} has a probe`;
  if (c.role === 'sidecar') return `${c.name} is a sidecar`;
  return undefined;
}

/** Compiles the few behaviours above; the hostPath marker volume as the real compiler writes it for podman. */
export const handCompile: Compile = (scenario, options) => {
  const all = [...scenario.pod.initContainers, ...scenario.pod.containers];
  const problem = all.map(unsupported).find((p) => p !== undefined);
  if (problem) return { status: 'unexpressible', reason: `the test compiler cannot express it: ${problem}` };
  const container = (c: Container): Record<string, unknown> => ({
    name: c.name,
    image: c.image,
    ...(c.imagePullPolicy ? { imagePullPolicy: c.imagePullPolicy } : {}),
    command: ['sh', '-c', script(c)],
    volumeMounts: [{ name: 'podconform-markers', mountPath: markerMountPath }],
  });
  return {
    status: 'ok',
    pod: {
      manifest: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: options.podName, labels: { ...(options.labels ?? {}) } },
        spec: {
          restartPolicy: scenario.pod.restartPolicy,
          ...(scenario.pod.terminationGracePeriodSeconds === undefined
            ? {}
            : { terminationGracePeriodSeconds: scenario.pod.terminationGracePeriodSeconds }),
          volumes: [{ name: 'podconform-markers', hostPath: { path: options.markerHostDir, type: 'Directory' } }],
          ...(scenario.pod.initContainers.length > 0
            ? { initContainers: scenario.pod.initContainers.map(container) }
            : {}),
          containers: scenario.pod.containers.map(container),
        },
      },
      images: all.map((c) => c.image),
      unmarkedPoints: [],
    },
  };
};
