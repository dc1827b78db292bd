/**
 * `predict(scenario)`: the reference model's prediction. The scenario is run under three latency
 * profiles (every delay nominal, earliest, latest); what differs between them is what the timing
 * leaves open, and the prediction says so instead of guessing. Pure: no I/O, no clock.
 */
import {
  allContainers,
  containerPointNames,
  formatPointRef,
  runBehaviorForStart,
  type Certainty,
  type Container,
  type ContainerPointName,
  type ForbiddenPoint,
  type Prediction,
  type Predicted,
  type PredictedContainer,
  type PredictedEvent,
  type PredictedPoint,
  type PointRef,
  type Scenario,
  type Undetermined,
} from '../vocabulary/index.ts';
import { finalState, type FinalContainer, type FinalState } from './final-state.ts';
import {
  probeErroredMessage,
  probeFailedMessage,
  pullBackOffMessage,
  pullStartErrorMessage,
  startErrorMessage,
} from './messages.ts';
import { predictedEvent, predictedPoint } from './record.ts';
import { runProfile, type ProfileRun } from './run-profile.ts';
import { latencies } from './latencies.ts';

/**
 * Between pull attempts the waiting reason alternates: ErrImagePull from the sync that pulled, ImagePullBackOff
 * from one that found the back-off active; which one a given moment shows depends on syncs no rule pins down.
 */
const pullReasonTwins: Readonly<Record<string, ReadonlyArray<string>>> = {
  ErrImagePull: ['ImagePullBackOff'],
  ImagePullBackOff: ['ErrImagePull'],
  'Init:ErrImagePull': ['Init:ImagePullBackOff'],
  'Init:ImagePullBackOff': ['Init:ErrImagePull'],
};

/**
 * With the registry unreachable, a runtime may answer the pull with the CRI error ErrRegistryUnavailable (CRI-O
 * does), which evalCRIPullErr keeps as the reason RegistryUnavailable instead of ErrImagePull (Corrections 25,
 * §9.2 step 5, §8.2); a runtime that reaches the registry and is refused the image has no reason to say so.
 */
const registryDownTwins: Readonly<Record<string, ReadonlyArray<string>>> = {
  ErrImagePull: ['ImagePullBackOff', 'RegistryUnavailable'],
  ImagePullBackOff: ['ErrImagePull', 'RegistryUnavailable'],
  'Init:ErrImagePull': ['Init:ImagePullBackOff', 'Init:RegistryUnavailable'],
  'Init:ImagePullBackOff': ['Init:ErrImagePull', 'Init:RegistryUnavailable'],
};

function predicted<T>(values: ReadonlyArray<T>, rule: string, registryDown = false): Predicted<T> {
  const twinsOf = registryDown ? registryDownTwins : pullReasonTwins;
  const possible: T[] = [];
  for (const v of values) if (!possible.includes(v)) possible.push(v);
  for (const v of [...possible]) {
    const twins = typeof v === 'string' ? (twinsOf[v] ?? []) : [];
    for (const twin of twins) if (!possible.includes(twin as T)) possible.push(twin as T);
  }
  return { nominal: values[0] as T, possible, rule };
}

function finalOf(run: ProfileRun, scenario: Scenario, view = run.finalView, gone = run.gone): FinalState {
  return finalState(view, {
    gone,
    deletionRequested: run.deletionRequested,
    containerNames: allContainers(scenario.pod).map((c) => c.name),
    starts: run.starts,
  });
}

/**
 * Absolute earliest/latest time of each point, accumulating windows along the causal graph. `keys[i]` is
 * `formatPointRef(points[i].ref)`, computed once by the caller.
 */
function absoluteBounds(
  points: ReadonlyArray<PredictedPoint>,
  keys: ReadonlyArray<string>,
): Map<string, { lo: number; hi: number }> {
  const bounds = new Map<string, { lo: number; hi: number }>();
  for (const [i, p] of points.entries()) {
    const key = keys[i] as string;
    const base = p.follows ? bounds.get(formatPointRef(p.follows)) : undefined;
    const fromLo = base?.lo ?? (p.follows ? p.atSeconds - p.window.maxSeconds : p.atSeconds);
    const fromHi = base?.hi ?? (p.follows ? p.atSeconds - p.window.minSeconds : p.atSeconds);
    bounds.set(key, {
      lo: fromLo + (p.follows ? p.window.minSeconds : 0),
      hi: fromHi + (p.follows ? p.window.maxSeconds : 0),
    });
  }
  return bounds;
}

/**
 * How far any point of the run may come before (`early`) or after (`late`) its nominal time, from the windows
 * accumulated along the causal graph: the most any moment near the end of the observation may shift.
 */
function timingSpread(run: ProfileRun, observeFor: number): { early: number; late: number } {
  const keys = pointKeys(run);
  const bounds = absoluteBounds(run.points, keys);
  let early = 0;
  let late = 0;
  for (const [i, p] of run.points.entries()) {
    if (p.atSeconds > observeFor) continue;
    const b = bounds.get(keys[i] as string);
    // an unpinned point (a probe run, a status write anchored only on the start) bounds nothing
    if (!b || b.hi - b.lo > 1e6) continue;
    early = Math.max(early, p.atSeconds - b.lo);
    late = Math.max(late, b.hi - p.atSeconds);
  }
  return { early, late };
}

/**
 * The final states an observer may see at observeFor when the timing shifts the last status writes: every status a
 * run wrote within the spread before observeFor, the one in force when that stretch began, and, for a pod removed
 * in that stretch, its last status before removal with the object still there. A status written at nominal time s
 * may be written anywhere in [s − early, s + late] on another node, so near the end of the observation the status
 * in force is any of these (KUBELET-FACTS §1.2: relists, requeues and back-off expiries are independent clocks).
 */
function shiftedFinals(runs: ReadonlyArray<ProfileRun>, scenario: Scenario): FinalState[] {
  const observeFor = scenario.observeForSeconds;
  const spread = timingSpread(runs[0] as ProfileRun, observeFor);
  const from = observeFor - spread.late - spread.early;
  const out: FinalState[] = [];
  for (const r of runs) {
    let inForce: number | undefined;
    for (const [i, w] of r.written.entries()) {
      if (w.t > observeFor) break;
      if (w.t <= from) inForce = i;
      else out.push(finalOf(r, scenario, w.view, false));
    }
    const first = inForce === undefined ? undefined : r.written[inForce];
    if (first && (r.goneAtSeconds === undefined || r.goneAtSeconds > from)) {
      out.push(finalOf(r, scenario, first.view, false));
    }
  }
  return out;
}

/**
 * The longest a status write may come after the container change it shows: a relist, a busy worker's queued sync
 * and its own relist wait (KUBELET-FACTS §1.2, Corrections 5).
 */
const statusWriteLagSeconds = latencies.relist.maxSeconds + latencies.relistAfterBusyWorker.maxSeconds;

/**
 * Indexes of status-write points (a container's ready/unready, the pod's ready/unready/initialized) that show a
 * container instance that lived shorter than a status write may lag: whether any write falls inside its life, or
 * after its exit, is a race between the relist clock and the process, so the point is only possible.
 */
function shortLivedWrites(points: ReadonlyArray<PredictedPoint>): Set<number> {
  const raced = new Set<number>();
  const racedTimes = new Set<number>();
  const lastStart = new Map<string, number>();
  const lifeOf = (container: string, t: number): number => {
    const started = lastStart.get(container) ?? t;
    const exited = points.find(
      (q) =>
        q.ref.scope === 'container' &&
        q.ref.container === container &&
        q.ref.name === 'exited' &&
        q.atSeconds >= started,
    );
    return exited ? exited.atSeconds - started : Number.POSITIVE_INFINITY;
  };
  for (const [i, p] of points.entries()) {
    if (p.ref.scope !== 'container') continue;
    if (p.ref.name === 'started') lastStart.set(p.ref.container, p.atSeconds);
    if (
      (p.ref.name === 'ready' || p.ref.name === 'unready') &&
      lifeOf(p.ref.container, p.atSeconds) < statusWriteLagSeconds
    ) {
      raced.add(i);
      racedTimes.add(p.atSeconds);
    }
  }
  for (const [i, p] of points.entries()) {
    const write = p.ref.name === 'ready' || p.ref.name === 'unready' || p.ref.name === 'initialized';
    if (p.ref.scope === 'pod' && write && racedTimes.has(p.atSeconds)) raced.add(i);
  }
  return raced;
}

/** `formatPointRef` of every point of a run, in order: each key is needed several times while merging. */
function pointKeys(r: ProfileRun): string[] {
  return r.points.map((p) => formatPointRef(p.ref));
}

/** When each point of a run comes, by the point's key (the first occurrence of a key wins). */
function timesByKey(r: ProfileRun): Map<string, number> {
  const keys = pointKeys(r);
  const times = new Map<string, number>();
  for (const [i, p] of r.points.entries()) if (!times.has(keys[i] as string)) times.set(keys[i] as string, p.atSeconds);
  return times;
}

/**
 * Whether no other run has this point come before the point it follows on the nominal timeline: such a run is a
 * conformant timing refuting that order (a run without that point at all took another path and refutes nothing).
 */
function orderHolds(p: PredictedPoint, key: string, others: ReadonlyArray<ReadonlyMap<string, number>>): boolean {
  if (!p.follows) return true;
  const follows = formatPointRef(p.follows);
  return others.every((times) => {
    const at = times.get(key);
    if (at === undefined) return true;
    const anchorAt = times.get(follows);
    return anchorAt === undefined || anchorAt <= at;
  });
}

/**
 * A point whose nominal cause another timing shows coming after it (an app start gated on a sidecar's
 * second startup success on one timing, on the last init container's exit on another, when which of the sidecar's
 * exit and that init container's exit comes first is a race of two process clocks) is pinned to no cause: only to
 * the pod's creation (KUBELET-FACTS §1.2: relists, probe ticks and processes are independent clocks; R16).
 */
function unanchored(p: PredictedPoint): PredictedPoint {
  const { ref, atSeconds, rule, certainty, nominal } = p;
  const window = { minSeconds: 0, maxSeconds: Number.MAX_SAFE_INTEGER };
  return predictedPoint({ ref, follows: podCreatedRef, window, atSeconds, rule }, certainty, nominal);
}

const podCreatedRef: PointRef = { scope: 'pod', name: 'created', occurrence: 1 };

function mergePoints(runs: ReadonlyArray<ProfileRun>, observeFor: number): PredictedPoint[] {
  const [nominal, ...others] = runs as [ProfileRun, ...ProfileRun[]];
  const nominalKeys = pointKeys(nominal);
  const othersKeys = others.map(pointKeys);
  const otherKeys = othersKeys.map((keys) => new Set(keys));
  const bounds = absoluteBounds(nominal.points, nominalKeys);
  const racedWrites = shortLivedWrites(nominal.points);
  const othersTimes = others.map(timesByKey);
  const merged: PredictedPoint[] = [];
  const seen = new Set<string>();
  for (const [i, p] of nominal.points.entries()) {
    const key = nominalKeys[i] as string;
    seen.add(key);
    const inAll = otherKeys.every((k) => k.has(key));
    // an unpinned point (a window with no upper bound) is late only if some profile did not see it in time
    const late = p.window.maxSeconds < 1e9 && (bounds.get(key)?.hi ?? p.atSeconds) > observeFor;
    // single probe runs depend on tick phases no rule pins down (see probes.ts)
    const probeRun = p.ref.scope === 'container' && p.ref.name.endsWith('.ran');
    const raced = racedWrites.has(i);
    const onlySome = p.certainty === 'possible';
    const certainty: Certainty = inAll && !late && !probeRun && !raced && !onlySome ? 'certain' : 'possible';
    merged.push(predictedPoint(orderHolds(p, key, othersTimes) ? p : unanchored(p), certainty, p.nominal));
  }
  for (const [j, r] of others.entries()) {
    const keys = othersKeys[j] as string[];
    for (const [i, p] of r.points.entries()) {
      const key = keys[i] as string;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(predictedPoint(p, 'possible', false));
    }
  }
  return merged;
}

/** The rule a point that never occurs is owed to: what keeps that container from getting there. */
function absenceRule(
  scenario: Scenario,
  container: Container,
  waitingReason: string | undefined,
  name: ContainerPointName,
  occurrence: number,
): string {
  const startKinds: ReadonlyArray<ContainerPointName> = [
    'created',
    'started',
    'exited',
    'postStart.started',
    'postStart.finished',
  ];
  if (scenario.pod.runtimeClassName !== undefined) return 'kubelet.sandbox.runtime-class';
  if (startKinds.includes(name)) {
    if (occurrence === 1) {
      if (waitingReason === 'ErrImageNeverPull') return 'pull.never-missing-fails';
      if (waitingReason === 'InvalidImageName') return 'kubelet.image.invalid-name';
      if (waitingReason === 'ErrImagePull' || waitingReason === 'ImagePullBackOff') {
        return scenario.node.registry === 'down' ? 'pull.always-registry-down' : 'restart.image-pull-backoff';
      }
      if (container.role === 'regular')
        return scenario.pod.initContainers.length > 0 ? 'init.before-regular' : 'kubelet.start.serial';
      return container.role === 'init' ? 'init.sequential' : 'kubelet.sidecar.start-gate';
    }
    if (container.role === 'init') {
      // under Never a failed init container fails the pod instead of running again (KUBELET-FACTS §4.2)
      const firstRunFails = (runBehaviorForStart(container.behavior, 1).exit?.exitCode ?? 0) !== 0;
      return scenario.pod.restartPolicy === 'Never' && firstRunFails ? 'init.never-fail-stops' : 'init.run-once';
    }
    if (container.role === 'regular' && (container.restartPolicy ?? scenario.pod.restartPolicy) === 'Never') {
      return 'restart.never-stays-terminated';
    }
    return 'kubelet.restart.should-restart';
  }
  if (name === 'pullStarted' || name === 'pullFailed' || name === 'pulled') {
    return occurrence === 1 ? 'pull.ifnotpresent-cached-skips' : 'pull.ifnotpresent-once-per-node';
  }
  if (name === 'term' || name === 'kill') return 'term.only-running-containers';
  if (name === 'preStop.started' || name === 'preStop.finished') return 'hooks.prestop-not-on-terminated';
  return 'kubelet.restart.should-restart';
}

const forbiddenKinds: ReadonlyArray<ContainerPointName> = containerPointNames.filter(
  (n) => !n.endsWith('.ran') && n !== 'ready' && n !== 'unready' && n !== 'startupProbe.succeeded',
);

/**
 * How many container points of each kind the run with the most of them has, by `container.kind` (container names
 * contain no dot). Counted in one pass per run instead of filtering every run per container and kind.
 */
function mostOccurrences(runs: ReadonlyArray<ProfileRun>): Map<string, number> {
  const most = new Map<string, number>();
  for (const r of runs) {
    const counts = new Map<string, number>();
    for (const p of r.points) {
      if (p.ref.scope !== 'container') continue;
      const key = `${p.ref.container}.${p.ref.name}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, n] of counts) most.set(key, Math.max(most.get(key) ?? 0, n));
  }
  return most;
}

function forbiddenPoints(runs: ReadonlyArray<ProfileRun>, scenario: Scenario, final: FinalState): ForbiddenPoint[] {
  const never: ForbiddenPoint[] = [];
  const counts = mostOccurrences(runs);
  for (const c of allContainers(scenario.pod)) {
    const waiting = final.containers[c.name];
    const waitingReason = waiting?.state === 'waiting' ? waiting.reason : undefined;
    // a restart racing its back-off at the end of a run may come at once on another timing, and that instance's whole
    // life with it (§4.4, sync-pod.ts): only the instance after it is forbidden
    const raced = runs.some((r) => r.racedRestarts.has(c.name)) ? 1 : 0;
    for (const name of forbiddenKinds) {
      const most = (counts.get(`${c.name}.${name}`) ?? 0) + raced;
      const ref: PointRef = { scope: 'container', container: c.name, name, occurrence: most + 1 };
      never.push({ ref, rule: absenceRule(scenario, c, waitingReason, name, most + 1) });
    }
  }
  return never;
}

function eventKey(e: PredictedEvent): string {
  return `${e.reason}|${e.container ?? ''}|${e.message}`;
}

/**
 * The kubelet emits BackOff at every examination during a back-off, and how many examinations there are depends
 * on syncs no rule pins down (resyncs, other containers' relist events): wherever a pull failed or a container is
 * in crash back-off, another BackOff is possible.
 */
function possibleBackOffs(scenario: Scenario, events: ReadonlyArray<PredictedEvent>): PredictedEvent[] {
  const pullStartError = pullStartErrorMessage();
  const imageOf = new Map(allContainers(scenario.pod).map((c) => [c.name, c.image]));
  const extra: PredictedEvent[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    const key = `${e.container ?? ''}|${e.reason}|${e.message.slice(0, 24)}`;
    if (seen.has(key) || e.container === undefined) continue;
    if (e.reason === 'Failed' && e.message === pullStartError) {
      seen.add(key);
      const image = imageOf.get(e.container) ?? '';
      const base = { container: e.container, atSeconds: e.atSeconds, certainty: 'possible' as const, nominal: false };
      extra.push({
        ...base,
        reason: 'BackOff',
        type: 'Normal',
        message: pullBackOffMessage(image),
        rule: 'kubelet.image.pull-backoff',
      });
      extra.push({
        ...base,
        reason: 'Failed',
        type: 'Warning',
        message: startErrorMessage('ImagePullBackOff'),
        rule: 'kubelet.image.pull-backoff',
      });
    }
  }
  return extra;
}

/**
 * Which probe runs a worker makes, and so which Unhealthy Events it records, depends on tick phases no rule pins down
 * (the worker starts at the first sync, restarts its ticker after a manual trigger, Corrections 24) racing the
 * container's life: every probe that can fail (or, for exec, error against a stopped container) may record one.
 */
function possibleProbeEvents(scenario: Scenario, atSeconds: number): PredictedEvent[] {
  const out: PredictedEvent[] = [];
  for (const c of allContainers(scenario.pod)) {
    for (const type of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      const probe = c[type];
      if (!probe) continue;
      const base = { container: c.name, atSeconds, certainty: 'possible' as const, nominal: false };
      const rule = 'kubelet.probe.unhealthy-event';
      // a network probe against a stopped container fails (Corrections 7)
      const canFail =
        probe.fails.type !== 'never' || probe.takesSeconds > probe.timeoutSeconds || probe.action.type !== 'exec';
      if (canFail) out.push({ ...base, reason: 'Unhealthy', type: 'Warning', message: probeFailedMessage(type), rule });
      if (probe.action.type === 'exec') {
        out.push({ ...base, reason: 'Unhealthy', type: 'Warning', message: probeErroredMessage(type), rule });
      }
    }
  }
  return out;
}

/**
 * Failure messages (`container|message`) of probes that fail only for a while after the start: whether any run falls
 * in that interval depends on the phase of the worker's ticks against the container's start (worker.go run: a worker
 * on a freshly started kubelet even sleeps part of a period first, §6.2) and, behind a startupProbe, on which startup
 * tick succeeded (§6.2 "startup gates both"); when the interval is shorter than a period past the initial delay, or
 * the probe waits for a startupProbe, some correct kubelet runs no probe in it, and the Unhealthy is only possible.
 */
function phaseBoundFailures(scenario: Scenario): Set<string> {
  const out = new Set<string>();
  for (const c of allContainers(scenario.pod)) {
    for (const type of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      const probe = c[type];
      if (!probe || probe.fails.type !== 'until' || probe.takesSeconds > probe.timeoutSeconds) continue;
      const gated = type !== 'startupProbe' && c.startupProbe !== undefined;
      const span = probe.fails.seconds - probe.initialDelaySeconds;
      if (gated || span < probe.periodSeconds + 1) out.add(`${c.name}|${probeFailedMessage(type)}`);
    }
  }
  return out;
}

function mergeEvents(runs: ReadonlyArray<ProfileRun>, scenario: Scenario): PredictedEvent[] {
  const [nominal, ...others] = runs as [ProfileRun, ...ProfileRun[]];
  // each key is built once per event: they are long strings (the messages) and needed several times
  const nominalKeys = nominal.events.map(eventKey);
  const othersKeys = others.map((r) => r.events.map(eventKey));
  const otherKeys = othersKeys.map((keys) => new Set(keys));
  const phaseBound = phaseBoundFailures(scenario);
  const out: PredictedEvent[] = nominal.events.map((e, i) => {
    const inAll = otherKeys.every((k) => k.has(nominalKeys[i] as string));
    const certainty =
      inAll && e.certainty === 'certain' && !phaseBound.has(`${e.container ?? ''}|${e.message}`)
        ? 'certain'
        : 'possible';
    return predictedEvent(e, e.atSeconds, e.rule, certainty, e.nominal);
  });
  const seen = new Set(nominalKeys);
  for (const [j, r] of others.entries()) {
    const keys = othersKeys[j] as string[];
    for (const [i, e] of r.events.entries()) {
      const key = keys[i] as string;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(predictedEvent(e, e.atSeconds, e.rule, 'possible', false));
    }
  }
  for (const e of [...possibleBackOffs(scenario, out), ...possibleProbeEvents(scenario, scenario.observeForSeconds)]) {
    const key = eventKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

function mergeFinal(finals: ReadonlyArray<FinalState>, registryDown: boolean): Prediction['final'] {
  const [first] = finals as [FinalState, ...FinalState[]];
  const containers: Record<string, PredictedContainer> = {};
  for (const name of Object.keys(first.containers)) {
    const of = finals.map((f) => f.containers[name]).filter((c) => c !== undefined);
    const field = <K extends keyof FinalContainer>(key: K, rule: string): Predicted<FinalContainer[K]> =>
      predicted(
        of.map((c) => c[key]),
        rule,
        registryDown,
      );
    containers[name] = {
      state: field('state', 'kubelet.status.container-state'),
      reason: field('reason', 'kubelet.status.reason-cache'),
      exitCode: field('exitCode', 'kubelet.process.exit-codes'),
      restartCount: field('restartCount', 'kubelet.restart.count'),
      ready: field('ready', 'kubelet.probe.readiness'),
      everStarted: field('everStarted', 'run.container-start-definition'),
    };
  }
  const conditions: Prediction['final']['conditions'] = Object.fromEntries(
    Object.keys(first.conditions).map((type) => [
      type,
      {
        status: predicted(
          finals.map((f) => f.conditions[type]?.status ?? 'Unknown'),
          'kubelet.conditions.generate',
        ),
        reason: predicted(
          finals.map((f) => f.conditions[type]?.reason),
          'kubelet.conditions.generate',
        ),
      },
    ]),
  );
  return {
    phase: predicted(
      finals.map((f) => f.phase),
      'kubelet.phase.get-phase',
    ),
    status: predicted(
      finals.map((f) => f.status),
      'kubelet.status-column.print-pod',
      registryDown,
    ),
    gone: predicted(
      finals.map((f) => f.gone),
      'term.pod-gone-after-containers',
    ),
    conditions,
    containers,
  };
}

function undetermined(scenario: Scenario): Undetermined[] {
  const notes: Undetermined[] = [];
  if (scenario.pod.containers.some((c) => c.extra['restartPolicyRules'] !== undefined)) {
    notes.push({ subject: 'restartPolicyRules', why: 'per-exit-code restart rules are not modelled' });
  }
  return notes;
}

/** The reference model's prediction for a scenario. */
/** How to predict. */
export interface PredictOptions {
  /**
   * Run the nominal latency profile only. The prediction then claims at least as much as the full one (its points
   * and Events are certain more often, its final values and occurrence counts are narrower) but has no points only
   * another timing would produce — a fast first judgement for a runner, never the prediction to report.
   */
  readonly nominalOnly?: boolean;
  /**
   * Hears, now and then, the share of the latency-profile runs done (0 to 1, rising; 1 once they are all done and
   * only merging them is left): for a progress line on long predictions.
   */
  readonly onProgress?: (fractionDone: number) => void;
}

const allProfiles = ['nominal', 'early', 'late'] as const;
const nominalProfile = ['nominal'] as const;

export function predict(scenario: Scenario, options?: PredictOptions): Prediction {
  const profiles = options?.nominalOnly === true ? nominalProfile : allProfiles;
  const onProgress = options?.onProgress;
  const share = (index: number) =>
    onProgress === undefined
      ? undefined
      : (nowSeconds: number) => {
          onProgress((index + nowSeconds / Math.max(scenario.observeForSeconds, 1e-9)) / profiles.length);
        };
  const runs = profiles.map((profile, index) => runProfile(scenario, profile, share(index)));
  // merging long runs takes a share of the time too; 1 says the runs are done and only that is left
  onProgress?.(1);
  return predictionOfRuns(scenario, runs);
}

/**
 * The final state of a run where a container's restart raced its back-off, as the timing that restarted it at once
 * shows it: one restart more, the new instance running (§4.4, sync-pod.ts).
 */
function racedFinals(r: ProfileRun, f: FinalState): FinalState[] {
  return [...r.racedRestarts].flatMap((name) => {
    const c = f.containers[name];
    if (!c) return [];
    const restarted: FinalContainer = {
      ...c,
      state: 'running',
      reason: undefined,
      exitCode: undefined,
      restartCount: c.restartCount + 1,
    };
    return [{ ...f, containers: { ...f.containers, [name]: restarted } }];
  });
}

/**
 * The prediction that merges these runs of the model, the first one nominal. With a single run it is that run's own
 * timeline, final state and Events, every one of them nominal (see `drawnObservation`).
 */
export function predictionOfRuns(scenario: Scenario, runs: ReadonlyArray<ProfileRun>): Prediction {
  const finals = runs.flatMap((r) => {
    const f = finalOf(r, scenario);
    return [f, ...racedFinals(r, f)];
  });
  // the nominal final comes first; the statuses an extra sync would have written only widen what is possible
  const fresh = runs.flatMap((r) => (r.freshView ? [finalOf(r, scenario, r.freshView)] : []));
  return {
    scenarioId: scenario.id,
    observeForSeconds: scenario.observeForSeconds,
    points: mergePoints(runs, scenario.observeForSeconds),
    never: forbiddenPoints(runs, scenario, finals[0] as FinalState),
    final: mergeFinal([...finals, ...fresh, ...shiftedFinals(runs, scenario)], scenario.node.registry === 'down'),
    events: mergeEvents(runs, scenario),
    undetermined: undetermined(scenario),
  };
}
