/**
 * A scenario (and its expectations) as the plain object a case file holds, in FORMAT.md's key names,
 * with defaults left out; the writer renders it as YAML and the exec: protocol as JSON.
 */
import {
  formatPointRef,
  type Container,
  type ContainerBehavior,
  type EventExpectation,
  type Expectation,
  type HandlerAction,
  type Hook,
  type NodeWorld,
  type NumberMatcher,
  type Probe,
  type ProbeFailing,
  type RunBehavior,
  type Scenario,
  type TimingExpectation,
  type ValueMatcher,
} from '../../specs/vocabulary/index.ts';
import { defaultTermExitCode } from './load-behavior.ts';
import { probeDefaults } from './load-probe.ts';

/** How durations are written: `1.5s` strings in case files, numbers of seconds in the exec: protocol. */
export type DurationStyle = (seconds: number) => string | number;

type Obj = Record<string, unknown>;

/** What a case holds; `expect` and `documented` are left out when absent. */
export interface CaseContent {
  readonly scenario: Scenario;
  readonly expect?: Expectation;
  readonly documented?: Expectation;
}

/** The case as a plain object in FORMAT.md form. */
export function caseObject(content: CaseContent, duration: DurationStyle): Obj {
  const { scenario } = content;
  const pod = scenario.pod;
  const spec: Obj = {
    restartPolicy: pod.restartPolicy,
    ...defined('terminationGracePeriodSeconds', pod.terminationGracePeriodSeconds),
    ...defined('activeDeadlineSeconds', pod.activeDeadlineSeconds),
    ...defined('runtimeClassName', pod.runtimeClassName),
    ...(pod.initContainers.length === 0
      ? {}
      : { initContainers: pod.initContainers.map((c) => container(c, duration)) }),
    containers: pod.containers.map((c) => container(c, duration)),
    ...pod.specExtra,
  };
  const expect = content.expect === undefined ? undefined : expectation(content.expect, duration);
  const documented = content.documented === undefined ? undefined : expectation(content.documented, duration);
  return {
    id: scenario.id,
    ...defined('source', scenario.source),
    ...(scenario.rules.length === 0 ? {} : { rules: [...scenario.rules] }),
    ...nodeWorld(scenario.node, duration),
    pod: { metadata: { name: pod.name, ...pod.metadataExtra }, spec },
    ...(scenario.actions.length === 0
      ? {}
      : {
          actions: scenario.actions.map((action) => ({
            at: duration(action.atSeconds),
            delete: action.gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds: action.gracePeriodSeconds },
          })),
        }),
    observeFor: duration(scenario.observeForSeconds),
    ...(expect === undefined || Object.keys(expect).length === 0 ? {} : { expect }),
    ...(documented === undefined ? {} : { documented }),
  };
}

function defined(key: string, value: unknown): Obj {
  return value === undefined ? {} : { [key]: value };
}

function nodeWorld(node: NodeWorld, duration: DurationStyle): Obj {
  const written: Obj = {
    ...(node.registry === 'up' ? {} : { registry: node.registry }),
    ...(node.cached.length === 0 ? {} : { cached: [...node.cached] }),
    ...(node.unpullable.length === 0 ? {} : { unpullable: [...node.unpullable] }),
    ...(node.pullTakesSeconds === 0 ? {} : { pullTakes: duration(node.pullTakesSeconds) }),
  };
  return Object.keys(written).length === 0 ? {} : { node: written };
}

function container(c: Container, duration: DurationStyle): Obj {
  const lifecycle: Obj = {
    ...(c.postStart === undefined ? {} : { postStart: hook(c.postStart, duration) }),
    ...(c.preStop === undefined ? {} : { preStop: hook(c.preStop, duration) }),
  };
  return {
    name: c.name,
    image: c.image,
    ...(c.role === 'sidecar' ? { restartPolicy: 'Always' } : c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}),
    ...defined('imagePullPolicy', c.imagePullPolicy),
    ...c.extra,
    behavior: containerBehavior(c.behavior, duration),
    ...(Object.keys(lifecycle).length === 0 ? {} : { lifecycle }),
    ...(c.startupProbe === undefined ? {} : { startupProbe: probe(c.startupProbe, duration) }),
    ...(c.livenessProbe === undefined ? {} : { livenessProbe: probe(c.livenessProbe, duration) }),
    ...(c.readinessProbe === undefined ? {} : { readinessProbe: probe(c.readinessProbe, duration) }),
  };
}

function containerBehavior(behavior: ContainerBehavior, duration: DurationStyle): Obj {
  return {
    ...run(behavior.base, duration),
    ...(behavior.restarts.length === 0
      ? {}
      : {
          restarts: behavior.restarts.map((entry) => ({ from: entry.fromStart, ...run(entry.behavior, duration) })),
        }),
  };
}

function run(behavior: RunBehavior, duration: DurationStyle): Obj {
  const exit =
    behavior.exit === undefined
      ? {}
      : { exitCode: behavior.exit.exitCode, after: duration(behavior.exit.afterSeconds) };
  const onTerm = behavior.onTerm;
  if (onTerm.type === 'ignore') return { ...exit, onTerm: 'ignore' };
  if (onTerm.afterSeconds === 0) {
    return {
      ...exit,
      onTerm: 'exit',
      ...(onTerm.exitCode === defaultTermExitCode ? {} : { termExitCode: onTerm.exitCode }),
    };
  }
  return {
    ...exit,
    onTerm: {
      exitAfter: duration(onTerm.afterSeconds),
      ...(onTerm.exitCode === defaultTermExitCode ? {} : { exitCode: onTerm.exitCode }),
    },
  };
}

function handler(action: HandlerAction): Obj {
  switch (action.type) {
    case 'exec':
      return { exec: { command: [...action.command] } };
    case 'httpGet':
      return { httpGet: { ...defined('path', action.path), port: action.port, ...action.extra } };
    case 'tcpSocket':
      return { tcpSocket: { port: action.port, ...action.extra } };
    case 'grpc':
      return { grpc: { port: action.port, ...action.extra } };
    case 'sleep':
      return { sleep: { seconds: action.seconds } };
  }
}

function hook(h: Hook, duration: DurationStyle): Obj {
  const defaultTakes = h.action.type === 'sleep' ? h.action.seconds : 0;
  const isDefault = h.takesSeconds === defaultTakes && h.result === 'success';
  return {
    ...handler(h.action),
    ...(isDefault ? {} : { behavior: { takes: duration(h.takesSeconds), result: h.result } }),
  };
}

function probe(p: Probe, duration: DurationStyle): Obj {
  const settings: Obj = {};
  for (const key of Object.keys(probeDefaults) as (keyof typeof probeDefaults)[]) {
    if (p[key] !== probeDefaults[key]) settings[key] = p[key];
  }
  const behavior: Obj = {
    ...(p.fails.type === 'never' ? {} : { fails: fails(p.fails, duration) }),
    ...(p.takesSeconds === 0 ? {} : { takes: duration(p.takesSeconds) }),
  };
  return {
    ...handler(p.action),
    ...settings,
    ...defined('terminationGracePeriodSeconds', p.terminationGracePeriodSeconds),
    ...(Object.keys(behavior).length === 0 ? {} : { behavior }),
  };
}

function fails(f: ProbeFailing, duration: DurationStyle): unknown {
  switch (f.type) {
    case 'never':
    case 'always':
      return f.type;
    case 'from':
      return { from: duration(f.seconds) };
    case 'until':
      return { until: duration(f.seconds) };
    case 'afterTerm':
      return { afterTerm: duration(f.seconds) };
  }
}

function expectation(e: Expectation, duration: DurationStyle): Obj {
  const containers: Obj = {};
  for (const c of e.containers) {
    containers[c.container] = {
      ...matcherEntry('state', c.state),
      ...matcherEntry('reason', c.reason),
      ...matcherEntry('exitCode', c.exitCode),
      ...matcherEntry('restartCount', c.restartCount),
      ...matcherEntry('ready', c.ready),
      ...matcherEntry('everStarted', c.everStarted),
    };
  }
  const conditions: Obj = {};
  for (const c of e.conditions) {
    conditions[c.condition] = { ...matcherEntry('status', c.status), ...matcherEntry('reason', c.reason) };
  }
  const events: Obj = {
    ...(e.eventsPresent.length === 0 ? {} : { present: e.eventsPresent.map(event) }),
    ...(e.eventsAbsent.length === 0 ? {} : { absent: e.eventsAbsent.map(event) }),
  };
  return {
    ...matcherEntry('phase', e.phase),
    ...matcherEntry('gone', e.gone),
    ...matcherEntry('status', e.status),
    ...(e.containers.length === 0 ? {} : { containers }),
    ...(e.conditions.length === 0 ? {} : { conditions }),
    ...(e.order.length === 0 ? {} : { order: e.order.map((o) => [formatPointRef(o.before), formatPointRef(o.after)]) }),
    ...(e.never.length === 0 ? {} : { never: e.never.map(formatPointRef) }),
    ...(e.timing.length === 0 ? {} : { timing: e.timing.map((t) => timing(t, duration)) }),
    ...(Object.keys(events).length === 0 ? {} : { events }),
  };
}

function timing(t: TimingExpectation, duration: DurationStyle): Obj {
  const points =
    t.type === 'from'
      ? { from: formatPointRef(t.from), to: formatPointRef(t.to) }
      : { between: [formatPointRef(t.a), formatPointRef(t.b)] };
  return {
    ...points,
    ...(t.minSeconds === undefined ? {} : { min: duration(t.minSeconds) }),
    ...(t.maxSeconds === undefined ? {} : { max: duration(t.maxSeconds) }),
  };
}

function event(e: EventExpectation): Obj {
  return {
    ...matcherEntry('reason', e.reason),
    ...matcherEntry('container', e.container),
    ...matcherEntry('message', e.message),
  };
}

function matcherEntry<T>(key: string, m: ValueMatcher<T> | NumberMatcher | undefined): Obj {
  if (m === undefined) return {};
  switch (m.type) {
    case 'equals':
      return { [key]: m.value };
    case 'anyOf':
      return { [key]: { anyOf: [...m.values] } };
    case 'range':
      return { [key]: { ...defined('min', m.min), ...defined('max', m.max) } };
  }
}
