import { describe, expect, it } from 'vitest';
import { formatProblem, loadCaseText, type CaseFile } from '../../../harness/cases/index.ts';
import type { Container } from '../../../specs/vocabulary/index.ts';

function load(text: string): CaseFile {
  const loaded = loadCaseText(text, 'test.case.yaml');
  if (loaded.status === 'invalid') throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.caseFile;
}

/** A case around the given container lines (indented for `containers:`), plus extra top-level text. */
function withContainers(containers: string, rest = ''): string {
  return `id: t\nobserveFor: 60s\npod:\n  spec:\n    containers:\n${containers}\n${rest}`;
}

function onlyContainer(containerLines: string): Container {
  const container = load(withContainers(containerLines)).scenario.pod.containers[0];
  if (container === undefined) throw new Error('no container');
  return container;
}

const exit143 = { type: 'exit', exitCode: 143, afterSeconds: 0 } as const;

describe('loadCaseText', () => {
  it('fills in Kubernetes and FORMAT.md defaults', () => {
    const caseFile = load(withContainers('      - {name: app, image: busybox}'));
    const { scenario } = caseFile;
    expect(scenario).toStrictEqual({
      id: 't',
      rules: [],
      node: { registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0 },
      pod: {
        name: 't',
        restartPolicy: 'Always',
        initContainers: [],
        containers: [
          {
            name: 'app',
            role: 'regular',
            image: 'busybox',
            behavior: { base: { onTerm: exit143 }, restarts: [] },
            extra: {},
          },
        ],
        metadataExtra: {},
        specExtra: {},
      },
      actions: [],
      observeForSeconds: 60,
    });
    expect(caseFile.expect).toStrictEqual({
      containers: [],
      conditions: [],
      order: [],
      never: [],
      timing: [],
      eventsPresent: [],
      eventsAbsent: [],
    });
    expect(caseFile.documented).toBeUndefined();
  });

  it('reads every duration form', () => {
    const read = (text: string | number): number =>
      load(withContainers('      - {name: app, image: busybox}').replace('observeFor: 60s', `observeFor: ${text}`))
        .scenario.observeForSeconds;
    expect(read('300ms')).toBe(0.3);
    expect(read('2s')).toBe(2);
    expect(read('1.5s')).toBe(1.5);
    expect(read('2m')).toBe(120);
    expect(read('1h')).toBe(3600);
    expect(read('1m30s')).toBe(90);
    expect(read(5)).toBe(5);
    expect(read(2.5)).toBe(2.5);
    expect(read('"7"')).toBe(7);
  });

  it('reads container behaviours with their defaults', () => {
    const behavior = (block: string) =>
      onlyContainer(`      - name: app\n        image: busybox\n        behavior: ${block}`).behavior;
    expect(behavior('{exitCode: 1, after: 2s}')).toStrictEqual({
      base: { exit: { exitCode: 1, afterSeconds: 2 }, onTerm: exit143 },
      restarts: [],
    });
    expect(behavior('{onTerm: exit, termExitCode: 0}').base.onTerm).toStrictEqual({
      type: 'exit',
      exitCode: 0,
      afterSeconds: 0,
    });
    expect(behavior('{onTerm: ignore}').base.onTerm).toStrictEqual({ type: 'ignore' });
    expect(behavior('{onTerm: {exitAfter: 3s, exitCode: 0}}').base.onTerm).toStrictEqual({
      type: 'exit',
      exitCode: 0,
      afterSeconds: 3,
    });
    expect(behavior('{onTerm: {exitAfter: 3s}, termExitCode: 7}').base.onTerm).toStrictEqual({
      type: 'exit',
      exitCode: 7,
      afterSeconds: 3,
    });
    expect(behavior('{onTerm: {exitAfter: 3s}}').base.onTerm).toStrictEqual({
      type: 'exit',
      exitCode: 143,
      afterSeconds: 3,
    });
  });

  it('lets a restarts entry replace the whole behaviour, taking defaults for what it leaves out', () => {
    const { behavior } = onlyContainer(
      '      - name: app\n        image: busybox\n        behavior: {exitCode: 1, after: 0s, onTerm: ignore, termExitCode: 0, restarts: [{from: 2, onTerm: exit}]}',
    );
    expect(behavior).toStrictEqual({
      base: { exit: { exitCode: 1, afterSeconds: 0 }, onTerm: { type: 'ignore' } },
      restarts: [{ fromStart: 2, behavior: { onTerm: exit143 } }],
    });
  });

  it('reads hooks: a sleep takes its seconds, other handlers 0 s, and a behaviour overrides both', () => {
    const container = onlyContainer(
      [
        '      - name: app',
        '        image: busybox',
        '        lifecycle:',
        '          postStart: {httpGet: {path: /up, port: http, scheme: HTTPS}}',
        '          preStop: {sleep: {seconds: 4}}',
      ].join('\n'),
    );
    expect(container.postStart).toStrictEqual({
      action: { type: 'httpGet', port: 'http', path: '/up', extra: { scheme: 'HTTPS' } },
      takesSeconds: 0,
      result: 'success',
    });
    expect(container.preStop).toStrictEqual({
      action: { type: 'sleep', seconds: 4 },
      takesSeconds: 4,
      result: 'success',
    });
    const failing = onlyContainer(
      '      - name: app\n        image: busybox\n        lifecycle:\n          preStop: {exec: {command: [x]}, behavior: {takes: 2s, result: fail}}',
    );
    expect(failing.preStop).toStrictEqual({
      action: { type: 'exec', command: ['x'] },
      takesSeconds: 2,
      result: 'fail',
    });
  });

  it('reads probes with Kubernetes defaults and every form of fails', () => {
    const probe = (extra: string) =>
      onlyContainer(`      - name: app\n        image: busybox\n        livenessProbe: {tcpSocket: {port: 80}${extra}}`)
        .livenessProbe;
    expect(probe('')).toStrictEqual({
      action: { type: 'tcpSocket', port: 80 },
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
      fails: { type: 'never' },
      takesSeconds: 0,
    });
    expect(
      probe(', periodSeconds: 2, terminationGracePeriodSeconds: 5, behavior: {fails: always, takes: 1.5s}'),
    ).toMatchObject({
      periodSeconds: 2,
      terminationGracePeriodSeconds: 5,
      fails: { type: 'always' },
      takesSeconds: 1.5,
    });
    expect(probe(', behavior: {fails: {from: 10s}}')?.fails).toStrictEqual({ type: 'from', seconds: 10 });
    expect(probe(', behavior: {fails: {until: 300ms}}')?.fails).toStrictEqual({ type: 'until', seconds: 0.3 });
    expect(probe(', behavior: {fails: {afterTerm: 0s}}')?.fails).toStrictEqual({ type: 'afterTerm', seconds: 0 });
    const grpc = onlyContainer('      - name: app\n        image: busybox\n        startupProbe: {grpc: {port: 9000}}');
    expect(grpc.startupProbe?.action).toStrictEqual({ type: 'grpc', port: 9000 });
  });

  it('makes an init container with restartPolicy Always a sidecar', () => {
    const { pod } = load(
      withContainers(
        '      - {name: app, image: busybox}\n    initContainers:\n      - {name: init1, image: busybox}\n      - {name: sc1, image: busybox, restartPolicy: Always}',
      ),
    ).scenario;
    expect(pod.initContainers.map((c) => [c.name, c.role])).toEqual([
      ['init1', 'init'],
      ['sc1', 'sidecar'],
    ]);
  });

  it('keeps imagePullPolicy only when written, and every unread Kubernetes field untouched', () => {
    const text = [
      'id: t',
      'observeFor: 60s',
      'pod:',
      '  metadata: {name: demo, labels: {app: web}, namespace: ns}',
      '  spec:',
      '    runtimeClassName: gvisor',
      '    activeDeadlineSeconds: 30',
      '    volumes: [{name: v, emptyDir: {}}]',
      '    containers:',
      '      - name: app',
      '        image: busybox',
      '        imagePullPolicy: IfNotPresent',
      '        command: [sh, -c, "exit 0"]',
      '        env: [{name: A, value: "1"}]',
      '        resources: {limits: {cpu: 100m}}',
      '      - {name: web, image: nginx}',
    ].join('\n');
    const { pod } = load(text).scenario;
    expect(pod.name).toBe('demo');
    expect(pod.metadataExtra).toStrictEqual({ labels: { app: 'web' }, namespace: 'ns' });
    expect(pod.specExtra).toStrictEqual({ volumes: [{ name: 'v', emptyDir: {} }] });
    expect(pod.runtimeClassName).toBe('gvisor');
    expect(pod.activeDeadlineSeconds).toBe(30);
    expect(pod.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    expect(pod.containers[0]?.extra).toStrictEqual({
      command: ['sh', '-c', 'exit 0'],
      env: [{ name: 'A', value: '1' }],
      resources: { limits: { cpu: '100m' } },
    });
    expect(pod.containers[1]).not.toHaveProperty('imagePullPolicy');
  });

  it('reads the node and actions', () => {
    const { scenario } = load(
      withContainers(
        '      - {name: app, image: busybox}',
        'node: {registry: down, unpullable: [x:1], pullTakes: 2s}\nactions:\n  - {at: 1s, delete: {gracePeriodSeconds: 0}}\n  - at: 5s\n    delete:\n',
      ),
    );
    expect(scenario.node).toStrictEqual({ registry: 'down', cached: [], unpullable: ['x:1'], pullTakesSeconds: 2 });
    expect(scenario.actions).toStrictEqual([
      { type: 'delete', atSeconds: 1, gracePeriodSeconds: 0 },
      { type: 'delete', atSeconds: 5 },
    ]);
  });

  it('reads every kind of expectation', () => {
    const expectText = [
      'expect:',
      '  phase: {anyOf: [Running, Succeeded]}',
      '  gone: false',
      '  status: Init:Error',
      '  containers:',
      '    app: {state: waiting, reason: {anyOf: [ErrImagePull, ImagePullBackOff]}, restartCount: {min: 2}, exitCode: {max: 1}, ready: true, everStarted: false}',
      '  conditions:',
      '    Initialized: {status: "False", reason: ContainersNotInitialized}',
      '    Ready: {status: True}',
      '  order:',
      '    - [app.started, app.started#2]',
      '  never: [pod.gone, app.postStart.finished#3]',
      '  timing:',
      '    - {from: pod.deleteRequested, to: app.kill, min: 5s, max: 7s}',
      '    - {between: [app.term, app.kill], max: 1s}',
      '  events:',
      '    present: [{reason: Killing, container: app, message: probe}]',
      '    absent: [{reason: {anyOf: [BackOff, Failed]}}]',
    ].join('\n');
    const { expect: expected } = load(withContainers('      - {name: app, image: busybox}', expectText));
    const app = (occurrence: number, name: string) => ({ scope: 'container', container: 'app', name, occurrence });
    expect(expected).toStrictEqual({
      phase: { type: 'anyOf', values: ['Running', 'Succeeded'] },
      gone: { type: 'equals', value: false },
      status: { type: 'equals', value: 'Init:Error' },
      containers: [
        {
          container: 'app',
          state: { type: 'equals', value: 'waiting' },
          reason: { type: 'anyOf', values: ['ErrImagePull', 'ImagePullBackOff'] },
          restartCount: { type: 'range', min: 2 },
          exitCode: { type: 'range', max: 1 },
          ready: { type: 'equals', value: true },
          everStarted: { type: 'equals', value: false },
        },
      ],
      conditions: [
        {
          condition: 'Initialized',
          status: { type: 'equals', value: 'False' },
          reason: { type: 'equals', value: 'ContainersNotInitialized' },
        },
        { condition: 'Ready', status: { type: 'equals', value: 'True' } },
      ],
      order: [{ before: app(1, 'started'), after: app(2, 'started') }],
      never: [{ scope: 'pod', name: 'gone', occurrence: 1 }, app(3, 'postStart.finished')],
      timing: [
        {
          type: 'from',
          from: { scope: 'pod', name: 'deleteRequested', occurrence: 1 },
          to: app(1, 'kill'),
          minSeconds: 5,
          maxSeconds: 7,
        },
        { type: 'between', a: app(1, 'term'), b: app(1, 'kill'), maxSeconds: 1 },
      ],
      eventsPresent: [
        {
          reason: { type: 'equals', value: 'Killing' },
          container: { type: 'equals', value: 'app' },
          message: { type: 'equals', value: 'probe' },
        },
      ],
      eventsAbsent: [{ reason: { type: 'anyOf', values: ['BackOff', 'Failed'] } }],
    });
  });

  it('accepts values outside Kubernetes enums in documented blocks only', () => {
    const documented =
      'documented:\n  phase: Terminating\n  containers: {app: {state: Stopping}}\n  conditions: {Done: {status: Maybe}}';
    const caseFile = load(withContainers('      - {name: app, image: busybox}', documented));
    expect(caseFile.documented?.phase).toStrictEqual({ type: 'equals', value: 'Terminating' });
    expect(caseFile.documented?.containers[0]?.state).toStrictEqual({ type: 'equals', value: 'Stopping' });
    expect(caseFile.documented?.conditions[0]).toStrictEqual({
      condition: 'Done',
      status: { type: 'equals', value: 'Maybe' },
    });
    expect(caseFile.expect.phase).toBeUndefined();
  });

  it('never throws on input that is not even YAML', () => {
    expect(loadCaseText('{{{', 'x').status).toBe('invalid');
    expect(loadCaseText('\u0000\uffff', 'x').status).toBe('invalid');
  });
});
