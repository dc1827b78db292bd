/**
 * Judges a case's `expect` (or `documented`) block against one observation, entry by entry. What the
 * backend could not observe makes that entry `unknown`, never `fail`.
 */
import {
  describeMatcher,
  formatPointRef,
  matches,
  type EventExpectation,
  type Expectation,
  type NumberMatcher,
  type Observation,
  type PointRef,
  type ObservedEvent,
  type ValueMatcher,
} from '../../specs/vocabulary/index.ts';
import { numberPoints, timeOf } from './numbered-points.ts';

export type EntryStatus = 'pass' | 'fail' | 'unknown';

export interface EntryVerdict {
  readonly status: EntryStatus;
  /** the expectation as written, e.g. `containers.app.state` or `order [a.exited, b.started]` */
  readonly expect: string;
  /** what was expected and what was seen */
  readonly message: string;
}

export interface ExpectationVerdict {
  readonly status: EntryStatus;
  readonly entries: ReadonlyArray<EntryVerdict>;
}

function fmt(n: number): string {
  return `${Math.round(n * 1000) / 1000}s`;
}

function value<T>(
  expect: string,
  matcher: ValueMatcher<T> | NumberMatcher,
  actual: T | number | undefined,
): EntryVerdict {
  if (actual === undefined) {
    return { status: 'unknown', expect, message: `expected ${describeMatcher(matcher)}, not observed` };
  }
  return matches(matcher, actual)
    ? { status: 'pass', expect, message: String(actual) }
    : { status: 'fail', expect, message: `expected ${describeMatcher(matcher)}, got ${String(actual)}` };
}

function eventMatches(e: EventExpectation, seen: ObservedEvent): boolean {
  if (!matches(e.reason, seen.reason)) return false;
  if (e.container && (seen.container === undefined || !matches(e.container, seen.container))) return false;
  if (e.message) {
    const text = seen.message ?? '';
    const wanted = e.message.type === 'equals' ? [e.message.value] : e.message.values;
    if (!wanted.some((w) => text.includes(w))) return false;
  }
  return true;
}

function describeEvent(e: EventExpectation): string {
  const parts = [`reason: ${describeMatcher(e.reason)}`];
  if (e.container) parts.push(`container: ${describeMatcher(e.container)}`);
  if (e.message) parts.push(`message: ${describeMatcher(e.message)}`);
  return `{${parts.join(', ')}}`;
}

/** How strictly times are judged. */
export interface ExpectationOptions {
  /**
   * How far apart two observed times may be and still be the same instant, in seconds (the backend's clock
   * resolution, or `--tolerance` for a real node); 0 for the model and `sim`. Timing bounds widen by it, and two
   * points closer than it have no order that can be told, so an `order` entry on them is `unknown`.
   */
  readonly toleranceSeconds?: number;
}

// Float sums such as 9.52 − 7.52 miss a bound by 1e-15; a zero tolerance must still accept them.
const epsilon = 1e-9;

function toleranceText(toleranceSeconds: number): string {
  return toleranceSeconds > 0 ? ` (tolerance ${fmt(toleranceSeconds)})` : '';
}

/** Judges every entry of `expect` against `observation`; fail > unknown > pass. */
export function evaluateExpectation(
  expect: Expectation,
  observation: Observation,
  options: ExpectationOptions = {},
): ExpectationVerdict {
  const tolerance = Math.max(0, options.toleranceSeconds ?? 0);
  const slack = tolerance + epsilon;
  // An observed difference is off by less than the tolerance (a clock of resolution r truncates each time to its
  // tick, so two ticks r apart are certainly in that order): a gap of at least the tolerance orders two points.
  const orderGap = Math.max(tolerance - epsilon, epsilon);
  const entries: EntryVerdict[] = [];
  const final = observation.final;
  if (expect.phase) entries.push(value('phase', expect.phase, final.phase));
  if (expect.gone) entries.push(value('gone', expect.gone, final.gone));
  if (expect.status) entries.push(value('status', expect.status, final.status));
  for (const c of expect.containers) {
    const seen = final.containers?.[c.container];
    const at = `containers.${c.container}`;
    if (c.state) entries.push(value(`${at}.state`, c.state, seen?.state));
    // A running container has no reason, so a running one without a reason shows "none"; a waiting or terminated
    // container always has one in Kubernetes, so there a missing reason was not observed (podman has none at all).
    if (c.reason) {
      const none = seen !== undefined && (seen.state === 'running' || seen.state === undefined) ? '' : undefined;
      entries.push(value(`${at}.reason`, c.reason, seen?.reason ?? none));
    }
    if (c.exitCode) entries.push(value(`${at}.exitCode`, c.exitCode, seen?.exitCode));
    if (c.restartCount) entries.push(value(`${at}.restartCount`, c.restartCount, seen?.restartCount));
    if (c.ready) entries.push(value(`${at}.ready`, c.ready, seen?.ready));
    if (c.everStarted) entries.push(value(`${at}.everStarted`, c.everStarted, seen?.everStarted));
  }
  for (const c of expect.conditions) {
    const seen = final.conditions?.[c.condition];
    const at = `conditions.${c.condition}`;
    if (c.status) entries.push(value(`${at}.status`, c.status, seen?.status));
    if (c.reason) entries.push(value(`${at}.reason`, c.reason, seen ? (seen.reason ?? '') : undefined));
  }
  const times = numberPoints(observation);
  // A point the backend cannot see at all proves nothing by its absence (a podman pod has no postStart marker).
  const hidden = new Set(observation.unobservablePoints ?? []);
  const unseen = (ref: PointRef): boolean => hidden.has(ref.name);
  for (const o of expect.order) {
    const a = formatPointRef(o.before);
    const b = formatPointRef(o.after);
    const expectText = `order [${a}, ${b}]`;
    const ta = timeOf(times, o.before);
    const tb = timeOf(times, o.after);
    if (ta === undefined || tb === undefined) {
      const missing = [ta === undefined ? a : undefined, tb === undefined ? b : undefined]
        .filter(Boolean)
        .join(' and ');
      const blind = (ta === undefined && unseen(o.before)) || (tb === undefined && unseen(o.after));
      entries.push(
        blind
          ? { status: 'unknown', expect: expectText, message: `${missing}: the backend cannot observe it` }
          : { status: 'fail', expect: expectText, message: `${missing} did not occur` },
      );
    } else if (tb - ta >= orderGap) {
      entries.push({ status: 'pass', expect: expectText, message: `${a} at ${fmt(ta)}, ${b} at ${fmt(tb)}` });
    } else if (ta - tb >= orderGap) {
      entries.push({
        status: 'fail',
        expect: expectText,
        message: `${a} at ${fmt(ta)} is not before ${b} at ${fmt(tb)}${toleranceText(tolerance)}`,
      });
    } else {
      // Closer than the tolerance (equal timestamps at least) the clock cannot tell which came first: not refuted.
      entries.push({
        status: 'unknown',
        expect: expectText,
        message: `${a} at ${fmt(ta)} and ${b} at ${fmt(tb)} are too close to be ordered (tolerance ${fmt(tolerance)})`,
      });
    }
  }
  for (const ref of expect.never) {
    const text = formatPointRef(ref);
    const t = timeOf(times, ref);
    entries.push(
      t === undefined
        ? unseen(ref)
          ? { status: 'unknown', expect: `never ${text}`, message: 'the backend cannot observe it' }
          : { status: 'pass', expect: `never ${text}`, message: 'did not occur' }
        : { status: 'fail', expect: `never ${text}`, message: `${text} occurred at ${fmt(t)}` },
    );
  }
  for (const timing of expect.timing) {
    const [a, b] = timing.type === 'from' ? [timing.from, timing.to] : [timing.a, timing.b];
    const label =
      timing.type === 'from'
        ? `timing ${formatPointRef(a)} -> ${formatPointRef(b)}`
        : `timing between [${formatPointRef(a)}, ${formatPointRef(b)}]`;
    const bounds = [
      timing.minSeconds !== undefined ? `min ${fmt(timing.minSeconds)}` : undefined,
      timing.maxSeconds !== undefined ? `max ${fmt(timing.maxSeconds)}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const ta = timeOf(times, a);
    const tb = timeOf(times, b);
    if (ta === undefined || tb === undefined) {
      const missing = [
        ta === undefined ? formatPointRef(a) : undefined,
        tb === undefined ? formatPointRef(b) : undefined,
      ]
        .filter(Boolean)
        .join(' and ');
      const blind = (ta === undefined && unseen(a)) || (tb === undefined && unseen(b));
      entries.push(
        blind
          ? { status: 'unknown', expect: label, message: `${missing}: the backend cannot observe it` }
          : { status: 'fail', expect: label, message: `${missing} did not occur (expected ${bounds})` },
      );
      continue;
    }
    const d = timing.type === 'from' ? tb - ta : Math.abs(tb - ta);
    // A difference of two observed times is off by at most the tolerance: the bounds widen by it.
    const ok =
      (timing.minSeconds === undefined || d >= timing.minSeconds - slack) &&
      (timing.maxSeconds === undefined || d <= timing.maxSeconds + slack);
    entries.push({
      status: ok ? 'pass' : 'fail',
      expect: label,
      message: ok ? fmt(d) : `expected ${bounds}, got ${fmt(d)}${toleranceText(tolerance)}`,
    });
  }
  for (const e of expect.eventsPresent) {
    const label = `events.present ${describeEvent(e)}`;
    if (!observation.events) {
      entries.push({ status: 'unknown', expect: label, message: 'the backend does not report Events' });
      continue;
    }
    const hit = observation.events.some((seen) => eventMatches(e, seen));
    entries.push(
      hit
        ? { status: 'pass', expect: label, message: 'present' }
        : { status: 'fail', expect: label, message: 'no such event' },
    );
  }
  for (const e of expect.eventsAbsent) {
    const label = `events.absent ${describeEvent(e)}`;
    if (!observation.events) {
      entries.push({ status: 'unknown', expect: label, message: 'the backend does not report Events' });
      continue;
    }
    const hit = observation.events.find((seen) => eventMatches(e, seen));
    entries.push(
      hit
        ? { status: 'fail', expect: label, message: `present: ${hit.reason} "${hit.message ?? ''}"` }
        : { status: 'pass', expect: label, message: 'absent' },
    );
  }
  const status: EntryStatus = entries.some((e) => e.status === 'fail')
    ? 'fail'
    : entries.some((e) => e.status === 'unknown')
      ? 'unknown'
      : 'pass';
  return { status, entries };
}
