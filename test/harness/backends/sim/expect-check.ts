/**
 * A small evaluator of a case's `expect` block against one observation (FORMAT.md "Expectations"),
 * for the sim backend's own tests: each unmet entry comes back as a sentence.
 */
import type {
  EventExpectation,
  Expectation,
  NumberMatcher,
  Observation,
  ObservedEvent,
  PointRef,
  ValueMatcher,
} from '../../../../specs/vocabulary/index.ts';
import { describeMatcher, formatPointRef, matches, pointKey } from '../../../../specs/vocabulary/index.ts';

const epsilon = 1e-6;

/** Every expectation entry the observation does not meet, as text; empty when the case passes. */
export function unmetExpectations(expect: Expectation, obs: Observation): string[] {
  const out: string[] = [];
  const times = pointTimes(obs);
  const at = (ref: PointRef): number | undefined => times.get(pointKey(ref))?.[ref.occurrence - 1];
  const final = obs.final;
  const value = <T>(name: string, m: ValueMatcher<T> | NumberMatcher | undefined, actual: T | undefined): void => {
    if (m === undefined) return;
    if (actual === undefined || !matches(m, actual))
      out.push(`${name}: expected ${describeMatcher(m)}, got ${String(actual)}`);
  };
  value('phase', expect.phase, final.phase);
  value('gone', expect.gone, final.gone);
  value('status', expect.status, final.status);
  for (const c of expect.containers) {
    const got = final.containers?.[c.container];
    value(`${c.container}.state`, c.state, got?.state);
    value(`${c.container}.reason`, c.reason, got?.reason);
    value(`${c.container}.exitCode`, c.exitCode, got?.exitCode);
    value(`${c.container}.restartCount`, c.restartCount, got?.restartCount);
    value(`${c.container}.ready`, c.ready, got?.ready);
    value(`${c.container}.everStarted`, c.everStarted, got?.everStarted);
  }
  for (const c of expect.conditions) {
    const got = final.conditions?.[c.condition];
    value(`conditions.${c.condition}.status`, c.status, got?.status);
    value(`conditions.${c.condition}.reason`, c.reason, got?.reason);
  }
  for (const o of expect.order) {
    const a = at(o.before);
    const b = at(o.after);
    const text = `order [${formatPointRef(o.before)}, ${formatPointRef(o.after)}]`;
    if (a === undefined || b === undefined)
      out.push(`${text}: ${a === undefined ? formatPointRef(o.before) : formatPointRef(o.after)} did not occur`);
    else if (!(a < b)) out.push(`${text}: ${a} is not before ${b}`);
  }
  for (const ref of expect.never) {
    const t = at(ref);
    if (t !== undefined) out.push(`never ${formatPointRef(ref)}: it occurred at ${t}`);
  }
  for (const timing of expect.timing) {
    const [from, to] = timing.type === 'from' ? [timing.from, timing.to] : [timing.a, timing.b];
    const a = at(from);
    const b = at(to);
    const text = `timing ${timing.type} ${formatPointRef(from)} -> ${formatPointRef(to)}`;
    if (a === undefined || b === undefined) {
      out.push(`${text}: ${a === undefined ? formatPointRef(from) : formatPointRef(to)} did not occur`);
      continue;
    }
    const d = timing.type === 'from' ? b - a : Math.abs(b - a);
    if (timing.minSeconds !== undefined && d < timing.minSeconds - epsilon)
      out.push(`${text}: ${d} < min ${timing.minSeconds}`);
    if (timing.maxSeconds !== undefined && d > timing.maxSeconds + epsilon)
      out.push(`${text}: ${d} > max ${timing.maxSeconds}`);
  }
  const events = obs.events ?? [];
  for (const e of expect.eventsPresent) {
    if (!events.some((ev) => eventMatches(e, ev))) out.push(`event present ${describeEvent(e)}: none`);
  }
  for (const e of expect.eventsAbsent) {
    const hit = events.find((ev) => eventMatches(e, ev));
    if (hit !== undefined)
      out.push(`event absent ${describeEvent(e)}: seen at ${String(hit.t)} "${hit.message ?? ''}"`);
  }
  return out;
}

/** Times of each point key, in occurrence order. */
export function pointTimes(obs: Observation): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const p of obs.points) {
    const list = times.get(p.point);
    if (list === undefined) times.set(p.point, [p.t]);
    else list.push(p.t);
  }
  return times;
}

function eventMatches(e: EventExpectation, ev: ObservedEvent): boolean {
  if (!matches(e.reason, ev.reason)) return false;
  if (e.container !== undefined && (ev.container === undefined || !matches(e.container, ev.container))) return false;
  if (e.message !== undefined) {
    const text = ev.message ?? '';
    const wanted = e.message.type === 'equals' ? [e.message.value] : e.message.values;
    if (!wanted.some((w) => text.includes(w))) return false;
  }
  return true;
}

function describeEvent(e: EventExpectation): string {
  const parts = [`reason ${describeMatcher(e.reason)}`];
  if (e.container !== undefined) parts.push(`container ${describeMatcher(e.container)}`);
  if (e.message !== undefined) parts.push(`message ${describeMatcher(e.message)}`);
  return `{${parts.join(', ')}}`;
}
