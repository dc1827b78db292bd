/**
 * When a probe decides something, as windows of seconds since the container's current start. Generators use these
 * to keep probe boundaries, exits and other timings apart; they are deliberately wide (a probe worker's ticks are
 * not aligned with the container's start, KUBELET-FACTS §6.2) and are not a prediction.
 */
import type { Container, Probe, ProbeFailing } from '../specs/vocabulary/index.ts';
import { STEP_LATENCY_SECONDS as J, TIMING_MARGIN_SECONDS as M, type Window, later, plus } from './timing.ts';

/** What a probe plan leads to, relative to the container's start. */
export type ProbeVerdict =
  | { readonly type: 'none' }
  | { readonly type: 'success'; readonly at: Window }
  | { readonly type: 'failure'; readonly at: Window }
  /** the plan's boundary is too close to the tick that decides: either could happen on a real node */
  | { readonly type: 'ambiguous'; readonly at: Window };

/**
 * The n-th probe tick at or after a moment in `from`: the worker's ticker started before the container did, so the
 * first tick may come up to one period later; each further tick one period after.
 */
export function nthTick(from: Window, n: number, periodSeconds: number): Window {
  return { lo: from.lo + (n - 1) * periodSeconds, hi: from.hi + n * periodSeconds };
}

/** A run that takes longer than the timeout fails whatever its plan says. */
export function effectiveFails(probe: Probe): ProbeFailing {
  return probe.takesSeconds > probe.timeoutSeconds ? { type: 'always' } : probe.fails;
}

/**
 * From when probes can run: the probe worker reads the container's state from the status the pod worker writes,
 * which shows the container running only after the sync that started it has returned — after its postStart hook
 * (KUBELET-FACTS §1.3, §6.2: a worker that finds no running container yet just retries).
 */
export function probingFrom(container: Container): Window {
  const postStart = container.postStart?.takesSeconds ?? 0;
  return { lo: postStart, hi: postStart + J };
}

/** Where a `from`/`until` boundary at `seconds` would flip the outcome decided at `decide` (margins added). */
export function boundaryWindow(decide: Window): Window {
  return { lo: decide.lo - M, hi: decide.hi + M };
}

function published(tick: Window): Window {
  // The result reaches the pod worker through a sync: up to one step later.
  return plus(tick, { lo: 0, hi: J });
}

/** The moment the startup probe decides, success or failure; `none` without a startup probe. */
export function startupVerdict(container: Container): ProbeVerdict {
  const probe = container.startupProbe;
  if (probe === undefined) return { type: 'none' };
  const eligible = later(probingFrom(container), probe.initialDelaySeconds);
  const first = nthTick(eligible, 1, probe.periodSeconds);
  const last = nthTick(eligible, probe.failureThreshold, probe.periodSeconds);
  const fails = effectiveFails(probe);
  switch (fails.type) {
    case 'never':
    case 'afterTerm':
      return { type: 'success', at: published(first) };
    case 'always':
      return { type: 'failure', at: published(last) };
    case 'until': {
      // Fewer than failureThreshold failing ticks before the boundary: it succeeds (late); else it fails.
      if (fails.seconds + M <= last.lo) {
        return { type: 'success', at: published(nthTick(later(eligible, fails.seconds), 1, probe.periodSeconds)) };
      }
      if (fails.seconds >= last.hi + M) return { type: 'failure', at: published(last) };
      return { type: 'ambiguous', at: published(last) };
    }
    case 'from':
      if (fails.seconds >= first.hi + M) return { type: 'success', at: published(first) };
      if (fails.seconds + M <= first.lo) return { type: 'failure', at: published(last) };
      return { type: 'ambiguous', at: published({ lo: first.lo, hi: last.hi }) };
  }
}

/** When the container counts as started (liveness and readiness probing begin), relative to its start. */
export function startedWindow(container: Container): Window {
  const verdict = startupVerdict(container);
  return verdict.type === 'success' ? verdict.at : probingFrom(container);
}

/** When a failing liveness probe makes the kubelet kill the container; `none` if its plan never gets there. */
export function livenessVerdict(container: Container): ProbeVerdict {
  const probe = container.livenessProbe;
  if (probe === undefined) return { type: 'none' };
  const eligible = later(startedWindow(container), probe.initialDelaySeconds);
  const fails = effectiveFails(probe);
  const threshold = (from: Window): Window => nthTick(from, probe.failureThreshold, probe.periodSeconds);
  switch (fails.type) {
    case 'never':
    case 'afterTerm':
      return { type: 'none' };
    case 'always':
      return { type: 'failure', at: published(threshold(eligible)) };
    case 'from':
      return { type: 'failure', at: published(threshold(later(eligible, fails.seconds))) };
    case 'until': {
      const decide = threshold(eligible);
      if (fails.seconds >= decide.hi + M) return { type: 'failure', at: published(decide) };
      if (fails.seconds + M <= decide.lo) return { type: 'none' };
      return { type: 'ambiguous', at: published(decide) };
    }
  }
}

/** Windows in which the container's readiness may change (only what is seen at `observeFor` depends on them). */
export function readinessWindows(container: Container): ReadonlyArray<Window> {
  const probe = container.readinessProbe;
  if (probe === undefined) return [];
  const eligible = later(startedWindow(container), probe.initialDelaySeconds);
  const fails = effectiveFails(probe);
  const ready = (from: Window): Window => published(nthTick(from, probe.successThreshold, probe.periodSeconds));
  const unready = (from: Window): Window => published(nthTick(from, probe.failureThreshold, probe.periodSeconds));
  switch (fails.type) {
    case 'never':
    case 'afterTerm':
      return [ready(eligible)];
    case 'always':
      return [];
    case 'until':
      return [ready(later(eligible, fails.seconds))];
    case 'from':
      return [ready(eligible), unready(later(eligible, fails.seconds))];
  }
}

/**
 * The window a probe plan's boundary must stay out of, or `undefined` when the plan has no boundary that can flip
 * an outcome: for startup `until`/`from` and liveness `until` the tick that decides success against failure; for
 * readiness `from` the tick at which the container first becomes ready.
 */
export function decidingWindow(
  container: Container,
  type: 'startupProbe' | 'livenessProbe' | 'readinessProbe',
): Window | undefined {
  const probe = container[type];
  if (probe === undefined) return undefined;
  const fails = effectiveFails(probe);
  if (fails.type !== 'from' && fails.type !== 'until') return undefined;
  switch (type) {
    case 'startupProbe': {
      const eligible = later(probingFrom(container), probe.initialDelaySeconds);
      return fails.type === 'until'
        ? nthTick(eligible, probe.failureThreshold, probe.periodSeconds)
        : nthTick(eligible, 1, probe.periodSeconds);
    }
    case 'livenessProbe': {
      if (fails.type !== 'until') return undefined;
      const eligible = later(startedWindow(container), probe.initialDelaySeconds);
      return nthTick(eligible, probe.failureThreshold, probe.periodSeconds);
    }
    case 'readinessProbe': {
      if (fails.type !== 'from') return undefined;
      const eligible = later(startedWindow(container), probe.initialDelaySeconds);
      return nthTick(eligible, probe.successThreshold, probe.periodSeconds);
    }
  }
}
