/**
 * Reads an observation sent by an implementation under test (FORMAT.md "Observations and the exec:
 * protocol") into the typed `Observation`, every problem a value naming the field, never a throw.
 */
import {
  containerStateNames,
  parsePointRef,
  type ConditionStatus,
  type ContainerStateName,
  type EventType,
  type Observation,
  type ObservedCondition,
  type ObservedContainer,
  type ObservedEvent,
  type ObservedFinal,
  type ObservedPoint,
} from '../../../specs/vocabulary/index.ts';

/** The observation, or every problem found in it. */
export type ObservationParse =
  | { readonly status: 'ok'; readonly observation: Observation }
  | { readonly status: 'invalid'; readonly problems: ReadonlyArray<string> };

type Obj = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const conditionStatuses: ReadonlyArray<ConditionStatus> = ['True', 'False', 'Unknown'];
const eventTypes: ReadonlyArray<EventType> = ['Normal', 'Warning'];

/** Collects problems while reading optional, typed fields of one object. */
class Reader {
  readonly problems: string[] = [];

  time(at: string, value: unknown): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    this.problems.push(`${at}: expected a number of seconds >= 0, got ${show(value)}`);
    return undefined;
  }

  optional<T>(at: string, value: unknown, check: (v: unknown) => v is T, expected: string): T | undefined {
    if (value === undefined) return undefined;
    if (check(value)) return value;
    this.problems.push(`${at}: expected ${expected}, got ${show(value)}`);
    return undefined;
  }

  object(at: string, value: unknown): Obj | undefined {
    if (isObject(value)) return value;
    this.problems.push(`${at}: expected an object, got ${show(value)}`);
    return undefined;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isCount = (v: unknown): v is number => isInteger(v) && v >= 0;
const isState = (v: unknown): v is ContainerStateName => (containerStateNames as ReadonlyArray<unknown>).includes(v);
const isConditionStatus = (v: unknown): v is ConditionStatus =>
  (conditionStatuses as ReadonlyArray<unknown>).includes(v);
const isEventType = (v: unknown): v is EventType => (eventTypes as ReadonlyArray<unknown>).includes(v);

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readPoints(r: Reader, value: unknown): ObservedPoint[] {
  if (!Array.isArray(value)) {
    r.problems.push(`points: expected a list, got ${show(value)}`);
    return [];
  }
  const points: ObservedPoint[] = [];
  value.forEach((item: unknown, i) => {
    const at = `points[${i}]`;
    const p = r.object(at, item);
    if (!p) return;
    const name = p['point'];
    let ok = false;
    if (typeof name !== 'string') {
      r.problems.push(`${at}.point: expected a point such as "app.started", got ${show(name)}`);
    } else {
      const parsed = parsePointRef(name);
      if (parsed.status === 'error') r.problems.push(`${at}.point: ${parsed.message}`);
      else ok = true;
    }
    const t = r.time(`${at}.t`, p['t']);
    if (ok && typeof name === 'string' && t !== undefined) points.push({ point: name, t });
  });
  return points;
}

function readContainer(r: Reader, at: string, value: unknown): ObservedContainer | undefined {
  const c = r.object(at, value);
  if (!c) return undefined;
  return {
    ...defined('state', r.optional(`${at}.state`, c['state'], isState, 'waiting, running or terminated')),
    ...defined('reason', r.optional(`${at}.reason`, c['reason'], isString, 'a string')),
    ...defined('exitCode', r.optional(`${at}.exitCode`, c['exitCode'], isInteger, 'a whole number')),
    ...defined('restartCount', r.optional(`${at}.restartCount`, c['restartCount'], isCount, 'a whole number >= 0')),
    ...defined('ready', r.optional(`${at}.ready`, c['ready'], isBoolean, 'true or false')),
    ...defined('everStarted', r.optional(`${at}.everStarted`, c['everStarted'], isBoolean, 'true or false')),
  };
}

function readCondition(r: Reader, at: string, value: unknown): ObservedCondition | undefined {
  const c = r.object(at, value);
  if (!c) return undefined;
  const status = c['status'];
  if (!isConditionStatus(status)) {
    r.problems.push(`${at}.status: expected "True", "False" or "Unknown", got ${show(status)}`);
    return undefined;
  }
  return { status, ...defined('reason', r.optional(`${at}.reason`, c['reason'], isString, 'a string')) };
}

function readRecord<T>(
  r: Reader,
  at: string,
  value: unknown,
  read: (at: string, v: unknown) => T | undefined,
): Record<string, T> | undefined {
  if (value === undefined) return undefined;
  const o = r.object(at, value);
  if (!o) return undefined;
  const out: Record<string, T> = {};
  for (const [key, v] of Object.entries(o)) {
    const item = read(`${at}.${key}`, v);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

function readFinal(r: Reader, value: unknown): ObservedFinal {
  const f = r.object('final', value);
  if (!f) return {};
  const conditions = readRecord(r, 'final.conditions', f['conditions'], (at, v) => readCondition(r, at, v));
  const containers = readRecord(r, 'final.containers', f['containers'], (at, v) => readContainer(r, at, v));
  return {
    ...defined('phase', r.optional('final.phase', f['phase'], isString, 'a string')),
    ...defined('status', r.optional('final.status', f['status'], isString, 'a string')),
    ...defined('gone', r.optional('final.gone', f['gone'], isBoolean, 'true or false')),
    ...defined('conditions', conditions),
    ...defined('containers', containers),
  };
}

function readEvents(r: Reader, value: unknown): ObservedEvent[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    r.problems.push(`events: expected a list, got ${show(value)}`);
    return undefined;
  }
  const events: ObservedEvent[] = [];
  value.forEach((item: unknown, i) => {
    const at = `events[${i}]`;
    const e = r.object(at, item);
    if (!e) return;
    const reason = e['reason'];
    if (typeof reason !== 'string' || reason === '') {
      r.problems.push(`${at}.reason: expected a non-empty string, got ${show(reason)}`);
      return;
    }
    const t = e['t'] === undefined ? undefined : r.time(`${at}.t`, e['t']);
    events.push({
      reason,
      ...defined('container', r.optional(`${at}.container`, e['container'], isString, 'a string')),
      ...defined('type', r.optional(`${at}.type`, e['type'], isEventType, 'Normal or Warning')),
      ...defined('message', r.optional(`${at}.message`, e['message'], isString, 'a string')),
      ...defined('t', t),
    });
  });
  return events;
}

/** Validates an observation's shape and numbers; unknown keys are ignored so the format can grow. */
export function parseObservation(value: unknown): ObservationParse {
  const r = new Reader();
  const o = r.object('observation', value);
  if (!o) return { status: 'invalid', problems: r.problems };
  const points = readPoints(r, o['points']);
  const final = readFinal(r, o['final']);
  const events = readEvents(r, o['events']);
  // clock is optional: without it the times are taken as exact and the tolerance is the backend's alone.
  let resolution = 0;
  const clock = o['clock'] === undefined ? undefined : r.object('clock', o['clock']);
  if (clock) {
    const res = clock['resolution'];
    if (typeof res === 'number' && Number.isFinite(res) && res >= 0) resolution = res;
    else r.problems.push(`clock.resolution: expected a number of seconds >= 0, got ${show(res)}`);
  }
  if (r.problems.length > 0) return { status: 'invalid', problems: r.problems };
  return {
    status: 'ok',
    observation: { points, final, ...(events === undefined ? {} : { events }), clock: { resolution } },
  };
}
