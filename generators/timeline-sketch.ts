/**
 * A rough, conservative schedule of a scenario: every moment that could decide an outcome, as a window of seconds
 * since pod creation that widens by one step of latency per dependent step. Generators place deletes, deadlines and
 * `observeFor` outside these windows and check margins with it. It is not the reference model (which predicts
 * outcomes from the rules) and must never be used as one: it only needs to be wide enough, never exact.
 */
import type { Container, NodeWorld, PodSpec, RunBehavior, Scenario } from '../specs/vocabulary/index.ts';
import { runBehaviorForStart } from '../specs/vocabulary/index.ts';
import { normalizeImage } from './image.ts';
import { effectiveGrace } from './pod-spec.ts';
import { livenessVerdict, readinessWindows, startedWindow, startupVerdict } from './probe-timing.ts';
import { effectivePullPolicy } from './pull-policy.ts';
import { STEP_LATENCY_SECONDS as J, type Window, at, hull, plus } from './timing.ts';

/** One moment that may decide an outcome. */
export interface Moment {
  /** e.g. `app.exited#2`, `init1.started`, `pod.gone` */
  readonly label: string;
  readonly window: Window;
  /** `lifecycle` moments decide what a delete or a deadline meets; `readiness` ones only what `observeFor` sees. */
  readonly decides: 'lifecycle' | 'readiness';
  /** Counts towards "the consequences have played out" (false for repetitions of an endless crash loop). */
  readonly settles: boolean;
}

/** A sync that blocks the pod worker from `begin` until `end` (KUBELET-FACTS §1.1). */
export interface BlockingSync {
  readonly begin: Window;
  readonly end: Window;
}

/** One start of a container and how that run ends. */
export interface Run {
  readonly container: string;
  readonly startNumber: number;
  readonly started: Window;
  /** when its postStart hook returns (the sync that started it is blocked until then) */
  readonly postStartDone?: Window;
  /** undefined: runs until signalled (or past the horizon) */
  readonly ended?: Window;
  /** how it ended: its own exit, or a kill the kubelet decided inside a sync (postStart or probe failure) */
  readonly endedBy?: 'exit' | 'kill';
}

/** A sketch of a scenario's life. */
export interface Sketch {
  readonly moments: ReadonlyArray<Moment>;
  readonly runs: ReadonlyArray<Run>;
  /** syncs in which the pod worker is blocked (pulls, postStart hooks): a delete arriving inside waits for the end */
  readonly blockingSyncs: ReadonlyArray<BlockingSync>;
  /** set when the pod stops on its own (all containers done, an init failure under Never) */
  readonly stopped?: Window;
  /** reasons the sketch could not keep two decisive timings apart (the margin checks report these) */
  readonly ambiguities: ReadonlyArray<string>;
}

/** How far ahead the sketch follows endless crash loops, in seconds. */
export const SKETCH_HORIZON_SECONDS = 600;
/** Runs of one container after which the sketch stops following a crash loop. */
const maxRuns = 12;
/** Runs whose moments count towards "settled": a first start and one restart show a crash loop. */
const settlingRuns = 2;

/** CrashLoopBackOff delay before start n+1 after n starts: 0 for the first restart, then 10 s doubling to 300 s. */
export function backoffSeconds(startsSoFar: number): number {
  return startsSoFar <= 1 ? 0 : Math.min(10 * 2 ** (startsSoFar - 2), 300);
}

/** How one stop of a container unfolds once the kubelet decides to stop it with grace `g`. */
export interface StopSpan {
  readonly preStop?: { readonly started: Window; readonly finished: Window };
  readonly term: Window;
  readonly ended: Window;
  /** the exit code the runtime reports */
  readonly exitCode: number;
}

/**
 * preStop (when the grace is above 0) for at most the grace, then TERM, then KILL after what is left of the grace
 * and never less than 2 s (KUBELET-FACTS §5.2).
 */
export function stopSpan(container: Container, run: RunBehavior, decided: Window, graceSeconds: number): StopSpan {
  const preStop = container.preStop !== undefined && graceSeconds > 0 ? container.preStop : undefined;
  const waited = preStop === undefined ? 0 : Math.min(preStop.takesSeconds, graceSeconds);
  const term = plus(decided, waited);
  const left = Math.max(graceSeconds - Math.floor(waited), 2);
  const onTerm = run.onTerm;
  const exitsItself = onTerm.type === 'exit' && onTerm.afterSeconds < left;
  const ended = plus(term, exitsItself ? onTerm.afterSeconds : left);
  return {
    ...(preStop === undefined ? {} : { preStop: { started: decided, finished: plus(decided, preStop.takesSeconds) } }),
    term,
    ended,
    exitCode: exitsItself ? onTerm.exitCode : 137,
  };
}

interface RunOutcome {
  readonly moments: Moment[];
  readonly ended?: Window;
  readonly exitCode: number;
  /** killed because a probe failed: such a container is restarted under any policy but Never */
  readonly probeKill: boolean;
  readonly postStartDone?: Window;
  readonly blockedUntil: Window;
  readonly endedBy?: 'exit' | 'kill';
  /** a kill decided inside a sync keeps that sync (and so any delete) waiting until the container is dead */
  readonly blocking?: BlockingSync;
}

/** The grace a kill decided inside a sync uses (postStart failure, probe failure): probe grace, else the pod's. */
function syncKillGrace(pod: PodSpec, probeGrace: number | undefined): number {
  return probeGrace ?? effectiveGrace(pod);
}

/** Moments of one run starting in `start`, and how and when it ends. */
function sketchRun(pod: PodSpec, c: Container, startNumber: number, start: Window, settles: boolean): RunOutcome {
  const run = runBehaviorForStart(c.behavior, startNumber);
  const suffix = startNumber === 1 ? '' : `#${startNumber}`;
  const moments: Moment[] = [];
  const add = (label: string, window: Window, decides: Moment['decides'] = 'lifecycle'): void => {
    moments.push({ label: `${c.name}.${label}${suffix}`, window, decides, settles });
  };
  add('started', start);
  // The candidates for the end of this run, relative to its start; margins keep them apart, so the earliest wins.
  type End = { rel: Window; kill?: { grace: number }; probeKill: boolean; exitCode: number; label: string };
  const ends: End[] = [];
  if (run.exit !== undefined)
    ends.push({ rel: at(run.exit.afterSeconds), probeKill: false, exitCode: run.exit.exitCode, label: 'exited' });
  const postStart = c.postStart;
  let postStartDone: Window | undefined;
  if (postStart !== undefined) {
    postStartDone = plus(start, postStart.takesSeconds);
    add('postStart.finished', postStartDone);
    if (postStart.result === 'fail') {
      ends.push({
        rel: at(postStart.takesSeconds),
        kill: { grace: effectiveGrace(pod) },
        probeKill: false,
        exitCode: 0,
        label: 'postStartKill',
      });
    }
  }
  const startup = startupVerdict(c);
  if (startup.type !== 'none') add('startupProbe.decided', plus(start, startup.at));
  if (startup.type === 'failure' || startup.type === 'ambiguous') {
    const grace = syncKillGrace(pod, c.startupProbe?.terminationGracePeriodSeconds);
    ends.push({ rel: startup.at, kill: { grace }, probeKill: true, exitCode: 0, label: 'startupKill' });
  }
  const liveness =
    startup.type === 'success' || startup.type === 'none' ? livenessVerdict(c) : { type: 'none' as const };
  if (liveness.type === 'failure' || liveness.type === 'ambiguous') {
    const grace = syncKillGrace(pod, c.livenessProbe?.terminationGracePeriodSeconds);
    ends.push({ rel: liveness.at, kill: { grace }, probeKill: true, exitCode: 0, label: 'livenessKill' });
  }
  ends.sort((a, b) => a.rel.lo - b.rel.lo);
  const first = ends[0];
  // Readiness is probed only once the container counts as started, and only until this run ends.
  if (startup.type === 'success' || startup.type === 'none') {
    for (const window of readinessWindows(c)) {
      if (first === undefined || window.lo < first.rel.hi) add('readiness', plus(start, window), 'readiness');
    }
  }
  const blockedUntil = postStartDone ?? start;
  if (first === undefined)
    return {
      moments,
      exitCode: 0,
      probeKill: false,
      blockedUntil,
      ...(postStartDone === undefined ? {} : { postStartDone }),
    };
  const decided = plus(start, first.rel);
  if (first.kill === undefined) {
    add('exited', decided);
    return {
      moments,
      ended: decided,
      endedBy: 'exit',
      exitCode: first.exitCode,
      probeKill: false,
      blockedUntil,
      ...(postStartDone === undefined ? {} : { postStartDone }),
    };
  }
  add(first.label, decided);
  const span = stopSpan(c, run, decided, first.kill.grace);
  if (span.preStop !== undefined) add('preStop.finished', span.preStop.finished);
  add('term', span.term);
  add('exited', span.ended);
  // A postStart failure kills inside the very sync that started the container, which stays blocked until it is dead.
  const blocked = first.label === 'postStartKill' ? span.ended : blockedUntil;
  return {
    moments,
    ended: span.ended,
    endedBy: 'kill',
    blocking: { begin: decided, end: span.ended },
    exitCode: span.exitCode,
    probeKill: first.probeKill,
    blockedUntil: blocked,
    ...(postStartDone === undefined ? {} : { postStartDone }),
  };
}

function restarts(pod: PodSpec, c: Container, outcome: RunOutcome): boolean {
  if (c.role === 'sidecar') return true;
  if (c.role === 'init') return outcome.exitCode !== 0 && pod.restartPolicy !== 'Never';
  switch (pod.restartPolicy) {
    case 'Always':
      return true;
    case 'OnFailure':
      return outcome.probeKill || outcome.exitCode !== 0;
    case 'Never':
      return false;
  }
}

class ImageStore {
  private readonly present: Set<string>;
  private readonly unpullable: Set<string>;
  constructor(private readonly node: NodeWorld) {
    this.present = new Set(node.cached.map(normalizeImage));
    this.unpullable = new Set(node.unpullable.map(normalizeImage));
  }
  /** Whether a start of `c` gets its image, and how long the pull takes (0 when none is needed). */
  ensure(c: Container): { ok: boolean; pullSeconds: number; pulled: boolean } {
    const image = normalizeImage(c.image);
    const policy = effectivePullPolicy(c);
    const needsPull = policy === 'Always' || (policy === 'IfNotPresent' && !this.present.has(image));
    if (!needsPull) return { ok: this.present.has(image), pullSeconds: 0, pulled: false };
    if (this.node.registry === 'down' || this.unpullable.has(image)) return { ok: false, pullSeconds: 0, pulled: true };
    this.present.add(image);
    return { ok: true, pullSeconds: this.node.pullTakesSeconds, pulled: true };
  }
}

interface Life {
  readonly runs: Run[];
  readonly moments: Moment[];
  readonly blocking: BlockingSync[];
  /** when the container is done for good (exited and not restarted) */
  readonly done?: Window;
  readonly lastExitCode: number;
  /** the first run's outcome */
  readonly first?: RunOutcome;
}

/** Every run of one container from a first start on, restarts with back-off included, up to the horizon. */
function sketchLife(pod: PodSpec, store: ImageStore, c: Container, firstStart: Window, cutoff: number): Life {
  const runs: Run[] = [];
  const moments: Moment[] = [];
  const blocking: BlockingSync[] = [];
  let start = firstStart;
  let first: RunOutcome | undefined;
  for (let n = 1; n <= maxRuns && start.lo < Math.min(cutoff, SKETCH_HORIZON_SECONDS); n++) {
    const outcome = sketchRun(pod, c, n, start, n <= settlingRuns);
    first ??= outcome;
    moments.push(...outcome.moments);
    if (outcome.blocking !== undefined) blocking.push(outcome.blocking);
    runs.push({
      container: c.name,
      startNumber: n,
      started: start,
      ...(outcome.postStartDone === undefined ? {} : { postStartDone: outcome.postStartDone }),
      ...(outcome.ended === undefined ? {} : { ended: outcome.ended }),
      ...(outcome.endedBy === undefined ? {} : { endedBy: outcome.endedBy }),
    });
    if (outcome.ended === undefined) return { runs, moments, blocking, lastExitCode: 0, first };
    if (!restarts(pod, c, outcome))
      return { runs, moments, blocking, done: outcome.ended, lastExitCode: outcome.exitCode, first };
    const backoff = backoffSeconds(n);
    // The restart waits out the back-off and then up to half of it again for the pod worker's requeue (Correction 10).
    const restartAt = plus(outcome.ended, { lo: backoff, hi: backoff * 1.5 + J });
    const image = store.ensure(c);
    if (!image.ok) {
      moments.push({ label: `${c.name}.pullFailed#${n + 1}`, window: restartAt, decides: 'lifecycle', settles: true });
      return { runs, moments, blocking, lastExitCode: outcome.exitCode, first };
    }
    if (image.pulled)
      moments.push({
        label: `${c.name}.pullStarted#${n + 1}`,
        window: restartAt,
        decides: 'lifecycle',
        settles: n < settlingRuns,
      });
    start = plus(restartAt, image.pullSeconds);
  }
  return { runs, moments, blocking, lastExitCode: 0, ...(first === undefined ? {} : { first }) };
}

function moment(label: string, window: Window, settles = true): Moment {
  return { label, window, decides: 'lifecycle', settles };
}

/** Drops what would only happen after the pod stopped. */
function before(limit: Window | undefined, moments: Moment[], runs: Run[]): void {
  if (limit === undefined) return;
  const keep = (w: Window): boolean => w.lo < limit.hi;
  for (let i = moments.length - 1; i >= 0; i--) if (!keep((moments[i] as Moment).window)) moments.splice(i, 1);
  for (let i = runs.length - 1; i >= 0; i--) if (!keep((runs[i] as Run).started)) runs.splice(i, 1);
}

/** Sketches the pod's life with no delete and no deadline: what happens if it is left alone. */
export function sketchUndisturbed(pod: PodSpec, node: NodeWorld): Sketch {
  const store = new ImageStore(node);
  const moments: Moment[] = [moment('pod.firstSync', { lo: 0, hi: J })];
  const runs: Run[] = [];
  const blockingSyncs: BlockingSync[] = [];
  const ambiguities: string[] = [];
  let t: Window = { lo: 0, hi: J };
  let initialized = true;
  let stopped: Window | undefined;

  // Init containers, one at a time; sidecars start and must count as started before the next one.
  for (const c of pod.initContainers) {
    const image = store.ensure(c);
    if (image.pulled) moments.push(moment(`${c.name}.pullStarted`, t));
    if (!image.ok) {
      moments.push(moment(`${c.name}.pullFailed`, t));
      initialized = false;
      break;
    }
    const start = plus(t, image.pullSeconds);
    if (image.pullSeconds > 0) blockingSyncs.push({ begin: t, end: start });
    const life = sketchLife(pod, store, c, start, SKETCH_HORIZON_SECONDS);
    runs.push(...life.runs);
    moments.push(...life.moments);
    blockingSyncs.push(...life.blocking);
    if (c.role === 'sidecar') {
      const firstRun = life.first;
      if (firstRun !== undefined && firstRun.blockedUntil.hi > start.hi) {
        blockingSyncs.push({ begin: start, end: firstRun.blockedUntil });
      }
      const verdict = startupVerdict(c);
      if (verdict.type === 'failure' || verdict.type === 'ambiguous') {
        // A sidecar that never counts as started holds back every later init container.
        if (verdict.type === 'ambiguous')
          ambiguities.push(`${c.name}: startup probe boundary too close to the deciding tick`);
        initialized = false;
        break;
      }
      const gate = plus(start, startedWindow(c));
      const ownEnd = life.runs[0]?.ended;
      // Both are measured from the same start, so compare them relative to it.
      if (ownEnd !== undefined && ownEnd.lo - start.lo < startedWindow(c).hi + J) {
        ambiguities.push(`${c.name}: sidecar ends before it counts as started`);
        initialized = false;
        break;
      }
      t = plus(hull(gate, firstRun?.blockedUntil ?? gate), { lo: 0, hi: J });
      continue;
    }
    if (life.done === undefined || life.lastExitCode !== 0) {
      initialized = false;
      // Under Never a failed init container fails the pod, which then stops its sidecars.
      if (life.done !== undefined && pod.restartPolicy === 'Never') stopped = plus(life.done, { lo: 0, hi: J });
      break;
    }
    t = plus(life.done, { lo: 0, hi: J });
  }

  const regularLives: Life[] = [];
  let allStarted = initialized;
  if (initialized) {
    moments.push(moment('pod.initialized', t));
    // All regular containers start in one sync, in spec order, each waiting for the previous one's postStart.
    const syncStart = t;
    for (const c of pod.containers) {
      const image = store.ensure(c);
      if (image.pulled) moments.push(moment(`${c.name}.pullStarted`, t));
      if (!image.ok) {
        moments.push(moment(`${c.name}.pullFailed`, t));
        allStarted = false;
        continue;
      }
      const start = plus(t, image.pullSeconds);
      const life = sketchLife(pod, store, c, start, SKETCH_HORIZON_SECONDS);
      regularLives.push(life);
      runs.push(...life.runs);
      moments.push(...life.moments);
      blockingSyncs.push(...life.blocking);
      t = life.first?.blockedUntil ?? start;
    }
    if (t.hi > syncStart.hi) blockingSyncs.push({ begin: syncStart, end: t });
    // Once every regular container is done for good, the pod completes and its sidecars are stopped.
    const dones = regularLives.map((life) => life.done);
    if (allStarted && dones.every((done) => done !== undefined)) {
      stopped = {
        lo: Math.max(...dones.map((done) => done.lo)),
        hi: Math.max(...dones.map((done) => done.hi)) + J,
      };
    }
  }

  if (stopped !== undefined) {
    moments.push(moment('pod.stopping', stopped));
    before(stopped, moments, runs);
    // Only sidecars are still running; they are stopped like in a delete, with the pod's grace.
    const ends = terminationOf(pod, runs, stopped, Math.max(1, effectiveGrace(pod)), 'stop');
    moments.push(...ends.moments);
    stopped = ends.over;
  }
  return { moments, runs, blockingSyncs, ...(stopped === undefined ? {} : { stopped }), ambiguities };
}

/** The containers' stops once the pod worker starts terminating at `from` with pod grace `graceSeconds`. */
export function terminationOf(
  pod: PodSpec,
  runs: ReadonlyArray<Run>,
  from: Window,
  graceSeconds: number,
  label: string,
): { moments: Moment[]; over: Window } {
  const moments: Moment[] = [];
  // The newest run of each container that is running at `from`.
  const running = new Map<string, Run>();
  for (const run of runs) {
    const ended = run.ended;
    if (run.started.lo <= from.hi && (ended === undefined || ended.lo > from.lo)) running.set(run.container, run);
  }
  let over = from;
  let othersEnd: Window | undefined;
  for (const c of [...pod.initContainers, ...pod.containers]) {
    const run = running.get(c.name);
    if (run === undefined || c.role === 'sidecar') continue;
    const span = stopSpan(c, runBehaviorForStart(c.behavior, run.startNumber), from, graceSeconds);
    if (span.preStop !== undefined) moments.push(moment(`${c.name}.preStop.finished@${label}`, span.preStop.finished));
    moments.push(moment(`${c.name}.term@${label}`, span.term), moment(`${c.name}.exited@${label}`, span.ended));
    othersEnd = othersEnd === undefined ? span.ended : hull(othersEnd, span.ended);
    over = hull(over, span.ended);
  }
  // Sidecars go last, in reverse spec order, each waiting for everything after it but not past its grace (§3.4).
  const sidecars = pod.initContainers.filter((c) => c.role === 'sidecar' && running.has(c.name)).reverse();
  for (const c of sidecars) {
    const run = running.get(c.name) as Run;
    const preStop = c.preStop === undefined ? 0 : Math.min(c.preStop.takesSeconds, graceSeconds);
    const ownTurn = plus(from, preStop);
    const deadline = plus(from, graceSeconds);
    const turn =
      othersEnd === undefined
        ? ownTurn
        : {
            lo: Math.max(ownTurn.lo, Math.min(othersEnd.lo, deadline.lo)),
            hi: Math.max(ownTurn.hi, Math.min(othersEnd.hi, deadline.hi)),
          };
    const onTerm = runBehaviorForStart(c.behavior, run.startNumber).onTerm;
    // What is left of the grace after the wait is only known to lie between 2 s and the grace itself.
    const stay =
      onTerm.type === 'exit' && onTerm.afterSeconds < 2
        ? at(onTerm.afterSeconds)
        : { lo: 2, hi: Math.max(2, graceSeconds) };
    if (c.preStop !== undefined)
      moments.push(moment(`${c.name}.preStop.finished@${label}`, plus(from, c.preStop.takesSeconds)));
    const ended = plus(turn, stay);
    moments.push(moment(`${c.name}.term@${label}`, turn), moment(`${c.name}.exited@${label}`, ended));
    othersEnd = othersEnd === undefined ? ended : hull(othersEnd, ended);
    over = hull(over, ended);
  }
  return { moments, over: plus(over, { lo: 0, hi: J }) };
}

/**
 * Times a termination with grace `graceSeconds` must not start near, beyond the decisive moments themselves: when
 * a container's own exit (or an in-sync kill's end) would fall close to the TERM it would get, or close to the end of
 * its stop, which of the two comes first decides its exit code. Sidecars are stopped at a time that depends on the
 * others and are left out (their TERM handling is restricted instead, see harmonise-container.ts).
 */
export function terminationShadows(pod: PodSpec, sketch: Sketch, graceSeconds: number): Window[] {
  const byName = new Map([...pod.initContainers, ...pod.containers].map((c) => [c.name, c]));
  const shadows: Window[] = [];
  for (const run of sketch.runs) {
    const c = byName.get(run.container);
    if (c === undefined || c.role === 'sidecar' || run.ended === undefined) continue;
    const span = stopSpan(c, runBehaviorForStart(c.behavior, run.startNumber), at(0), graceSeconds);
    for (const offset of [span.term.lo, span.ended.lo]) {
      if (offset > 0) shadows.push({ lo: run.ended.lo - offset, hi: run.ended.hi - offset });
    }
  }
  return shadows;
}

/** When a pod-level termination requested at `requestedAt` really starts: after any sync it lands in has returned. */
export function terminationStart(sketch: Sketch, requestedAt: number): Window {
  for (const sync of sketch.blockingSyncs) {
    if (requestedAt > sync.begin.lo && requestedAt < sync.end.hi) {
      return { lo: Math.max(requestedAt, sync.end.lo), hi: Math.max(requestedAt, sync.end.hi) + J };
    }
  }
  return { lo: requestedAt, hi: requestedAt + J };
}

/** The effective pod-level grace of a delete (KUBELET-FACTS §5.2 and Correction 1: an override of 0 falls back). */
export function deleteGrace(pod: PodSpec, override: number | undefined): number {
  const requested = override === undefined || override === 0 ? effectiveGrace(pod) : override;
  return Math.max(1, requested);
}

/** What ends the pod's undisturbed life, if anything: a delete or the active deadline. */
export interface Interruption {
  readonly type: 'delete' | 'deadline';
  readonly atSeconds: number;
  readonly graceSeconds: number;
}

/** The sketch of the whole scenario: the undisturbed life cut at the first interruption, then its termination. */
export function sketchWith(undisturbed: Sketch, pod: PodSpec, interruptions: ReadonlyArray<Interruption>): Sketch {
  const ordered = [...interruptions].sort((a, b) => a.atSeconds - b.atSeconds);
  const first = ordered[0];
  if (first === undefined) return undisturbed;
  const rest = ordered
    .slice(1)
    .map((i) => moment(`pod.${i.type}@${i.atSeconds}`, { lo: i.atSeconds, hi: i.atSeconds + J }));
  if (undisturbed.stopped !== undefined && undisturbed.stopped.hi < first.atSeconds) {
    // The pod already stopped on its own; a delete then removes the terminal pod at once.
    return {
      ...undisturbed,
      moments: [
        ...undisturbed.moments,
        moment(`pod.${first.type}`, { lo: first.atSeconds, hi: first.atSeconds + J }),
        ...rest,
      ],
    };
  }
  const start = terminationStart(undisturbed, first.atSeconds);
  // The active-deadline check runs on the kubelet's 1 s sync ticker (Correction 8).
  const from = first.type === 'deadline' ? plus(start, { lo: 0, hi: 1 }) : start;
  // What happens before the termination starts stays (a sync the request landed in runs to its end); the rest never does.
  const moments = undisturbed.moments.filter((m) => m.window.lo <= from.lo);
  const runs = undisturbed.runs.filter((r) => r.started.lo <= from.lo);
  const ends = terminationOf(pod, runs, from, first.graceSeconds, first.type);
  return {
    moments: [
      ...moments,
      moment(`pod.${first.type}Started`, from),
      ...ends.moments,
      moment(`pod.${first.type}Over`, ends.over),
      ...rest,
    ],
    runs,
    blockingSyncs: undisturbed.blockingSyncs,
    stopped: ends.over,
    ambiguities: undisturbed.ambiguities,
  };
}

/** The interruptions a scenario contains: its delete actions and its active deadline. */
export function interruptionsOf(scenario: Pick<Scenario, 'pod' | 'actions'>): Interruption[] {
  const result: Interruption[] = scenario.actions.map((a) => ({
    type: 'delete' as const,
    atSeconds: a.atSeconds,
    graceSeconds: deleteGrace(scenario.pod, a.gracePeriodSeconds),
  }));
  const deadline = scenario.pod.activeDeadlineSeconds;
  if (deadline !== undefined)
    result.push({ type: 'deadline', atSeconds: deadline, graceSeconds: Math.max(1, effectiveGrace(scenario.pod)) });
  return result;
}
