/**
 * Compiles a fault plan into a scenario: faults change the containers and the node world, every container's own
 * timings are kept apart, and the timed parts — the delete, the active deadline, `observeFor` — are placed outside
 * every window in which something decisive may happen (timeline-sketch.ts). A deterministic map: no value is ever
 * rejected, and smaller inputs give smaller scenarios.
 */
import type {
  Action,
  Container,
  ContainerBehavior,
  Hook,
  NodeWorld,
  PodSpec,
  Probe,
  RunBehavior,
} from '../specs/vocabulary/index.ts';
import { deleteAction } from './action.ts';
import { type Fault, type FaultType, faultTargets } from './fault.ts';
import { harmoniseContainer } from './harmonise-container.ts';
import { normalizeImage } from './image.ts';
import { effectiveGrace, fitContainerToPod } from './pod-spec.ts';
import { effectivePullPolicy } from './pull-policy.ts';
import {
  type Interruption,
  type Moment,
  type Sketch,
  deleteGrace,
  sketchUndisturbed,
  sketchWith,
  terminationShadows,
} from './timeline-sketch.ts';
import { STEP_LATENCY_SECONDS as J, TIMING_MARGIN_SECONDS as M, type Window, awayFrom } from './timing.ts';

/** A fault as it was applied: the container it hit, or why it did not apply. */
export interface AppliedFault {
  readonly fault: Fault;
  /** the container the fault hit (absent for pod- and node-level faults) */
  readonly container?: string;
  readonly applied: boolean;
  /** why the fault was not applied, or how it had to be adapted */
  readonly note?: string;
}

/** The result of compiling: the scenario's parts and the journal of faults. */
export interface CompiledFaultPlan {
  readonly pod: PodSpec;
  readonly node: NodeWorld;
  readonly actions: ReadonlyArray<Action>;
  readonly observeForSeconds: number;
  readonly faults: ReadonlyArray<AppliedFault>;
  /** the final sketch, for callers that want to check or draw the timing */
  readonly sketch: Sketch;
}

/** Options for {@link compileFaultPlan}. */
export interface CompileOptions {
  /** `observeFor` is at least this (default 10 s). */
  readonly minObserveForSeconds?: number;
  /**
   * Faults are dropped from the end of the plan until `observeFor` fits under this (default 180 s): a long crash
   * loop's restart times grow so uncertain that the first moment safely past them can be many minutes away.
   */
  readonly maxObserveForSeconds?: number;
}

type DeleteFault = Extract<Fault, { type: 'delete' | 'deleteDuringInit' | 'deleteDuringPostStart' }>;

const failingCommand = ['sh', '-c', 'exit 1'];

function sleepCommand(seconds: number): ReadonlyArray<string> {
  return ['sh', '-c', `sleep ${seconds}`];
}

function execHook(takesSeconds: number, result: Hook['result']): Hook {
  return {
    action: { type: 'exec', command: result === 'fail' ? failingCommand : sleepCommand(takesSeconds) },
    takesSeconds,
    result,
  };
}

function execProbe(
  periodSeconds: number,
  failureThreshold: number,
  fails: Probe['fails'],
  graceSeconds?: number,
): Probe {
  return {
    action: { type: 'exec', command: ['cat', '/tmp/healthy'] },
    initialDelaySeconds: 0,
    periodSeconds,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold,
    ...(graceSeconds === undefined ? {} : { terminationGracePeriodSeconds: graceSeconds }),
    fails,
    takesSeconds: 0,
  };
}

/** What a container of this role does when nothing goes wrong (an init container exits 0 after `afterSeconds`). */
function healthyRun(c: Container, afterSeconds: number): RunBehavior {
  return c.role === 'init'
    ? { exit: { exitCode: 0, afterSeconds }, onTerm: c.behavior.base.onTerm }
    : { onTerm: c.behavior.base.onTerm };
}

function everyRun(behavior: ContainerBehavior, f: (run: RunBehavior) => RunBehavior): ContainerBehavior {
  return {
    base: f(behavior.base),
    restarts: behavior.restarts.map((entry) => ({ fromStart: entry.fromStart, behavior: f(entry.behavior) })),
  };
}

function lifecycleWindows(moments: ReadonlyArray<Moment>): Window[] {
  return moments.filter((m) => m.decides === 'lifecycle').map((m) => m.window);
}

class Draft {
  readonly containers: Container[];
  node: NodeWorld;
  pendingDelete: DeleteFault | undefined;
  deleteTarget: string | undefined;
  outlasting: string[] = [];
  readonly journal: AppliedFault[] = [];

  constructor(
    readonly pod: PodSpec,
    node: NodeWorld,
  ) {
    this.containers = [...pod.initContainers, ...pod.containers];
    this.node = node;
  }

  eligible(type: FaultType): Container[] {
    const roles = faultTargets[type];
    return roles === undefined ? [] : this.containers.filter((c) => roles.includes(c.role));
  }

  replace(name: string, f: (c: Container) => Container): void {
    const index = this.containers.findIndex((c) => c.name === name);
    const c = this.containers[index];
    if (c !== undefined) this.containers[index] = f(c);
  }

  podSpec(): PodSpec {
    return {
      ...this.pod,
      initContainers: this.containers.filter((c) => c.role !== 'regular'),
      containers: this.containers.filter((c) => c.role === 'regular'),
    };
  }

  cache(images: ReadonlyArray<string>): void {
    const cached = [...this.node.cached];
    for (const image of images) if (!cached.includes(image)) cached.push(image);
    this.node = { ...this.node, cached };
  }

  uncache(image: string): void {
    const key = normalizeImage(image);
    this.node = { ...this.node, cached: this.node.cached.filter((i) => normalizeImage(i) !== key) };
  }

  apply(fault: Fault): void {
    if (fault.type === 'slowPull') {
      this.node = { ...this.node, pullTakesSeconds: fault.pullTakesSeconds };
      this.journal.push({ fault, applied: true });
      return;
    }
    if (fault.type === 'delete') {
      this.takeDelete(fault, undefined);
      return;
    }
    const eligible = this.eligible(fault.type);
    const target = eligible[fault.target % Math.max(eligible.length, 1)];
    if (target === undefined) {
      this.journal.push({
        fault,
        applied: false,
        note: `no ${(faultTargets[fault.type] ?? []).join('/')} container to hit`,
      });
      return;
    }
    const name = target.name;
    const record = (note?: string): void => {
      this.journal.push({ fault, container: name, applied: true, ...(note === undefined ? {} : { note }) });
    };
    switch (fault.type) {
      case 'exit':
      case 'crashLoop': {
        const run: RunBehavior = {
          exit: { exitCode: fault.exitCode, afterSeconds: fault.afterSeconds },
          onTerm: target.behavior.base.onTerm,
        };
        // `exit` exits once, a crash loop `crashes` times (every time without a count); after that a restarted init
        // container succeeds and anything else runs on.
        const crashes = fault.type === 'exit' ? 1 : fault.crashes;
        this.replace(name, (c) => ({
          ...c,
          behavior: {
            base: run,
            restarts:
              crashes === undefined ? [] : [{ fromStart: crashes + 1, behavior: healthyRun(c, fault.afterSeconds) }],
          },
        }));
        record();
        return;
      }
      case 'termIgnored':
        this.replace(name, (c) => ({
          ...c,
          behavior: everyRun(c.behavior, (run) => ({ ...run, onTerm: { type: 'ignore' } })),
        }));
        record();
        return;
      case 'termSlow': {
        const onTerm = { type: 'exit' as const, exitCode: fault.exitCode, afterSeconds: fault.afterSeconds };
        this.replace(name, (c) => ({ ...c, behavior: everyRun(c.behavior, (run) => ({ ...run, onTerm })) }));
        record();
        return;
      }
      case 'postStartFails':
        this.replace(name, (c) => ({ ...c, postStart: execHook(fault.takesSeconds, 'fail') }));
        record();
        return;
      case 'postStartHangs':
        this.replace(name, (c) => ({ ...c, postStart: execHook(fault.takesSeconds, 'success') }));
        record();
        return;
      case 'preStopFails':
        this.replace(name, (c) => ({ ...c, preStop: execHook(fault.takesSeconds, 'fail') }));
        record();
        return;
      case 'preStopOutlastsGrace':
        // Its duration depends on every grace that may apply, known only once the plan is read (see `compile`).
        this.outlasting.push(name);
        this.replace(name, (c) => ({ ...c, preStop: execHook(fault.beyondSeconds, 'success') }));
        record();
        return;
      case 'startupNeverSucceeds':
        this.replace(name, (c) => ({
          ...c,
          startupProbe: execProbe(fault.periodSeconds, fault.failureThreshold, { type: 'always' }),
        }));
        record();
        return;
      case 'startupSucceedsLate':
        this.replace(name, (c) => ({
          ...c,
          startupProbe: execProbe(fault.periodSeconds, fault.failureThreshold, {
            type: 'until',
            seconds: fault.untilSeconds,
          }),
        }));
        record();
        return;
      case 'livenessFails':
        this.replace(name, (c) => ({
          ...c,
          livenessProbe: execProbe(
            fault.periodSeconds,
            fault.failureThreshold,
            { type: 'from', seconds: fault.fromSeconds },
            fault.probeGraceSeconds,
          ),
        }));
        record();
        return;
      case 'readinessFlaps':
        this.replace(name, (c) => ({
          ...c,
          readinessProbe: execProbe(fault.periodSeconds, 1, { type: fault.boundary, seconds: fault.seconds }),
        }));
        record();
        return;
      case 'imageUnpullable': {
        this.uncache(target.image);
        if (!this.node.unpullable.includes(target.image))
          this.node = { ...this.node, unpullable: [...this.node.unpullable, target.image] };
        // With policy Never nothing is pulled at all, which is a different fault (neverPullMissing).
        if (effectivePullPolicy(target) === 'Never')
          this.replace(name, (c) => ({ ...c, imagePullPolicy: 'IfNotPresent' }));
        record();
        return;
      }
      case 'registryDown':
        this.node = { ...this.node, registry: 'down' };
        this.cache(fault.cacheOthers ? this.containers.map((c) => c.image) : [target.image]);
        record();
        return;
      case 'neverPullMissing':
        this.uncache(target.image);
        this.replace(name, (c) => ({ ...c, imagePullPolicy: 'Never' }));
        record();
        return;
      case 'deleteDuringInit':
        this.replace(name, (c) => ({ ...c, behavior: everyRun(c.behavior, (run) => ({ onTerm: run.onTerm })) }));
        this.takeDelete(fault, name);
        return;
      case 'deleteDuringPostStart':
        this.replace(name, (c) => ({ ...c, postStart: execHook(0, 'success') }));
        this.takeDelete(fault, name);
        return;
    }
  }

  takeDelete(fault: DeleteFault, target: string | undefined): void {
    const targetPart = target === undefined ? {} : { container: target };
    if (this.pendingDelete !== undefined) {
      this.journal.push({ fault, ...targetPart, applied: false, note: 'one delete per scenario' });
      return;
    }
    this.pendingDelete = fault;
    this.deleteTarget = target;
    this.journal.push({ fault, ...targetPart, applied: true });
  }
}

/** Sets a postStart hook's duration on one container of a pod. */
function withPostStart(pod: PodSpec, name: string, takesSeconds: number): PodSpec {
  const fix = (c: Container): Container =>
    c.name === name ? { ...c, postStart: execHook(takesSeconds, 'success') } : c;
  return { ...pod, initContainers: pod.initContainers.map(fix), containers: pod.containers.map(fix) };
}

function harmonisePod(pod: PodSpec, deleteGraces: ReadonlyArray<number>): PodSpec {
  const grace = effectiveGrace(pod);
  let changed = false;
  const fix = (c: Container): Container => {
    const fixed = fitContainerToPod(harmoniseContainer(c, pod, deleteGraces), grace);
    if (fixed !== c) changed = true;
    return fixed;
  };
  const initContainers = pod.initContainers.map(fix);
  const containers = pod.containers.map(fix);
  return changed ? { ...pod, initContainers, containers } : pod;
}

function firstStart(sketch: Sketch, name: string): Window | undefined {
  return sketch.runs.find((r) => r.container === name && r.startNumber === 1)?.started;
}

/** Where a delete of this kind would like to land, before moving off decisive moments; undefined: no anchor. */
function deleteAnchor(sketch: Sketch, fault: DeleteFault, target: string | undefined): number | undefined {
  switch (fault.type) {
    case 'delete':
      return fault.atSeconds;
    case 'deleteDuringInit':
    case 'deleteDuringPostStart': {
      const started = target === undefined ? undefined : firstStart(sketch, target);
      return started === undefined ? undefined : Math.ceil(started.hi + M + fault.intoSeconds);
    }
  }
}

/** Longest postStart a deleteDuringPostStart may make, so a bad fit can never run away. */
const maxHookSeconds = 120;

/**
 * For deleteDuringPostStart: lengthens the target's hook until a delete at its anchor, moved off every other decisive
 * moment, falls inside the hook with the margin to spare. Other delete faults leave the pod as it is.
 */
function shapeForDelete(
  pod: PodSpec,
  node: NodeWorld,
  sketch: Sketch,
  fault: DeleteFault,
  target: string | undefined,
  deleteGraces: ReadonlyArray<number>,
): { pod: PodSpec; sketch: Sketch } {
  if (fault.type !== 'deleteDuringPostStart' || target === undefined) return { pod, sketch };
  const started = firstStart(sketch, target);
  if (started === undefined) return { pod, sketch };
  let takes = Math.ceil(started.hi - started.lo + 2 * M + fault.intoSeconds) + 1;
  let current = { pod, sketch };
  for (let attempt = 0; attempt < 4 && takes <= maxHookSeconds; attempt++) {
    const shaped = harmonisePod(withPostStart(pod, target, takes), deleteGraces);
    current = { pod: shaped, sketch: sketchUndisturbed(shaped, node) };
    const hookStart = firstStart(current.sketch, target) ?? started;
    const atSeconds = awayFrom(
      Math.ceil(hookStart.hi + M + fault.intoSeconds),
      lifecycleWindows(current.sketch.moments),
      M,
    );
    if (atSeconds + M <= hookStart.lo + takes) break;
    takes = Math.ceil(atSeconds - hookStart.lo + M) + 1;
  }
  return current;
}

/** Says when a targeted delete could not land where its fault wanted it. */
function deleteNote(
  sketch: Sketch,
  fault: DeleteFault,
  target: string | undefined,
  anchor: number | undefined,
  atSeconds: number,
): string | undefined {
  if (fault.type === 'delete') return undefined;
  if (anchor === undefined) return `${target ?? 'the target'} never starts; deleted at ${atSeconds} s instead`;
  const run = sketch.runs.find((r) => r.container === target && r.startNumber === 1);
  const until = fault.type === 'deleteDuringInit' ? run?.ended : run?.postStartDone;
  if (until !== undefined && atSeconds + M > until.lo)
    return `the delete at ${atSeconds} s misses the ${fault.type === 'deleteDuringInit' ? 'init container' : 'postStart hook'}`;
  return undefined;
}

/** Compiles a base pod and node world and a fault plan into the parts of a scenario. */
export function compileFaultPlan(
  basePod: PodSpec,
  baseNode: NodeWorld,
  plan: ReadonlyArray<Fault>,
  options: CompileOptions = {},
): CompiledFaultPlan {
  const max = options.maxObserveForSeconds ?? 180;
  let kept = plan.length;
  let compiled = compileAll(basePod, baseNode, plan, options);
  while (compiled.observeForSeconds > max && kept > 0) {
    kept--;
    compiled = compileAll(basePod, baseNode, plan.slice(0, kept), options);
  }
  if (kept === plan.length) return compiled;
  const dropped = plan
    .slice(kept)
    .map((fault) => ({ fault, applied: false, note: `dropped: observeFor would exceed ${max} s` }));
  return { ...compiled, faults: [...compiled.faults, ...dropped] };
}

function compileAll(
  basePod: PodSpec,
  baseNode: NodeWorld,
  plan: ReadonlyArray<Fault>,
  options: CompileOptions,
): CompiledFaultPlan {
  const draft = new Draft(basePod, baseNode);
  for (const fault of plan) draft.apply(fault);
  let pod = draft.podSpec();
  const node = draft.node;
  const pending = draft.pendingDelete;
  const deleteGraces = pending === undefined ? [] : [deleteGrace(pod, pending.gracePeriodSeconds)];

  // A preStop that outlasts every grace that may apply to its container, by the margin and then some.
  if (draft.outlasting.length > 0) {
    const podGrace = effectiveGrace(pod);
    const outlast = (c: Container): Container => {
      if (!draft.outlasting.includes(c.name) || c.preStop === undefined) return c;
      const graces = [
        podGrace,
        ...deleteGraces,
        c.livenessProbe?.terminationGracePeriodSeconds ?? 0,
        c.startupProbe?.terminationGracePeriodSeconds ?? 0,
      ];
      return { ...c, preStop: execHook(Math.max(...graces) + M + c.preStop.takesSeconds, 'success') };
    };
    pod = { ...pod, initContainers: pod.initContainers.map(outlast), containers: pod.containers.map(outlast) };
  }
  pod = harmonisePod(pod, deleteGraces);
  let sketch = sketchUndisturbed(pod, node);
  if (pending !== undefined)
    ({ pod, sketch } = shapeForDelete(pod, node, sketch, pending, draft.deleteTarget, deleteGraces));

  // The active deadline: off every decisive moment of the undisturbed life.
  const interruptions: Interruption[] = [];
  if (pod.activeDeadlineSeconds !== undefined) {
    const grace = Math.max(1, effectiveGrace(pod));
    const avoid = [...lifecycleWindows(sketch.moments), ...terminationShadows(pod, sketch, grace)];
    const deadline = Math.max(1, awayFrom(pod.activeDeadlineSeconds, avoid, M));
    pod = { ...pod, activeDeadlineSeconds: deadline };
    interruptions.push({ type: 'deadline', atSeconds: deadline, graceSeconds: grace });
  }

  const actions: Action[] = [];
  if (pending !== undefined) {
    const grace = deleteGraces[0] ?? 1;
    const deadline = interruptions[0];
    // With a deadline too, the delete's whole termination must end before the deadline or begin after the
    // deadline's termination has ended; one block window covers both.
    let avoid = [...lifecycleWindows(sketch.moments), ...terminationShadows(pod, sketch, grace)];
    if (deadline !== undefined) {
      const afterDeadline = sketchWith(sketch, pod, [deadline]);
      const longestPostStart = Math.max(0, ...pod.containers.map((c) => c.postStart?.takesSeconds ?? 0));
      const bound = grace + 3 + 2 * J + longestPostStart;
      avoid = [
        ...lifecycleWindows(afterDeadline.moments),
        ...terminationShadows(pod, afterDeadline, grace),
        { lo: deadline.atSeconds - bound, hi: afterDeadline.stopped?.hi ?? deadline.atSeconds },
      ];
    }
    const anchor = deleteAnchor(sketch, pending, draft.deleteTarget);
    const atSeconds = awayFrom(
      anchor ?? (pending.type === 'delete' ? pending.atSeconds : pending.intoSeconds),
      avoid,
      M,
    );
    actions.push(deleteAction(atSeconds, pending.gracePeriodSeconds));
    interruptions.push({ type: 'delete', atSeconds, graceSeconds: grace });
    const note = deleteNote(sketch, pending, draft.deleteTarget, anchor, atSeconds);
    if (note !== undefined) {
      const index = draft.journal.findIndex((j) => j.fault === pending);
      const entry = draft.journal[index];
      if (entry !== undefined) draft.journal[index] = { ...entry, note };
    }
  }

  const final = sketchWith(sketch, pod, interruptions);
  // observeFor: once everything set in motion has played out (a crash loop: its first restarts), off every window.
  const settled = final.moments.filter((m) => m.settles).reduce((latest, m) => Math.max(latest, m.window.hi), 0);
  const lastAction = actions.reduce((latest, a) => Math.max(latest, a.atSeconds), 0);
  const candidate = Math.max(
    options.minObserveForSeconds ?? 10,
    Math.ceil(settled + M),
    lastAction + M,
    Math.ceil((final.stopped?.hi ?? 0) + M),
  );
  const observeForSeconds = awayFrom(
    candidate,
    final.moments.map((m) => m.window),
    M,
  );
  return { pod, node, actions, observeForSeconds, faults: draft.journal, sketch: final };
}

/** The healthy base every fault plan starts from: the node caches the images of containers with policy Never. */
export function healthyNodeFor(pod: PodSpec, node: NodeWorld): NodeWorld {
  const needed = [...pod.initContainers, ...pod.containers]
    .filter((c) => effectivePullPolicy(c) === 'Never')
    .map((c) => c.image);
  const cached = [...node.cached];
  for (const image of needed) if (!cached.includes(image)) cached.push(image);
  return cached.length === node.cached.length ? node : { ...node, cached };
}
