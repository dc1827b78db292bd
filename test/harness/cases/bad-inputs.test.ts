import { describe, expect, it } from 'vitest';
import { formatProblem, loadCaseText } from '../../../harness/cases/index.ts';
import { baseCaseLines, baseCaseText, withLine } from './base-case.ts';

function problems(text: string): ReadonlyArray<string> {
  const loaded = loadCaseText(text, 'bad.case.yaml');
  return loaded.status === 'ok' ? [] : loaded.problems.map(formatProblem);
}

const durationHint = '(write e.g. 300ms, 2s, 1.5s, 2m, 1h, or a number of seconds)';

// [what is wrong, line of the base case replaced, replacement (undefined: deleted), the exact problems]
const table: ReadonlyArray<readonly [string, number, string | undefined, ReadonlyArray<string>]> = [
  [
    'misspelled top-level key',
    29,
    'observFor: 10s',
    ["bad.case.yaml:29: observFor: unknown key 'observFor' (did you mean 'observeFor'?)"],
  ],
  ['id missing', 1, undefined, ['bad.case.yaml:1: id: missing (required)']],
  [
    'id not kebab-case',
    1,
    'id: Demo_1',
    ["bad.case.yaml:1: id: 'Demo_1' is not kebab-case (lowercase words joined by '-', e.g. init-fail-never)"],
  ],
  ['observeFor missing', 29, undefined, ['bad.case.yaml:1: observeFor: missing (required)']],
  [
    'duration with an unknown unit',
    29,
    'observeFor: 5x',
    [`bad.case.yaml:29: observeFor: '5x' is not a duration ${durationHint}`],
  ],
  [
    'negative duration',
    29,
    'observeFor: -2s',
    ["bad.case.yaml:29: observeFor: '-2s' is negative; a duration is at least 0"],
  ],
  ['NaN duration', 29, 'observeFor: .nan', [`bad.case.yaml:29: observeFor: NaN is not a duration ${durationHint}`]],
  ['zero observeFor', 29, 'observeFor: 0s', ['bad.case.yaml:29: observeFor: must be longer than 0s']],
  [
    'duration of the wrong type',
    29,
    'observeFor: [10s]',
    ['bad.case.yaml:29: observeFor: expected a duration, found a list'],
  ],
  [
    'misspelled node key',
    4,
    'node: {cache: [busybox:1.36]}',
    ["bad.case.yaml:4: node.cache: unknown key 'cache' (did you mean 'cached'?)"],
  ],
  [
    'unknown registry state',
    4,
    'node: {registry: sideways}',
    ["bad.case.yaml:4: node.registry: 'sideways' is not one of up, down"],
  ],
  [
    'bad pullTakes',
    4,
    'node: {pullTakes: 1d}',
    [`bad.case.yaml:4: node.pullTakes: '1d' is not a duration ${durationHint}`],
  ],
  ['misspelled pod', 5, 'pood:', ["bad.case.yaml:5: pood: unknown key 'pood' (did you mean 'pod'?)"]],
  [
    'misspelled metadata key',
    6,
    '  metadata: {name: demo, labells: {}}',
    ["bad.case.yaml:6: pod.metadata.labells: unknown key 'labells' (did you mean 'labels'?)"],
  ],
  [
    'invalid pod name',
    6,
    '  metadata: {name: Demo}',
    ["bad.case.yaml:6: pod.metadata.name: 'Demo' is not a valid pod name (lowercase letters, digits, '-' and '.')"],
  ],
  [
    'misspelled PodSpec key',
    8,
    '    restartPolicyy: Never',
    ["bad.case.yaml:8: pod.spec.restartPolicyy: unknown key 'restartPolicyy' (did you mean 'restartPolicy'?)"],
  ],
  [
    'unknown restart policy',
    8,
    '    restartPolicy: Sometimes',
    ["bad.case.yaml:8: pod.spec.restartPolicy: 'Sometimes' is not one of Always, OnFailure, Never"],
  ],
  [
    'grace period of the wrong type',
    9,
    '    terminationGracePeriodSeconds: soon',
    ["bad.case.yaml:9: pod.spec.terminationGracePeriodSeconds: expected a whole number, found 'soon'"],
  ],
  [
    'misspelled container key',
    17,
    '        comand: [sh]',
    ["bad.case.yaml:17: pod.spec.containers[0].comand: unknown key 'comand' (did you mean 'command'?)"],
  ],
  [
    'misspelled container name key',
    11,
    '      - nmae: init1',
    ["bad.case.yaml:11: pod.spec.initContainers[0].nmae: unknown key 'nmae' (did you mean 'name'?)"],
  ],
  [
    'container image missing',
    12,
    '        command: [sh]',
    ['bad.case.yaml:11: pod.spec.initContainers[0].image: missing (required)'],
  ],
  [
    'container name not a DNS label',
    15,
    '      - name: App_1',
    [
      "bad.case.yaml:15: pod.spec.containers[0].name: 'App_1' is not a valid container name (lowercase letters, digits and '-', at most 63)",
    ],
  ],
  [
    'duplicate container name across init and regular',
    15,
    '      - name: init1',
    ["bad.case.yaml:15: pod.spec.containers[0].name: container name 'init1' is used twice in the pod"],
  ],
  [
    'unknown pull policy',
    16,
    '        image: busybox:1.36\n        imagePullPolicy: Sometimes',
    ["bad.case.yaml:17: pod.spec.containers[0].imagePullPolicy: 'Sometimes' is not one of Always, IfNotPresent, Never"],
  ],
  [
    'unknown restartPolicy on a regular container',
    16,
    '        image: busybox:1.36\n        restartPolicy: Sometimes',
    ["bad.case.yaml:17: pod.spec.containers[0].restartPolicy: 'Sometimes' is not one of Always, OnFailure, Never"],
  ],
  [
    'unknown restartPolicy on an init container',
    12,
    '        image: busybox:1.36\n        restartPolicy: always',
    [
      "bad.case.yaml:13: pod.spec.initContainers[0].restartPolicy: 'always' is not one of Always, OnFailure, Never (did you mean 'Always'?)",
    ],
  ],
  [
    'probe on a plain init container',
    12,
    '        image: busybox:1.36\n        readinessProbe: {exec: {command: [x]}}',
    [
      'bad.case.yaml:13: pod.spec.initContainers[0].readinessProbe: not allowed on an init container unless it is a sidecar (restartPolicy: Always)',
    ],
  ],
  [
    'unknown behaviour key',
    13,
    '        behavior: {exitCode: 0, after: 1s, restart: 2}',
    ["bad.case.yaml:13: pod.spec.initContainers[0].behavior.restart: unknown key 'restart' (did you mean 'restarts'?)"],
  ],
  [
    'exitCode without after',
    13,
    '        behavior: {exitCode: 0}',
    [
      "bad.case.yaml:13: pod.spec.initContainers[0].behavior.exitCode: exitCode and after go together: add 'after', or leave both out (runs until signalled)",
    ],
  ],
  [
    'exitCode of the wrong type',
    13,
    '        behavior: {exitCode: x, after: 1s}',
    ["bad.case.yaml:13: pod.spec.initContainers[0].behavior.exitCode: expected a whole number, found 'x'"],
  ],
  [
    'exitCode out of range',
    13,
    '        behavior: {exitCode: 256, after: 1s}',
    ['bad.case.yaml:13: pod.spec.initContainers[0].behavior.exitCode: 256 is out of range: must be from 0 to 255'],
  ],
  [
    'two restarts entries for one start',
    13,
    '        behavior: {exitCode: 0, after: 1s, restarts: [{from: 2}, {from: 2}]}',
    ['bad.case.yaml:13: pod.spec.initContainers[0].behavior.restarts[1]: two restarts entries for start 2'],
  ],
  [
    'unknown onTerm',
    18,
    '        behavior: {onTerm: maybe}',
    ["bad.case.yaml:18: pod.spec.containers[0].behavior.onTerm: 'maybe' is not one of exit, ignore"],
  ],
  [
    'bad exitAfter',
    18,
    '        behavior: {onTerm: {exitAfter: 2q}}',
    [`bad.case.yaml:18: pod.spec.containers[0].behavior.onTerm.exitAfter: '2q' is not a duration ${durationHint}`],
  ],
  [
    'restarts entry without from',
    18,
    '        behavior: {onTerm: exit, restarts: [{exitCode: 0, after: 1s}]}',
    ['bad.case.yaml:18: pod.spec.containers[0].behavior.restarts[0].from: missing (required)'],
  ],
  [
    'misspelled lifecycle key',
    20,
    '          preStopp:',
    ["bad.case.yaml:20: pod.spec.containers[0].lifecycle.preStopp: unknown key 'preStopp' (did you mean 'preStop'?)"],
  ],
  [
    'stop signal',
    20,
    '          stopSignal: SIGUSR1\n          preStop:',
    [
      'bad.case.yaml:20: pod.spec.containers[0].lifecycle.stopSignal: a custom stop signal is not modelled by podconform',
    ],
  ],
  [
    'misspelled hook handler',
    21,
    '            exce: {command: [sh]}',
    ["bad.case.yaml:21: pod.spec.containers[0].lifecycle.preStop.exce: unknown key 'exce' (did you mean 'exec'?)"],
  ],
  [
    'two hook handlers',
    21,
    '            exec: {command: [sh]}\n            sleep: {seconds: 1}',
    [
      'bad.case.yaml:21: pod.spec.containers[0].lifecycle.preStop: needs exactly one handler of exec, httpGet, tcpSocket, sleep; found exec and sleep',
    ],
  ],
  [
    'misspelled hook behaviour key',
    22,
    '            behavior: {take: 1s, result: success}',
    [
      "bad.case.yaml:22: pod.spec.containers[0].lifecycle.preStop.behavior.take: unknown key 'take' (did you mean 'takes'?)",
    ],
  ],
  [
    'unknown hook result',
    22,
    '            behavior: {takes: 1s, result: ok}',
    ["bad.case.yaml:22: pod.spec.containers[0].lifecycle.preStop.behavior.result: 'ok' is not one of success, fail"],
  ],
  [
    'misspelled probe key',
    24,
    '          exec: {command: ["true"]}\n          periodSecond: 3',
    [
      "bad.case.yaml:25: pod.spec.containers[0].readinessProbe.periodSecond: unknown key 'periodSecond' (did you mean 'periodSeconds'?)",
    ],
  ],
  [
    'probe period of 0',
    24,
    '          exec: {command: ["true"]}\n          periodSeconds: 0',
    ['bad.case.yaml:25: pod.spec.containers[0].readinessProbe.periodSeconds: 0 is out of range: must be at least 1'],
  ],
  [
    'probe grace on a readiness probe',
    24,
    '          exec: {command: ["true"]}\n          terminationGracePeriodSeconds: 3',
    [
      'bad.case.yaml:25: pod.spec.containers[0].readinessProbe.terminationGracePeriodSeconds: not allowed on a readinessProbe (Kubernetes rejects it)',
    ],
  ],
  [
    'liveness successThreshold other than 1',
    23,
    '        livenessProbe:\n          successThreshold: 2',
    [
      'bad.case.yaml:24: pod.spec.containers[0].livenessProbe.successThreshold: must be 1 for a livenessProbe (Kubernetes rejects other values)',
    ],
  ],
  [
    'httpGet port 0',
    24,
    '          httpGet: {port: 0}',
    [
      'bad.case.yaml:24: pod.spec.containers[0].readinessProbe.httpGet.port: 0 is out of range: must be from 1 to 65535',
    ],
  ],
  [
    'exec without command',
    24,
    '          exec: {}',
    ['bad.case.yaml:24: pod.spec.containers[0].readinessProbe.exec.command: missing (required)'],
  ],
  [
    'misspelled grpc key',
    24,
    '          grpc: {port: 80, servce: x}',
    [
      "bad.case.yaml:24: pod.spec.containers[0].readinessProbe.grpc.servce: unknown key 'servce' (did you mean 'service'?)",
    ],
  ],
  [
    'unknown probe fails',
    25,
    '          behavior: {fails: sometimes}',
    ["bad.case.yaml:25: pod.spec.containers[0].readinessProbe.behavior.fails: 'sometimes' is not one of never, always"],
  ],
  [
    'probe fails with an unknown key',
    25,
    '          behavior: {fails: {after: 3s}}',
    ["bad.case.yaml:25: pod.spec.containers[0].readinessProbe.behavior.fails.after: unknown key 'after'"],
  ],
  [
    'action without delete',
    28,
    '    remove: {}',
    [
      'bad.case.yaml:27: actions[0].delete: missing (required)',
      "bad.case.yaml:28: actions[0].remove: unknown key 'remove'",
    ],
  ],
  [
    'action time not a duration',
    27,
    '  - at: soon',
    [`bad.case.yaml:27: actions[0].at: 'soon' is not a duration ${durationHint}`],
  ],
  [
    'actions out of time order',
    28,
    '    delete: {gracePeriodSeconds: 5}\n  - at: 1s\n    delete: {}',
    ['bad.case.yaml:29: actions[1]: actions must be in time order: 1s comes after 2s'],
  ],
  [
    'expectation for a container that does not exist',
    33,
    '    ap: {state: terminated}',
    ["bad.case.yaml:33: expect.containers.ap: no container named 'ap' (did you mean 'app'?); the pod has init1, app"],
  ],
  [
    'unknown container state',
    33,
    '    app: {state: gone}',
    ["bad.case.yaml:33: expect.containers.app.state: 'gone' is not one of waiting, running, terminated"],
  ],
  [
    'misspelled container expectation key',
    33,
    '    app: {exitcode: 143}',
    ["bad.case.yaml:33: expect.containers.app.exitcode: unknown key 'exitcode' (did you mean 'exitCode'?)"],
  ],
  [
    'range with min above max',
    33,
    '    app: {restartCount: {min: 3, max: 1}}',
    ['bad.case.yaml:33: expect.containers.app.restartCount: min 3 is greater than max 1'],
  ],
  [
    'range and anyOf together',
    33,
    '    app: {exitCode: {min: 1, anyOf: [1]}}',
    ['bad.case.yaml:33: expect.containers.app.exitCode: write either {anyOf: [...]} or {min, max}, not both'],
  ],
  [
    'empty range',
    33,
    '    app: {exitCode: {}}',
    ['bad.case.yaml:33: expect.containers.app.exitCode: a range needs min, max or both'],
  ],
  [
    'order naming a missing container',
    35,
    '    - [init1.exited, ap.started]',
    ["bad.case.yaml:35: expect.order[0][1]: no container named 'ap' (did you mean 'app'?); the pod has init1, app"],
  ],
  [
    'order entry that is not a pair',
    35,
    '    - [init1.exited]',
    ['bad.case.yaml:35: expect.order[0]: an order entry is a pair [before, after]; found 1 point(s)'],
  ],
  [
    'never with occurrence 0',
    36,
    '  never: [app.started#0]',
    ["bad.case.yaml:36: expect.never[0]: 'app.started#0': the occurrence after '#' must be a whole number from 1"],
  ],
  [
    'gone of the wrong type',
    36,
    '  never: [app.started#2]\n  gone: "yes"',
    ["bad.case.yaml:37: expect.gone: expected true or false, found 'yes'"],
  ],
  [
    'timing naming a missing container',
    38,
    '    - {from: pod.deleteRequested, to: sc.term}',
    ["bad.case.yaml:38: expect.timing[0].to: no container named 'sc'; the pod has init1, app"],
  ],
  [
    'timing with a bad bound',
    38,
    '    - {from: pod.deleteRequested, to: app.term, max: 3 s}',
    [`bad.case.yaml:38: expect.timing[0].max: '3 s' is not a duration ${durationHint}`],
  ],
  [
    'timing with both forms',
    38,
    '    - {from: pod.deleteRequested, to: app.term, between: [app.term, app.kill]}',
    ['bad.case.yaml:38: expect.timing[0]: write either from/to or between, not both'],
  ],
  [
    'timing with no points',
    38,
    '    - {min: 1s}',
    ['bad.case.yaml:38: expect.timing[0]: a timing entry needs from and to, or between: [a, b]'],
  ],
  [
    'timing between one point',
    38,
    '    - {between: [app.term], max: 1s}',
    ['bad.case.yaml:38: expect.timing[0].between: between takes two points; found 1'],
  ],
  [
    'timing min above max',
    38,
    '    - {from: app.term, to: app.kill, min: 3s, max: 1s}',
    ['bad.case.yaml:38: expect.timing[0]: min 3s is greater than max 1s'],
  ],
  [
    'event naming a missing container',
    40,
    '    present: [{reason: Killing, container: web}]',
    ["bad.case.yaml:40: expect.events.present[0].container: no container named 'web'; the pod has init1, app"],
  ],
  [
    'event without reason',
    40,
    '    present: [{container: app}]',
    ['bad.case.yaml:40: expect.events.present[0].reason: missing (required)'],
  ],
  [
    'misspelled event key',
    40,
    '    present: [{reason: Killing, contianer: app}]',
    ["bad.case.yaml:40: expect.events.present[0].contianer: unknown key 'contianer' (did you mean 'container'?)"],
  ],
  [
    'phase outside the four phases in expect',
    31,
    '  phase: Terminating',
    ["bad.case.yaml:31: expect.phase: 'Terminating' is not one of Pending, Running, Succeeded, Failed"],
  ],
  ['empty anyOf', 31, '  phase: {anyOf: []}', ['bad.case.yaml:31: expect.phase.anyOf: anyOf needs at least one value']],
  [
    'misspelled anyOf',
    31,
    '  phase: {anyof: [Failed]}',
    ["bad.case.yaml:31: expect.phase.anyof: unknown key 'anyof' (did you mean 'anyOf'?)"],
  ],
  [
    'unknown condition',
    31,
    '  conditions: {Redy: {status: "True"}}',
    [
      "bad.case.yaml:31: expect.conditions.Redy: unknown condition 'Redy' (known: PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady, Ready)",
    ],
  ],
  [
    'misspelled expect key',
    31,
    '  phaze: Failed',
    ["bad.case.yaml:31: expect.phaze: unknown key 'phaze' (did you mean 'phase'?)"],
  ],
  [
    'malformed YAML: unclosed flow mapping',
    33,
    '    app: {state: terminated',
    ['bad.case.yaml:34: (yaml): Flow map in block collection must be sufficiently indented and end with a }'],
  ],
  [
    'malformed YAML: duplicate key',
    29,
    'observeFor: 10s\nobserveFor: 20s',
    ['bad.case.yaml:30: (yaml): Map keys must be unique'],
  ],
];

describe('loadCaseText on bad input', () => {
  it('loads the unchanged base case', () => {
    expect(problems(baseCaseText)).toEqual([]);
  });

  it.each(table)('%s: line %i', (_what, line, replacement, expected) => {
    expect(problems(withLine(line, replacement))).toEqual(expected);
  });

  it('reports malformed YAML with the line the parser gives, first', () => {
    expect(problems(withLine(31, '\tphase: Failed'))[0]).toBe(
      'bad.case.yaml:31: (yaml): Tabs are not allowed as indentation',
    );
  });

  it('collects every problem, in line order, not just the first', () => {
    const text = withLine(1, 'id: demo\nextra: 1')
      .replace('observeFor: 10s', 'observeFor: 5x')
      .replace('phase: Failed', 'phase: Failing');
    expect(problems(text)).toEqual([
      "bad.case.yaml:2: extra: unknown key 'extra'",
      `bad.case.yaml:30: observeFor: '5x' is not a duration ${durationHint}`,
      "bad.case.yaml:32: expect.phase: 'Failing' is not one of Pending, Running, Succeeded, Failed",
    ]);
  });

  it('reports a document that is not a mapping', () => {
    expect(problems('')).toEqual(['bad.case.yaml:1: (document): expected a mapping, found nothing']);
    expect(problems('- a\n- b\n')).toEqual(['bad.case.yaml:1: (document): expected a mapping, found a list']);
    expect(problems('just text')).toEqual(["bad.case.yaml:1: (document): expected a mapping, found 'just text'"]);
  });

  it('reports a missing pod and a missing container list', () => {
    expect(problems('id: x\nobserveFor: 1s\n')).toEqual(['bad.case.yaml:1: pod: missing (required)']);
    expect(problems('id: x\nobserveFor: 1s\npod:\n  spec: {restartPolicy: Never}\n')).toEqual([
      'bad.case.yaml:4: pod.spec.containers: missing (required)',
    ]);
  });

  it('reports an empty container list, and expectations naming containers no longer there', () => {
    const lines = [...baseCaseLines.slice(0, 13), '    containers: []', ...baseCaseLines.slice(25)];
    expect(problems(`${lines.join('\n')}\n`)).toEqual([
      'bad.case.yaml:14: pod.spec.containers: a pod needs at least one container',
      "bad.case.yaml:22: expect.containers.app: no container named 'app'; the pod has init1",
      "bad.case.yaml:24: expect.order[0][1]: no container named 'app'; the pod has init1",
      "bad.case.yaml:25: expect.never[0]: no container named 'app'; the pod has init1",
      "bad.case.yaml:27: expect.timing[0].to: no container named 'app'; the pod has init1",
      "bad.case.yaml:29: expect.events.present[0].container: no container named 'app'; the pod has init1",
    ]);
  });

  it('checks container names in documented blocks too', () => {
    expect(problems(`${baseCaseText}documented: {never: [nosuch.started]}\n`)).toEqual([
      "bad.case.yaml:41: documented.never[0]: no container named 'nosuch'; the pod has init1, app",
    ]);
  });

  it('reports aliases that name no anchor or contain themselves', () => {
    const head = 'id: demo\nobserveFor: 1s\n';
    expect(problems(`${head}pod: {spec: {containers: [{name: a, image: b, command: *z}]}}\n`)).toEqual([
      'bad.case.yaml:3: pod.spec.containers[0].command: the alias *z names no anchor',
    ]);
    expect(problems(`${head}pod: {spec: {containers: [{name: a, image: b, args: &r [a, *r]}]}}\n`)).toEqual([
      'bad.case.yaml:3: pod.spec.containers[0].args: an alias refers to a value that contains it',
    ]);
  });

  it('stops expanding aliases in a "billion laughs" document', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      laughs.push(
        `b${i}: &b${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`,
      );
    const text = `id: demo\nobserveFor: 1s\npod:\n  spec:\n    containers: [{name: a, image: b}]\n  metadata:\n    annotations:\n${laughs.map((l) => `      ${l}`).join('\n')}\n`;
    expect(problems(text)).toEqual(['bad.case.yaml:8: pod.metadata.annotations: more than 1000 aliases to expand']);
  });
});
