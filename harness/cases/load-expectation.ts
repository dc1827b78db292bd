/** The `expect` and `documented` blocks of a case (FORMAT.md "Expectations"). */
import {
  conditionTypes,
  containerStateNames,
  phases,
  type ConditionExpectation,
  type ConditionStatus,
  type ConditionType,
  type ContainerExpectation,
  type ContainerStateName,
  type EventExpectation,
  type Expectation,
  type OrderExpectation,
  type TimingExpectation,
} from '../../specs/vocabulary/index.ts';
import { quote } from './describe-value.ts';
import { readNumberMatcher, readValueMatcher } from './load-matcher.ts';
import { checkContainerName, readPoint, readPoints, type KnownContainers } from './load-point.ts';
import type { Entries, Field, Reader } from './yaml-reader.ts';

/** `documented` blocks quote what documents claim, so their values may lie outside Kubernetes' enums. */
export interface ExpectationOptions {
  readonly known: KnownContainers;
  readonly documented: boolean;
}

const expectationKeys = ['phase', 'gone', 'status', 'containers', 'conditions', 'order', 'never', 'timing', 'events'];
const containerKeys = ['state', 'reason', 'exitCode', 'restartCount', 'ready', 'everStarted'];
const conditionStatuses: ReadonlyArray<ConditionStatus> = ['True', 'False', 'Unknown'];

/** Reads an expectation block; `undefined` when it has problems (all of them reported). */
export function readExpectation(reader: Reader, field: Field, options: ExpectationOptions): Expectation | undefined {
  const before = reader.problems.length;
  const entries = reader.mapping(field, expectationKeys);
  if (entries === undefined) return undefined;
  const phase = optional(entries, 'phase', (f) =>
    readValueMatcher(reader, f, (v) => (options.documented ? reader.string(v) : reader.oneOf(v, phases))),
  );
  const gone = optional(entries, 'gone', (f) => readValueMatcher(reader, f, (v) => reader.boolean(v)));
  const status = optional(entries, 'status', (f) => readValueMatcher(reader, f, (v) => reader.string(v)));
  const containers = optional(entries, 'containers', (f) => readContainers(reader, f, options)) ?? [];
  const conditions = optional(entries, 'conditions', (f) => readConditions(reader, f, options)) ?? [];
  const order = optional(entries, 'order', (f) => readOrder(reader, f, options.known)) ?? [];
  const never = optional(entries, 'never', (f) => readPoints(reader, f, options.known)) ?? [];
  const timing = optional(entries, 'timing', (f) => readTiming(reader, f, options.known)) ?? [];
  const events = optional(entries, 'events', (f) => readEvents(reader, f, options.known));
  if (reader.problems.length > before) return undefined;
  return {
    ...(phase === undefined ? {} : { phase }),
    ...(gone === undefined ? {} : { gone }),
    ...(status === undefined ? {} : { status }),
    containers,
    conditions,
    order,
    never,
    timing,
    eventsPresent: events?.present ?? [],
    eventsAbsent: events?.absent ?? [],
  };
}

function optional<T>(entries: Entries, key: string, read: (field: Field) => T | undefined): T | undefined {
  const field = entries.get(key);
  return field === undefined ? undefined : read(field);
}

function readContainers(
  reader: Reader,
  field: Field,
  options: ExpectationOptions,
): ReadonlyArray<ContainerExpectation> | undefined {
  const entries = reader.entries(field);
  if (entries === undefined) return undefined;
  const result: ContainerExpectation[] = [];
  for (const [name, value] of entries.fields) {
    checkContainerName(
      reader,
      { path: value.path, line: entries.keyLines.get(name) ?? value.line, node: null },
      name,
      options.known,
    );
    const keys = reader.mapping(value, containerKeys);
    if (keys === undefined) continue;
    const state = optional(keys, 'state', (f) =>
      readValueMatcher(reader, f, (v) =>
        // A document's claim may name a state Kubernetes does not have; it is kept as written.
        options.documented
          ? (reader.string(v) as ContainerStateName | undefined)
          : reader.oneOf(v, containerStateNames),
      ),
    );
    const reason = optional(keys, 'reason', (f) => readValueMatcher(reader, f, (v) => reader.string(v)));
    const exitCode = optional(keys, 'exitCode', (f) => readNumberMatcher(reader, f, (v) => reader.integer(v, 0, 255)));
    const restartCount = optional(keys, 'restartCount', (f) =>
      readNumberMatcher(reader, f, (v) => reader.integer(v, 0)),
    );
    const ready = optional(keys, 'ready', (f) => readValueMatcher(reader, f, (v) => reader.boolean(v)));
    const everStarted = optional(keys, 'everStarted', (f) => readValueMatcher(reader, f, (v) => reader.boolean(v)));
    result.push({
      container: name,
      ...(state === undefined ? {} : { state }),
      ...(reason === undefined ? {} : { reason }),
      ...(exitCode === undefined ? {} : { exitCode }),
      ...(restartCount === undefined ? {} : { restartCount }),
      ...(ready === undefined ? {} : { ready }),
      ...(everStarted === undefined ? {} : { everStarted }),
    });
  }
  return result;
}

function readConditions(
  reader: Reader,
  field: Field,
  options: ExpectationOptions,
): ReadonlyArray<ConditionExpectation> | undefined {
  const entries = reader.entries(field);
  if (entries === undefined) return undefined;
  const result: ConditionExpectation[] = [];
  for (const [name, value] of entries.fields) {
    const keyAt = { path: value.path, line: entries.keyLines.get(name) ?? value.line };
    if (!options.documented && !(conditionTypes as ReadonlyArray<string>).includes(name)) {
      reader.report(keyAt, `unknown condition ${quote(name)} (known: ${conditionTypes.join(', ')})`);
    }
    const keys = reader.mapping(value, ['status', 'reason']);
    if (keys === undefined) continue;
    const status = optional(keys, 'status', (f) =>
      readValueMatcher(reader, f, (v) => readConditionStatus(reader, v, options.documented)),
    );
    const reason = optional(keys, 'reason', (f) => readValueMatcher(reader, f, (v) => reader.string(v)));
    result.push({
      // As with states, a documented claim may name a condition Kubernetes does not set.
      condition: name as ConditionType,
      ...(status === undefined ? {} : { status }),
      ...(reason === undefined ? {} : { reason }),
    });
  }
  return result;
}

function readConditionStatus(reader: Reader, field: Field, documented: boolean): ConditionStatus | undefined {
  const value = reader.scalar(field, 'True, False or Unknown');
  // YAML reads an unquoted True/False as a boolean; the meaning is unambiguous, so it is accepted.
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === undefined) return undefined;
  if (documented) return reader.string(field) as ConditionStatus | undefined;
  return reader.oneOf(field, conditionStatuses);
}

function readOrder(reader: Reader, field: Field, known: KnownContainers): ReadonlyArray<OrderExpectation> | undefined {
  const items = reader.list(field);
  if (items === undefined) return undefined;
  const result: OrderExpectation[] = [];
  for (const item of items) {
    const points = reader.list(item);
    if (points === undefined) continue;
    if (points.length !== 2) {
      reader.report(item, `an order entry is a pair [before, after]; found ${points.length} point(s)`);
      continue;
    }
    const [beforeField, afterField] = points as [Field, Field];
    const before = readPoint(reader, beforeField, known);
    const after = readPoint(reader, afterField, known);
    if (before !== undefined && after !== undefined) result.push({ before, after });
  }
  return result;
}

function readTiming(
  reader: Reader,
  field: Field,
  known: KnownContainers,
): ReadonlyArray<TimingExpectation> | undefined {
  const items = reader.list(field);
  if (items === undefined) return undefined;
  const result: TimingExpectation[] = [];
  for (const item of items) {
    const entry = readTimingEntry(reader, item, known);
    if (entry !== undefined) result.push(entry);
  }
  return result;
}

function readTimingEntry(reader: Reader, field: Field, known: KnownContainers): TimingExpectation | undefined {
  const entries = reader.mapping(field, ['from', 'to', 'between', 'min', 'max']);
  if (entries === undefined) return undefined;
  const minField = entries.get('min');
  const maxField = entries.get('max');
  const minSeconds = minField === undefined ? undefined : reader.duration(minField);
  const maxSeconds = maxField === undefined ? undefined : reader.duration(maxField);
  if (minSeconds !== undefined && maxSeconds !== undefined && minSeconds > maxSeconds) {
    reader.report(field, `min ${minSeconds}s is greater than max ${maxSeconds}s`);
  }
  const bounds = {
    ...(minSeconds === undefined ? {} : { minSeconds }),
    ...(maxSeconds === undefined ? {} : { maxSeconds }),
  };
  const between = entries.get('between');
  if (between !== undefined) {
    if (entries.has('from') || entries.has('to')) {
      reader.report(field, 'write either from/to or between, not both');
      return undefined;
    }
    const points = readPoints(reader, between, known);
    if (points === undefined) return undefined;
    if (points.length !== 2) {
      reader.report(between, `between takes two points; found ${points.length}`);
      return undefined;
    }
    const [a, b] = points as [(typeof points)[0], (typeof points)[0]];
    return { type: 'between', a, b, ...bounds };
  }
  if (!entries.has('from') && !entries.has('to')) {
    reader.report(field, 'a timing entry needs from and to, or between: [a, b]');
    return undefined;
  }
  const fromField = entries.require('from');
  const toField = entries.require('to');
  const from = fromField === undefined ? undefined : readPoint(reader, fromField, known);
  const to = toField === undefined ? undefined : readPoint(reader, toField, known);
  if (from === undefined || to === undefined) return undefined;
  return { type: 'from', from, to, ...bounds };
}

function readEvents(
  reader: Reader,
  field: Field,
  known: KnownContainers,
): { readonly present: ReadonlyArray<EventExpectation>; readonly absent: ReadonlyArray<EventExpectation> } | undefined {
  const entries = reader.mapping(field, ['present', 'absent']);
  if (entries === undefined) return undefined;
  return {
    present: optional(entries, 'present', (f) => readEventList(reader, f, known)) ?? [],
    absent: optional(entries, 'absent', (f) => readEventList(reader, f, known)) ?? [],
  };
}

function readEventList(
  reader: Reader,
  field: Field,
  known: KnownContainers,
): ReadonlyArray<EventExpectation> | undefined {
  const items = reader.list(field);
  if (items === undefined) return undefined;
  const result: EventExpectation[] = [];
  for (const item of items) {
    const entries = reader.mapping(item, ['reason', 'container', 'message']);
    if (entries === undefined) continue;
    const reasonField = entries.require('reason');
    const reason =
      reasonField === undefined ? undefined : readValueMatcher(reader, reasonField, (v) => reader.string(v));
    const container = optional(entries, 'container', (f) =>
      readValueMatcher(reader, f, (v) => {
        const name = reader.string(v);
        return name !== undefined && checkContainerName(reader, v, name, known) ? name : undefined;
      }),
    );
    const message = optional(entries, 'message', (f) => readValueMatcher(reader, f, (v) => reader.string(v)));
    if (reason === undefined) continue;
    result.push({
      reason,
      ...(container === undefined ? {} : { container }),
      ...(message === undefined ? {} : { message }),
    });
  }
  return result;
}
