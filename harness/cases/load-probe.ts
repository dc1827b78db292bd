/** A startup, liveness or readiness probe with Kubernetes' defaults and its `behavior {fails, takes}`. */
import { isMap } from 'yaml';
import type { Probe, ProbeFailing, ProbeType } from '../../specs/vocabulary/index.ts';
import { probeFields } from './k8s-fields.ts';
import { readHandlerAction } from './load-handler-action.ts';
import type { Entries, Field, Reader } from './yaml-reader.ts';

/** Kubernetes' probe defaults (core/v1 Probe). */
export const probeDefaults = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

/** Reads a probe of the given type. */
export function readProbe(reader: Reader, field: Field, probeType: ProbeType): Probe | undefined {
  const before = reader.problems.length;
  const entries = reader.mapping(field, [...probeFields, 'behavior']);
  if (entries === undefined) return undefined;
  const action = readHandlerAction(reader, entries, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  const initialDelaySeconds = int(reader, entries, 'initialDelaySeconds', 0) ?? probeDefaults.initialDelaySeconds;
  const periodSeconds = int(reader, entries, 'periodSeconds', 1) ?? probeDefaults.periodSeconds;
  const timeoutSeconds = int(reader, entries, 'timeoutSeconds', 1) ?? probeDefaults.timeoutSeconds;
  const successThreshold = int(reader, entries, 'successThreshold', 1) ?? probeDefaults.successThreshold;
  const failureThreshold = int(reader, entries, 'failureThreshold', 1) ?? probeDefaults.failureThreshold;
  const successField = entries.get('successThreshold');
  if (successField !== undefined && successThreshold !== 1 && probeType !== 'readinessProbe') {
    reader.report(successField, `must be 1 for a ${probeType} (Kubernetes rejects other values)`);
  }
  const graceField = entries.get('terminationGracePeriodSeconds');
  if (graceField !== undefined && probeType === 'readinessProbe') {
    reader.report(graceField, 'not allowed on a readinessProbe (Kubernetes rejects it)');
  }
  const grace = int(reader, entries, 'terminationGracePeriodSeconds', 1);
  const behaviorField = entries.get('behavior');
  const behavior = behaviorField === undefined ? undefined : reader.mapping(behaviorField, ['fails', 'takes']);
  const failsField = behavior?.get('fails');
  const fails: ProbeFailing | undefined = failsField === undefined ? { type: 'never' } : readFails(reader, failsField);
  const takesField = behavior?.get('takes');
  const takesSeconds = takesField === undefined ? 0 : reader.duration(takesField);
  if (reader.problems.length > before || action === undefined || fails === undefined || takesSeconds === undefined) {
    return undefined;
  }
  return {
    action,
    initialDelaySeconds,
    periodSeconds,
    timeoutSeconds,
    successThreshold,
    failureThreshold,
    ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
    fails,
    takesSeconds,
  };
}

function int(reader: Reader, entries: Entries, key: string, min: number): number | undefined {
  const field = entries.get(key);
  return field === undefined ? undefined : reader.integer(field, min);
}

/** `never` | `always` | `{from: D}` | `{until: D}` | `{afterTerm: D}`. */
function readFails(reader: Reader, field: Field): ProbeFailing | undefined {
  if (!isMap(field.node)) {
    const word = reader.oneOf(field, ['never', 'always'] as const);
    return word === undefined ? undefined : { type: word };
  }
  const kinds = ['from', 'until', 'afterTerm'] as const;
  const entries = reader.mapping(field, kinds);
  if (entries === undefined) return undefined;
  const present = kinds.filter((kind) => entries.has(kind));
  const kind = present[0];
  if (present.length === 0 && entries.unknown.length > 0) return undefined;
  if (present.length !== 1 || kind === undefined) {
    reader.report(field, `write one of never, always, {from: D}, {until: D}, {afterTerm: D}`);
    return undefined;
  }
  const seconds = reader.duration(entries.get(kind) as Field);
  return seconds === undefined ? undefined : { type: kind, seconds };
}
