/**
 * Random case contents for the writer's round trip: wider than the project's generators (any
 * durations, any strings, Kubernetes extras), narrower only where FORMAT.md or Kubernetes forbid.
 */
import fc from 'fast-check';
import {
  conditionTypes,
  containerPointNames,
  containerStateNames,
  phases,
  podPointNames,
  pullPolicies,
  restartPolicies,
  type Action,
  type ConditionStatus,
  type Container,
  type ContainerBehavior,
  type ContainerRole,
  type Expectation,
  type HandlerAction,
  type Hook,
  type NodeWorld,
  type NumberMatcher,
  type PointRef,
  type Probe,
  type ProbeFailing,
  type ProbeType,
  type RunBehavior,
  type Scenario,
  type TermHandling,
  type ValueMatcher,
} from '../../../specs/vocabulary/index.ts';
import type { CaseContent } from '../../../harness/cases/index.ts';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('true', '1.5', 'null', '#x', 'a: b', '- x', '{}', 'multi\nline\n', "it's"),
);
const shortText = fc.string({ maxLength: 8 });
const seconds = fc.oneof(
  fc.integer({ min: 0, max: 3600 }),
  fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }).map((x) => Math.abs(x) || 0),
  fc.constantFrom(0.3, 1.5, 0.001, 1e-7, 86_400),
);
const positiveSeconds = seconds.map((s) => (s === 0 ? 1 : s));
const exitCode = fc.integer({ min: 0, max: 255 });
// Built from parts: fc.stringMatching is correct but slow enough to dominate the run.
const dnsLabel = fc
  .tuple(fc.constantFrom('a', 'app', 'init', 'sc', 'web-1', 'x-y-z'), fc.nat(99))
  .map(([stem, n]) => (n === 0 ? stem : `${stem}${n}`));

function opt<K extends string, T>(key: K, arb: fc.Arbitrary<T>): fc.Arbitrary<{ [P in K]?: T }> {
  return fc.option(arb, { nil: undefined }).map((value) => {
    const written: { [P in K]?: T } = {};
    if (value !== undefined) written[key] = value;
    return written;
  });
}

const jsonLeaf = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
const jsonData: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 2, withCrossShrink: true }, jsonLeaf, tie('list'), tie('object')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('name', 'path', 'cpu', 'memory', 'Key9'), tie('value'), { maxKeys: 3 }),
})).value;

const termHandling: fc.Arbitrary<TermHandling> = fc.oneof(
  fc.constant<TermHandling>({ type: 'ignore' }),
  fc.record({ type: fc.constant('exit' as const), exitCode, afterSeconds: fc.oneof(fc.constant(0), seconds) }),
);

const runBehavior: fc.Arbitrary<RunBehavior> = fc
  .tuple(opt('exit', fc.record({ exitCode, afterSeconds: seconds })), termHandling)
  .map(([exit, onTerm]) => ({ ...exit, onTerm }));

const containerBehavior: fc.Arbitrary<ContainerBehavior> = fc.record({
  base: runBehavior,
  restarts: fc.uniqueArray(fc.record({ fromStart: fc.integer({ min: 1, max: 9 }), behavior: runBehavior }), {
    maxLength: 3,
    selector: (entry) => entry.fromStart,
  }),
});

const port = fc.oneof(fc.integer({ min: 1, max: 65535 }), dnsLabel);
const exec = fc.record({ type: fc.constant('exec' as const), command: fc.array(text, { maxLength: 4 }) });
const httpGet = fc
  .tuple(
    port,
    opt('path', text),
    opt('extra', fc.record({ scheme: fc.constantFrom('HTTP', 'HTTPS') }, { requiredKeys: [] })),
  )
  .map(([p, path, extra]): HandlerAction => ({
    type: 'httpGet',
    port: p,
    ...path,
    ...(Object.keys(extra.extra ?? {}).length === 0 ? {} : extra),
  }));
const tcpSocket = port.map((p): HandlerAction => ({ type: 'tcpSocket', port: p }));
const grpc = fc
  .tuple(fc.integer({ min: 1, max: 65535 }), opt('service', shortText))
  .map(([p, service]): HandlerAction => ({
    type: 'grpc',
    port: p,
    ...(service.service === undefined ? {} : { extra: service }),
  }));
const sleep = fc.record({ type: fc.constant('sleep' as const), seconds: fc.integer({ min: 0, max: 600 }) });

const hook: fc.Arbitrary<Hook> = fc.record({
  action: fc.oneof(exec, httpGet, tcpSocket, sleep),
  takesSeconds: seconds,
  result: fc.constantFrom('success' as const, 'fail' as const),
});

const probeFailing: fc.Arbitrary<ProbeFailing> = fc.oneof(
  fc.constantFrom<ProbeFailing>({ type: 'never' }, { type: 'always' }),
  fc.record({ type: fc.constantFrom('from' as const, 'until' as const, 'afterTerm' as const), seconds }),
);

function probe(probeType: ProbeType): fc.Arbitrary<Probe> {
  // Kubernetes allows a probe-level grace period only on liveness and startup probes.
  const grace =
    probeType === 'readinessProbe'
      ? fc.constant({})
      : opt('terminationGracePeriodSeconds', fc.integer({ min: 1, max: 100 }));
  return fc
    .tuple(
      fc.record({
        action: fc.oneof(exec, httpGet, tcpSocket, grpc),
        initialDelaySeconds: fc.integer({ min: 0, max: 100 }),
        periodSeconds: fc.integer({ min: 1, max: 100 }),
        timeoutSeconds: fc.integer({ min: 1, max: 100 }),
        successThreshold: probeType === 'readinessProbe' ? fc.integer({ min: 1, max: 5 }) : fc.constant(1),
        failureThreshold: fc.integer({ min: 1, max: 10 }),
        fails: probeFailing,
        takesSeconds: seconds,
      }),
      grace,
    )
    .map(([p, g]) => ({ ...p, ...g }));
}

const containerExtra = fc.record(
  {
    command: fc.array(text, { maxLength: 3 }),
    args: fc.array(text, { maxLength: 3 }),
    env: fc.array(fc.record({ name: dnsLabel, value: text }), { maxLength: 2 }),
    workingDir: text,
    volumeMounts: fc.array(fc.record({ name: dnsLabel, mountPath: text }), { maxLength: 2 }),
    resources: jsonData,
  },
  { requiredKeys: [] },
);

type Hooks = Pick<Container, 'postStart' | 'preStop'>;
type Probes = Pick<Container, ProbeType>;

function container(name: string, role: ContainerRole): fc.Arbitrary<Container> {
  // Kubernetes rejects hooks and probes on init containers that are not sidecars.
  const hooks: fc.Arbitrary<Hooks> =
    role === 'init' ? fc.constant({}) : fc.record({ postStart: hook, preStop: hook }, { requiredKeys: [] });
  const probes: fc.Arbitrary<Probes> =
    role === 'init'
      ? fc.constant({})
      : fc.record(
          {
            startupProbe: probe('startupProbe'),
            livenessProbe: probe('livenessProbe'),
            readinessProbe: probe('readinessProbe'),
          },
          { requiredKeys: [] },
        );
  return fc
    .record({
      image: text.filter((s) => s !== ''),
      pull: opt('imagePullPolicy', fc.constantFrom(...pullPolicies)),
      behavior: containerBehavior,
      hooks,
      probes,
      extra: containerExtra,
    })
    .map((r): Container => ({
      name,
      role,
      image: r.image,
      ...r.pull,
      behavior: r.behavior,
      ...r.hooks,
      ...r.probes,
      extra: r.extra,
    }));
}

const node: fc.Arbitrary<NodeWorld> = fc.record({
  registry: fc.constantFrom('up' as const, 'down' as const),
  cached: fc.array(text, { maxLength: 3 }),
  unpullable: fc.array(text, { maxLength: 2 }),
  pullTakesSeconds: fc.oneof(fc.constant(0), seconds),
});

const actions: fc.Arbitrary<ReadonlyArray<Action>> = fc
  .array(fc.tuple(seconds, opt('gracePeriodSeconds', fc.integer({ min: 0, max: 100 }))), { maxLength: 3 })
  .map((list) =>
    list
      .map(([atSeconds, grace]): Action => ({ type: 'delete', atSeconds, ...grace }))
      .sort((a, b) => a.atSeconds - b.atSeconds),
  );

/** A scenario with unique container names across init and regular containers. */
export const scenario: fc.Arbitrary<Scenario> = fc
  .uniqueArray(dnsLabel, { minLength: 1, maxLength: 5 })
  .chain((names) => fc.tuple(fc.constant(names), fc.integer({ min: 0, max: names.length - 1 })))
  .chain(([names, initCount]) =>
    fc.record({
      id: dnsLabel,
      source: opt('source', text),
      rules: fc.array(text, { maxLength: 3 }),
      node,
      podName: fc.oneof(
        dnsLabel,
        dnsLabel.map((label) => `${label}.example`),
      ),
      restartPolicy: fc.constantFrom(...restartPolicies),
      grace: opt('terminationGracePeriodSeconds', fc.integer({ min: 0, max: 600 })),
      deadline: opt('activeDeadlineSeconds', fc.integer({ min: 1, max: 600 })),
      runtime: opt('runtimeClassName', shortText),
      initContainers: fc.tuple(
        ...names
          .slice(0, initCount)
          .map((name) => fc.constantFrom<ContainerRole>('init', 'sidecar').chain((role) => container(name, role))),
      ),
      containers: fc.tuple(...names.slice(initCount).map((name) => container(name, 'regular'))),
      metadataExtra: fc.record({ labels: fc.dictionary(dnsLabel, shortText, { maxKeys: 2 }) }, { requiredKeys: [] }),
      specExtra: fc.record(
        { volumes: fc.array(jsonData, { maxLength: 2 }), nodeSelector: jsonData },
        { requiredKeys: [] },
      ),
      actions,
      observeForSeconds: positiveSeconds,
    }),
  )
  .map((r) => ({
    id: r.id,
    ...r.source,
    rules: r.rules,
    node: r.node,
    pod: {
      name: r.podName,
      restartPolicy: r.restartPolicy,
      ...r.grace,
      ...r.deadline,
      ...r.runtime,
      initContainers: r.initContainers,
      containers: r.containers,
      metadataExtra: r.metadataExtra,
      specExtra: r.specExtra,
    },
    actions: r.actions,
    observeForSeconds: r.observeForSeconds,
  }));

function valueMatcher<T>(value: fc.Arbitrary<T>): fc.Arbitrary<ValueMatcher<T>> {
  return fc.oneof(
    value.map((v) => ({ type: 'equals' as const, value: v })),
    fc.array(value, { minLength: 1, maxLength: 3 }).map((values) => ({ type: 'anyOf' as const, values })),
  );
}

function numberMatcher(value: fc.Arbitrary<number>): fc.Arbitrary<NumberMatcher> {
  return fc.oneof(
    valueMatcher(value),
    fc.tuple(fc.option(value, { nil: undefined }), value).map(([a, b]): NumberMatcher => {
      const [min, max] = a === undefined ? [undefined, b] : [Math.min(a, b), Math.max(a, b)];
      return { type: 'range', ...(min === undefined ? {} : { min }), max };
    }),
    value.map((min): NumberMatcher => ({ type: 'range', min })),
  );
}

function point(names: ReadonlyArray<string>): fc.Arbitrary<PointRef> {
  const occurrence = fc.integer({ min: 1, max: 4 });
  return fc.oneof(
    fc.record({ scope: fc.constant('pod' as const), name: fc.constantFrom(...podPointNames), occurrence }),
    fc.record({
      scope: fc.constant('container' as const),
      container: fc.constantFrom(...names),
      name: fc.constantFrom(...containerPointNames),
      occurrence,
    }),
  );
}

/** An expectation naming only `names`; `documented` ones may hold values outside Kubernetes' enums. */
export function expectation(names: ReadonlyArray<string>, documented: boolean): fc.Arbitrary<Expectation> {
  const loose = <T extends string>(values: ReadonlyArray<T>): fc.Arbitrary<T> =>
    documented ? fc.oneof(fc.constantFrom(...values), shortText as fc.Arbitrary<T>) : fc.constantFrom(...values);
  const pointArb = point(names);
  const bounds = fc
    .tuple(opt('minSeconds', seconds), opt('maxSeconds', seconds))
    .map(([min, max]) =>
      min.minSeconds !== undefined && max.maxSeconds !== undefined && min.minSeconds > max.maxSeconds
        ? { minSeconds: max.maxSeconds, maxSeconds: min.minSeconds }
        : { ...min, ...max },
    );
  const event = fc
    .tuple(
      valueMatcher(text),
      opt('container', valueMatcher(fc.constantFrom(...names))),
      opt('message', valueMatcher(text)),
    )
    .map(([reason, c, message]) => ({ reason, ...c, ...message }));
  return fc
    .record({
      phase: opt('phase', valueMatcher(loose(phases))),
      gone: opt('gone', valueMatcher(fc.boolean())),
      status: opt('status', valueMatcher(text)),
      containers: fc
        .uniqueArray(fc.constantFrom(...names), { maxLength: names.length })
        .chain((chosen) =>
          fc.tuple(
            ...chosen.map((name) =>
              fc
                .tuple(
                  opt('state', valueMatcher(loose(containerStateNames))),
                  opt('reason', valueMatcher(text)),
                  opt('exitCode', numberMatcher(exitCode)),
                  opt('restartCount', numberMatcher(fc.integer({ min: 0, max: 1000 }))),
                  opt('ready', valueMatcher(fc.boolean())),
                  opt('everStarted', valueMatcher(fc.boolean())),
                )
                .map((parts) => Object.assign({ container: name }, ...parts) as Expectation['containers'][number]),
            ),
          ),
        ),
      conditions: fc
        .uniqueArray(
          documented ? fc.oneof(fc.constantFrom(...conditionTypes), dnsLabel) : fc.constantFrom(...conditionTypes),
          {
            maxLength: 3,
          },
        )
        .chain((chosen) =>
          fc.tuple(
            ...chosen.map((condition) =>
              fc
                .tuple(
                  opt('status', valueMatcher(loose<ConditionStatus>(['True', 'False', 'Unknown']))),
                  opt('reason', valueMatcher(text)),
                )
                .map((parts) => Object.assign({ condition }, ...parts) as Expectation['conditions'][number]),
            ),
          ),
        ),
      order: fc.array(fc.record({ before: pointArb, after: pointArb }), { maxLength: 3 }),
      never: fc.array(pointArb, { maxLength: 3 }),
      timing: fc.array(
        fc.oneof(
          fc.tuple(pointArb, pointArb, bounds).map(([from, to, b]) => ({ type: 'from' as const, from, to, ...b })),
          fc.tuple(pointArb, pointArb, bounds).map(([a, b, bb]) => ({ type: 'between' as const, a, b, ...bb })),
        ),
        { maxLength: 3 },
      ),
      eventsPresent: fc.array(event, { maxLength: 2 }),
      eventsAbsent: fc.array(event, { maxLength: 2 }),
    })
    .map((e) => ({ ...e.phase, ...e.gone, ...e.status, ...omit(e, ['phase', 'gone', 'status']) }) as Expectation);
}

function omit<T extends object>(value: T, keys: ReadonlyArray<string>): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as Partial<T>;
}

/** A whole case: a scenario, an expectation and sometimes a documented block. */
export const caseContent: fc.Arbitrary<CaseContent & { readonly expect: Expectation }> = scenario.chain((s) => {
  const names = [...s.pod.initContainers, ...s.pod.containers].map((c) => c.name);
  return fc
    .tuple(expectation(names, false), fc.option(expectation(names, true), { nil: undefined }))
    .map(([expect, documented]) => ({ scenario: s, expect, ...(documented === undefined ? {} : { documented }) }));
});
