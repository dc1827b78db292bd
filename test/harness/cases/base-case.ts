/** A small valid case touching every part of the format; bad-input tests change one line of it. */
export const baseCaseLines: ReadonlyArray<string> = [
  'id: demo', // 1
  'source: "a hand-written example"', // 2
  'rules: [init.sequential]', // 3
  'node: {registry: up, cached: [busybox:1.36]}', // 4
  'pod:', // 5
  '  metadata: {name: demo}', // 6
  '  spec:', // 7
  '    restartPolicy: Never', // 8
  '    terminationGracePeriodSeconds: 5', // 9
  '    initContainers:', // 10
  '      - name: init1', // 11
  '        image: busybox:1.36', // 12
  '        behavior: {exitCode: 0, after: 1s}', // 13
  '    containers:', // 14
  '      - name: app', // 15
  '        image: busybox:1.36', // 16
  '        command: [sh, -c, "sleep 3600"]', // 17
  '        behavior: {onTerm: exit}', // 18
  '        lifecycle:', // 19
  '          preStop:', // 20
  '            exec: {command: [sh, -c, "sleep 1"]}', // 21
  '            behavior: {takes: 1s, result: success}', // 22
  '        readinessProbe:', // 23
  '          exec: {command: ["true"]}', // 24
  '          behavior: {fails: never}', // 25
  'actions:', // 26
  '  - at: 2s', // 27
  '    delete: {gracePeriodSeconds: 5}', // 28
  'observeFor: 10s', // 29
  'expect:', // 30
  '  phase: Failed', // 31
  '  containers:', // 32
  '    app: {state: terminated, exitCode: 143}', // 33
  '  order:', // 34
  '    - [init1.exited, app.started]', // 35
  '  never: [app.started#2]', // 36
  '  timing:', // 37
  '    - {from: pod.deleteRequested, to: app.term, max: 3s}', // 38
  '  events:', // 39
  '    present: [{reason: Killing, container: app}]', // 40
];

/** The base case with line `n` (1-based) replaced by `replacement` (which may hold several lines, or none). */
export function withLine(n: number, replacement: string | undefined): string {
  const lines = [...baseCaseLines];
  if (replacement === undefined) lines.splice(n - 1, 1);
  else lines.splice(n - 1, 1, replacement);
  return `${lines.join('\n')}\n`;
}

/** The base case as text. */
export const baseCaseText = `${baseCaseLines.join('\n')}\n`;
