/**
 * `predict(scenario)`: the reference model's prediction. The scenario is run under three latency
 * profiles (every delay nominal, earliest, latest); what differs between them is what the timing
 * leaves open, and the prediction says so instead of guessing. Pure: no I/O, no clock.
 */
import {
  allContainers,
  containerPointNames,
  formatPointRef,
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
import { pullBackOffMessage, pullStartErrorMessage, startErrorMessage } from './messages.ts';
import { predictedEvent, predictedPoint } from './record.ts';
import { runProfile, type ProfileRun } from './run-profile.ts';

/**
 * Between pull attempts the waiting reason alternates: ErrImagePull from the sync that pulled, ImagePullBackOff
 * from one that found the back-off active; which one a given moment shows depends on syncs no rule pins down.
 */
const pullReasonTwins: Readonly<Record<string, string>> = {
  ErrImagePull: 'ImagePullBackOff',
  ImagePullBackOff: 'ErrImagePull',
  'Init:ErrImagePull': 'Init:ImagePullBackOff',
  'Init:ImagePullBackOff': 'Init:ErrImagePull',
};

function predicted<T>(values: ReadonlyArray<T>, rule: string): Predicted<T> {
  const possible: T[] = [];
  for (const v of values) if (!possible.includes(v)) possible.push(v);
  for (const v of [...possible]) {
    const twin = typeof v === 'string' ? pullReasonTwins[v] : undefined;
    if (twin !== undefined && !possible.includes(twin as T)) possible.push(twin as T);
  }
  return { nominal: values[0] as T, possible, rule };
}

function finalOf(run: ProfileRun, scenario: Scenario, view = run.finalView): FinalState {
  return finalState(view, {
    gone: run.gone,
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

/** `formatPointRef` of every point of a run, in order: each key is needed several times while merging. */
function pointKeys(r: ProfileRun): string[] {
  return r.points.map((p) => formatPointRef(p.ref));
}

function mergePoints(runs: ReadonlyArray<ProfileRun>, observeFor: number): PredictedPoint[] {
  const [nominal, ...others] = runs as [ProfileRun, ...ProfileRun[]];
  const nominalKeys = pointKeys(nominal);
  const othersKeys = others.map(pointKeys);
  const otherKeys = othersKeys.map((keys) => new Set(keys));
  const bounds = absoluteBounds(nominal.points, nominalKeys);
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
    const certainty: Certainty = inAll && !late && !probeRun ? 'certain' : 'possible';
    merged.push(predictedPoint(p, certainty, p.nominal));
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
      if (waitingReason === 'ErrImagePull' || waitingReason === 'ImagePullBackOff') {
        return scenario.node.registry === 'down' ? 'pull.always-registry-down' : 'restart.image-pull-backoff';
      }
      if (container.role === 'regular')
        return scenario.pod.initContainers.length > 0 ? 'init.before-regular' : 'kubelet.start.serial';
      return container.role === 'init' ? 'init.sequential' : 'kubelet.sidecar.start-gate';
    }
    if (container.role === 'init') return 'init.run-once';
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
    for (const name of forbiddenKinds) {
      const most = counts.get(`${c.name}.${name}`) ?? 0;
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

function mergeEvents(scenario: Scenario, runs: ReadonlyArray<ProfileRun>): PredictedEvent[] {
  const [nominal, ...others] = runs as [ProfileRun, ...ProfileRun[]];
  // each key is built once per event: they are long strings (the messages) and needed several times
  const nominalKeys = nominal.events.map(eventKey);
  const othersKeys = others.map((r) => r.events.map(eventKey));
  const otherKeys = othersKeys.map((keys) => new Set(keys));
  const out: PredictedEvent[] = nominal.events.map((e, i) => {
    const certainty = otherKeys.every((k) => k.has(nominalKeys[i] as string)) ? 'certain' : 'possible';
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
  for (const e of possibleBackOffs(scenario, out)) {
    const key = eventKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

function mergeFinal(finals: ReadonlyArray<FinalState>): Prediction['final'] {
  const [first] = finals as [FinalState, ...FinalState[]];
  const containers: Record<string, PredictedContainer> = {};
  for (const name of Object.keys(first.containers)) {
    const of = finals.map((f) => f.containers[name]).filter((c) => c !== undefined);
    const field = <K extends keyof FinalContainer>(key: K, rule: string): Predicted<FinalContainer[K]> =>
      predicted(
        of.map((c) => c[key]),
        rule,
      );
    containers[name] = {
      state: field('state', 'kubelet.status.container-state'),
      reason: field('reason', 'kubelet.status.reason-cache'),
      exitCode: field('exitCode', 'kubelet.process.exit-codes'),
      restartCount: field('restartCount', 'kubelet.backoff.sequence'),
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
export function predict(scenario: Scenario): Prediction {
  const runs = (['nominal', 'early', 'late'] as const).map((profile) => runProfile(scenario, profile));
  const finals = runs.map((r) => finalOf(r, scenario));
  // the nominal final comes first; the statuses an extra sync would have written only widen what is possible
  const fresh = runs.flatMap((r) => (r.freshView ? [finalOf(r, scenario, r.freshView)] : []));
  return {
    scenarioId: scenario.id,
    observeForSeconds: scenario.observeForSeconds,
    points: mergePoints(runs, scenario.observeForSeconds),
    never: forbiddenPoints(runs, scenario, finals[0] as FinalState),
    final: mergeFinal([...finals, ...fresh]),
    events: mergeEvents(scenario, runs),
    undetermined: undetermined(scenario),
  };
}
