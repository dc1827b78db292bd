/**
 * A tiny scenario builder for the model's unit tests, and helpers to query a prediction by point text.
 * Defaults match the case loader's: registry up, nothing cached, instant pulls, containers that run
 * until signalled and exit 143 on SIGTERM, Kubernetes' probe defaults.
 */
import type {
  Action,
  Container,
  ContainerBehavior,
  HandlerAction,
  Hook,
  NodeWorld,
  PodSpec,
  PredictedEvent,
  PredictedPoint,
  Prediction,
  Probe,
  ProbeFailing,
  PullPolicy,
  RestartPolicy,
  RunBehavior,
  Scenario,
  TermHandling,
} from '../../../specs/vocabulary/index.ts';
import { formatPointRef, parsePointRef } from '../../../specs/vocabulary/index.ts';

const execTrue: HandlerAction = { type: 'exec', command: ['true'] };

/** Runs until signalled; exits 143 at once on SIGTERM. */
export const runsForever: RunBehavior = { onTerm: { type: 'exit', exitCode: 143, afterSeconds: 0 } };

/** Exits on its own with `exitCode` after `afterSeconds`; `onTerm` as given (default: exit 143 at once). */
export function exits(exitCode: number, afterSeconds: number, onTerm?: TermHandling): RunBehavior {
  return { exit: { exitCode, afterSeconds }, onTerm: onTerm ?? runsForever.onTerm };
}

/** Runs until signalled and ignores SIGTERM (dies only by SIGKILL, 137). */
export const ignoresTerm: RunBehavior = { onTerm: { type: 'ignore' } };

/** Runs until signalled; on SIGTERM exits with `exitCode` after `afterSeconds`. */
export function exitsOnTerm(exitCode: number, afterSeconds = 0): RunBehavior {
  return { onTerm: { type: 'exit', exitCode, afterSeconds } };
}

/** A behaviour whose first start does `base` and whose starts from `fromStart` on do `later`. */
export function behaviorFrom(base: RunBehavior, ...later: ReadonlyArray<[number, RunBehavior]>): ContainerBehavior {
  return { base, restarts: later.map(([fromStart, behavior]) => ({ fromStart, behavior })) };
}

/** An exec hook taking `takesSeconds` with the given result. */
export function hook(takesSeconds: number, result: Hook['result'] = 'success'): Hook {
  return { action: execTrue, takesSeconds, result };
}

/** A `sleep` hook of `seconds` (always succeeds). */
export function sleepHook(seconds: number): Hook {
  return { action: { type: 'sleep', seconds }, takesSeconds: seconds, result: 'success' };
}

/** A probe with Kubernetes' defaults (period 10, timeout 1, success 1, failure 3, no delay) that never fails. */
export function probe(fields: Partial<Probe> & { readonly fails?: ProbeFailing } = {}): Probe {
  return {
    action: execTrue,
    initialDelaySeconds: 0,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    takesSeconds: 0,
    fails: { type: 'never' },
    ...fields,
  };
}

export interface ContainerFields {
  readonly image?: string;
  readonly imagePullPolicy?: PullPolicy;
  /** one behaviour for every start, or a full ContainerBehavior */
  readonly behavior?: RunBehavior | ContainerBehavior;
  readonly postStart?: Hook;
  readonly preStop?: Hook;
  readonly startupProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly extra?: Readonly<Record<string, unknown>>;
}

function toBehavior(b: RunBehavior | ContainerBehavior | undefined): ContainerBehavior {
  if (b === undefined) return { base: runsForever, restarts: [] };
  return 'base' in b ? b : { base: b, restarts: [] };
}

function build(name: string, role: Container['role'], f: ContainerFields): Container {
  return {
    name,
    role,
    image: f.image ?? 'busybox:1.36',
    ...(f.imagePullPolicy ? { imagePullPolicy: f.imagePullPolicy } : {}),
    behavior: toBehavior(f.behavior),
    ...(f.postStart ? { postStart: f.postStart } : {}),
    ...(f.preStop ? { preStop: f.preStop } : {}),
    ...(f.startupProbe ? { startupProbe: f.startupProbe } : {}),
    ...(f.livenessProbe ? { livenessProbe: f.livenessProbe } : {}),
    ...(f.readinessProbe ? { readinessProbe: f.readinessProbe } : {}),
    extra: f.extra ?? {},
  };
}

/** A regular container (image busybox:1.36 unless given). */
export function regular(name: string, fields: ContainerFields = {}): Container {
  return build(name, 'regular', fields);
}

/** A regular init container. */
export function init(name: string, fields: ContainerFields = {}): Container {
  return build(name, 'init', fields);
}

/** A sidecar: an init container with restartPolicy Always. */
export function sidecar(name: string, fields: ContainerFields = {}): Container {
  return build(name, 'sidecar', fields);
}

export interface ScenarioFields {
  readonly id?: string;
  readonly restartPolicy?: RestartPolicy;
  readonly terminationGracePeriodSeconds?: number;
  readonly activeDeadlineSeconds?: number;
  readonly runtimeClassName?: string;
  readonly initContainers?: ReadonlyArray<Container>;
  readonly containers: ReadonlyArray<Container>;
  readonly node?: Partial<NodeWorld>;
  readonly actions?: ReadonlyArray<Action>;
  readonly observeFor: number;
}

/** A scenario with the loader's defaults; every image pullable, registry up, nothing cached. */
export function scenario(f: ScenarioFields): Scenario {
  const pod: PodSpec = {
    name: 'demo',
    restartPolicy: f.restartPolicy ?? 'Always',
    ...(f.terminationGracePeriodSeconds !== undefined
      ? { terminationGracePeriodSeconds: f.terminationGracePeriodSeconds }
      : {}),
    ...(f.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: f.activeDeadlineSeconds } : {}),
    ...(f.runtimeClassName !== undefined ? { runtimeClassName: f.runtimeClassName } : {}),
    initContainers: f.initContainers ?? [],
    containers: f.containers,
    metadataExtra: {},
    specExtra: {},
  };
  return {
    id: f.id ?? 'built',
    rules: [],
    node: { registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0, ...f.node },
    pod,
    actions: f.actions ?? [],
    observeForSeconds: f.observeFor,
  };
}

/** A delete action at `atSeconds`, with an explicit grace when given. */
export function deleteAt(atSeconds: number, gracePeriodSeconds?: number): Action {
  return gracePeriodSeconds === undefined
    ? { type: 'delete', atSeconds }
    : { type: 'delete', atSeconds, gracePeriodSeconds };
}

// ---- querying a prediction ----

/** The predicted point written as text (`app.started#2`), or undefined. */
export function findPoint(p: Prediction, text: string): PredictedPoint | undefined {
  const parsed = parsePointRef(text);
  if (parsed.status !== 'ok') throw new Error(parsed.message);
  const key = formatPointRef(parsed.ref);
  return p.points.find((x) => formatPointRef(x.ref) === key);
}

/** The predicted point written as text; throws (with the points listed) when the model did not predict it. */
export function point(p: Prediction, text: string): PredictedPoint {
  const found = findPoint(p, text);
  if (!found) throw new Error(`no point ${text}; predicted: ${pointTexts(p).join(', ')}`);
  return found;
}

/** The nominal time of a point. */
export function at(p: Prediction, text: string): number {
  return point(p, text).atSeconds;
}

/** Whether the model predicts the point (certain or possible). */
export function has(p: Prediction, text: string): boolean {
  return findPoint(p, text) !== undefined;
}

/** The text of the point a point follows, or undefined. */
export function follows(p: Prediction, text: string): string | undefined {
  const f = point(p, text).follows;
  return f ? formatPointRef(f) : undefined;
}

/** Every predicted point as text, in the order of its nominal time (ties keep emission order). */
export function pointTexts(p: Prediction, filter?: (x: PredictedPoint) => boolean): string[] {
  return p.points
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => filter?.(x) ?? true)
    .sort((a, b) => a.x.atSeconds - b.x.atSeconds || a.i - b.i)
    .map(({ x }) => formatPointRef(x.ref));
}

/** The nominal timeline of one container's points (as `name#n` texts without the container), probe runs left out. */
export function timelineOf(p: Prediction, container: string): string[] {
  return pointTexts(
    p,
    (x) => x.nominal && x.ref.scope === 'container' && x.ref.container === container && !x.ref.name.endsWith('.ran'),
  ).map((t) => t.slice(container.length + 1));
}

/** Nominal points of several kinds, as text, in time order: `only(p, ['a.started', 'b.started'])` keeps those keys with every occurrence. */
export function only(p: Prediction, keys: ReadonlyArray<string>): string[] {
  return pointTexts(p, (x) => x.nominal).filter((t) => keys.includes(t.split('#')[0] ?? t));
}

/** Whether `text` is in the prediction's `never` list (exact occurrence). */
export function forbidden(p: Prediction, text: string): boolean {
  return p.never.some((n) => formatPointRef(n.ref) === text);
}

/** The forbidden entry for `text`, or undefined. */
export function neverEntry(p: Prediction, text: string): Prediction['never'][number] | undefined {
  return p.never.find((n) => formatPointRef(n.ref) === text);
}

/** Events with this reason (and container, when given), in time order. */
export function eventsOf(p: Prediction, reason: string, container?: string): PredictedEvent[] {
  return p.events
    .filter((e) => e.reason === reason && (container === undefined || e.container === container))
    .sort((a, b) => a.atSeconds - b.atSeconds);
}

/** The nominal events of one container as `Reason: message`, in time order. */
export function eventLines(p: Prediction, container?: string): string[] {
  return p.events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.nominal && (container === undefined || e.container === container))
    .sort((a, b) => a.e.atSeconds - b.e.atSeconds || a.i - b.i)
    .map(({ e }) => `${e.reason}: ${e.message}`);
}

/** t(b) − t(a) on the nominal timeline. */
export function gap(p: Prediction, a: string, b: string): number {
  return at(p, b) - at(p, a);
}

/** A point's window as `[min, max]`, rounded to the microsecond so sums of delays compare exactly. */
export function windowOf(p: Prediction, text: string): [number, number] {
  const w = point(p, text).window;
  return [round(w.minSeconds), round(w.maxSeconds)];
}

/** Rounds to the microsecond. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
