/**
 * Keeps the timings inside one container apart by the margin: preStop duration against every grace period that may
 * apply, TERM handling against the stop window left after the preStop, probe boundaries against the tick that
 * decides, and own exits against hooks, probe verdicts and probe-caused kills. Every change only moves a time
 * forward (`awayFrom`), so it is a map, shrinks with its input, and never rejects a value.
 */
import type { Container, Probe, RunBehavior, TermHandling } from '../specs/vocabulary/index.ts';
import { fitHookToGrace } from './hook.ts';
import { effectiveGrace } from './pod-spec.ts';
import { decidingWindow, livenessVerdict, readinessWindows, startedWindow, startupVerdict } from './probe-timing.ts';
import { stopSpan } from './timeline-sketch.ts';
import { STEP_LATENCY_SECONDS as J, TIMING_MARGIN_SECONDS as M, type Window, at, awayFrom, hull } from './timing.ts';

/** The stop window the runtime gives the process after TERM when the kubelet stops it with grace `g` (§5.2). */
export function stopWindowAfterTerm(container: Container, graceSeconds: number): number {
  const preStop = container.preStop !== undefined && graceSeconds > 0 ? container.preStop.takesSeconds : 0;
  return Math.max(graceSeconds - Math.floor(Math.min(preStop, graceSeconds)), 2);
}

/**
 * Every grace period a stop of this container may use: the pod's for its own stop and for in-sync kills (which skip
 * the preStop when it is 0), at least 1 s for pod-level termination, each delete's, and the probes' own.
 */
export function gracesFor(
  container: Container,
  podGraceSeconds: number,
  deleteGraces: ReadonlyArray<number>,
): number[] {
  const graces = new Set<number>([podGraceSeconds, Math.max(1, podGraceSeconds), ...deleteGraces]);
  const liveness = container.livenessProbe?.terminationGracePeriodSeconds;
  const startup = container.startupProbe?.terminationGracePeriodSeconds;
  if (liveness !== undefined) graces.add(liveness);
  if (startup !== undefined) graces.add(startup);
  return [...graces].sort((a, b) => a - b);
}

function withProbeFails(probe: Probe, seconds: number): Probe {
  if (probe.fails.type !== 'from' && probe.fails.type !== 'until') return probe;
  return seconds === probe.fails.seconds ? probe : { ...probe, fails: { type: probe.fails.type, seconds } };
}

function fixProbe(container: Container, type: 'startupProbe' | 'livenessProbe' | 'readinessProbe'): Container {
  const probe = container[type];
  const decide = decidingWindow(container, type);
  if (probe === undefined || decide === undefined) return container;
  if (probe.fails.type !== 'from' && probe.fails.type !== 'until') return container;
  const seconds = awayFrom(probe.fails.seconds, [decide], M);
  return { ...container, [type]: withProbeFails(probe, seconds) };
}

function fixTerm(onTerm: TermHandling, stopWindows: ReadonlyArray<number>, sidecar: boolean): TermHandling {
  if (onTerm.type !== 'exit' || onTerm.afterSeconds === 0) return onTerm;
  // A sidecar's stop window depends on how long the other containers took (§3.4): only an immediate exit or an
  // ignored TERM has an outcome that does not hinge on it.
  if (sidecar) return { ...onTerm, afterSeconds: 0 };
  const afterSeconds = awayFrom(onTerm.afterSeconds, stopWindows.map(at), M);
  return afterSeconds === onTerm.afterSeconds ? onTerm : { ...onTerm, afterSeconds };
}

/** Windows, relative to a run's start, that the run's own exit must stay clear of. */
export function exitMustAvoid(container: Container, run: RunBehavior, podGraceSeconds: number): Window[] {
  const windows: Window[] = [];
  const postStart = container.postStart;
  if (postStart !== undefined) {
    windows.push(at(postStart.takesSeconds));
    if (postStart.result === 'fail') {
      const span = stopSpan(container, run, at(postStart.takesSeconds), podGraceSeconds);
      windows.push(hull(at(postStart.takesSeconds), span.ended));
    }
  }
  const startup = startupVerdict(container);
  if (startup.type !== 'none') windows.push(startup.at);
  if (startup.type === 'failure' || startup.type === 'ambiguous') {
    const grace = container.startupProbe?.terminationGracePeriodSeconds ?? podGraceSeconds;
    windows.push(hull(startup.at, stopSpan(container, run, startup.at, grace).ended));
  }
  if (startup.type === 'success' || startup.type === 'none') {
    const liveness = livenessVerdict(container);
    if (liveness.type === 'failure' || liveness.type === 'ambiguous') {
      const grace = container.livenessProbe?.terminationGracePeriodSeconds ?? podGraceSeconds;
      windows.push(hull(liveness.at, stopSpan(container, run, liveness.at, grace).ended));
    }
  }
  if (startup.type === 'success' || startup.type === 'none') windows.push(...readinessWindows(container));
  // The init container after a sidecar starts only once the sidecar counts as started, one sync later (§3.2): a
  // sidecar that exits before then would make that start a race.
  if (container.role === 'sidecar') windows.push({ lo: 0, hi: startedWindow(container).hi + J });
  return windows;
}

function fixExit(container: Container, run: RunBehavior, podGraceSeconds: number): RunBehavior {
  if (run.exit === undefined) return run;
  const afterSeconds = awayFrom(run.exit.afterSeconds, exitMustAvoid(container, run, podGraceSeconds), M);
  return afterSeconds === run.exit.afterSeconds ? run : { ...run, exit: { ...run.exit, afterSeconds } };
}

/** Applies `f` to every run; returns the very same container when `f` changed nothing (the common case). */
function mapRuns(container: Container, f: (run: RunBehavior) => RunBehavior): Container {
  const { base, restarts } = container.behavior;
  const newBase = f(base);
  let changed = newBase !== base;
  const newRestarts = restarts.map((entry) => {
    const behavior = f(entry.behavior);
    if (behavior === entry.behavior) return entry;
    changed = true;
    return { fromStart: entry.fromStart, behavior };
  });
  return changed ? { ...container, behavior: { base: newBase, restarts: newRestarts } } : container;
}

function hasBoundary(probe: Probe | undefined): boolean {
  return probe !== undefined && (probe.fails.type === 'from' || probe.fails.type === 'until');
}

function hasSlowTerm(run: RunBehavior): boolean {
  return run.onTerm.type === 'exit' && run.onTerm.afterSeconds > 0;
}

/**
 * Whether the harmoniser could move anything: a preStop, a slow TERM exit, a probe boundary, or an own exit with
 * something to stay clear of (a hook, a probe, a sidecar's start gate). Most containers have none, and skipping
 * them keeps generation fast.
 */
function hasTimings(c: Container): boolean {
  const runs = [c.behavior.base, ...c.behavior.restarts.map((entry) => entry.behavior)];
  if (c.preStop !== undefined || runs.some(hasSlowTerm)) return true;
  if (hasBoundary(c.startupProbe) || hasBoundary(c.livenessProbe) || hasBoundary(c.readinessProbe)) return true;
  const exitHasNeighbours =
    c.role === 'sidecar' ||
    c.postStart !== undefined ||
    c.startupProbe !== undefined ||
    c.livenessProbe !== undefined ||
    c.readinessProbe !== undefined;
  return exitHasNeighbours && runs.some((run) => run.exit !== undefined);
}

/** The container with its own timings kept apart, given the pod's grace and the graces of the deletes it will see. */
export function harmoniseContainer(
  original: Container,
  pod: { readonly terminationGracePeriodSeconds?: number },
  deleteGraces: ReadonlyArray<number>,
): Container {
  if (!hasTimings(original)) return original;
  const podGrace = effectiveGrace(pod);
  const graces = gracesFor(original, podGrace, deleteGraces);
  let c = original;
  // 1. preStop duration against every grace under which it runs.
  if (c.preStop !== undefined) {
    const takesSeconds = awayFrom(c.preStop.takesSeconds, graces.filter((g) => g > 0).map(at), M);
    if (takesSeconds !== c.preStop.takesSeconds) {
      const moved =
        c.preStop.action.type === 'sleep'
          ? { ...c.preStop, action: { type: 'sleep' as const, seconds: takesSeconds }, takesSeconds }
          : { ...c.preStop, takesSeconds };
      c = { ...c, preStop: fitHookToGrace(moved, podGrace) };
    }
  }
  // 2. A slow TERM exit against the stop window left under each grace.
  const current = c;
  const stopWindows = graces.map((g) => stopWindowAfterTerm(current, g));
  c = mapRuns(c, (run) => {
    const onTerm = fixTerm(run.onTerm, stopWindows, current.role === 'sidecar');
    return onTerm === run.onTerm ? run : { ...run, onTerm };
  });
  // 3. Probe boundaries against their deciding ticks; startup first, as the others start after it.
  c = fixProbe(c, 'startupProbe');
  c = fixProbe(c, 'livenessProbe');
  c = fixProbe(c, 'readinessProbe');
  // 4. Own exits against hooks, probe verdicts and the kills those cause.
  const probed = c;
  return mapRuns(c, (run) => fixExit(probed, run, podGrace));
}
