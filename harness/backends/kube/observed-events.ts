/**
 * Events as the cluster recorded them, turned into observed Events: only those about the scenario's pod, each
 * with the container its `involvedObject.fieldPath` names, its time since pod creation and its message in the
 * case's namespace. A core/v1 Event that the recorder aggregated (`count` > 1, or `series`) stands for several
 * occurrences: the first at `firstTimestamp`, the last at `lastTimestamp`, those in between without a time.
 */
import type { EventType, ObservedEvent } from '../../../specs/vocabulary/index.ts';
import { translateNamespace } from './namespace-translation.ts';
import { timestampSeconds, type WireEvent } from './wire.ts';

/**
 * The container an Event is about: the kubelet sets `fieldPath` to `spec.containers{NAME}`,
 * `spec.initContainers{NAME}` or `spec.ephemeralContainers{NAME}` (ref.GetPartialReference); a pod-level Event
 * (Scheduled, a sandbox failure) has none.
 */
export function eventContainer(fieldPath: string | undefined): string | undefined {
  if (fieldPath === undefined) return undefined;
  const match = /^spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}$/.exec(fieldPath);
  return match?.[1];
}

/** What identifies the scenario's pod and the times to measure from. */
export interface EventContext {
  readonly podName: string;
  /** the pod's UID once it was seen; Events about an earlier pod of the same name are then left out */
  readonly podUid?: string;
  readonly suiteNamespace: string;
  readonly caseNamespace: string | undefined;
  /** the client's clock when the suite asked for the pod (pod.created), in epoch seconds */
  readonly createdEpochSeconds: number;
}

function eventType(type: string | undefined): EventType | undefined {
  return type === 'Normal' || type === 'Warning' ? type : undefined;
}

/** When the Event first happened: `eventTime` (events.k8s.io writers), else `firstTimestamp`, else `lastTimestamp`. */
function firstSeconds(e: WireEvent): number | undefined {
  return timestampSeconds(e.eventTime) ?? timestampSeconds(e.firstTimestamp) ?? timestampSeconds(e.lastTimestamp);
}

function lastSeconds(e: WireEvent): number | undefined {
  return timestampSeconds(e.series?.lastObservedTime) ?? timestampSeconds(e.lastTimestamp) ?? firstSeconds(e);
}

function occurrences(e: WireEvent): number {
  const n = e.series?.count ?? e.count ?? 1;
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

// Event times are whole seconds (MicroTime is rarer); three decimals keep float noise out of reports.
function since(epochSeconds: number | undefined, created: number): number | undefined {
  return epochSeconds === undefined ? undefined : Math.round((epochSeconds - created) * 1000) / 1000;
}

/** The observed Events of the scenario's pod, in time order (occurrences without a time after those with one). */
export function observedEvents(events: ReadonlyArray<WireEvent>, ctx: EventContext): ObservedEvent[] {
  const out: Array<{ readonly e: ObservedEvent; readonly order: number }> = [];
  for (const e of events) {
    const about = e.involvedObject;
    if (about.kind !== undefined && about.kind !== 'Pod') continue;
    if (about.name !== ctx.podName) continue;
    if (ctx.podUid !== undefined && about.uid !== undefined && about.uid !== '' && about.uid !== ctx.podUid) continue;
    if (e.reason === undefined || e.reason === '') continue;
    const container = eventContainer(about.fieldPath);
    const type = eventType(e.type);
    const message =
      e.message === undefined ? undefined : translateNamespace(e.message, ctx.suiteNamespace, ctx.caseNamespace);
    const base: ObservedEvent = {
      reason: e.reason,
      ...(container === undefined ? {} : { container }),
      ...(type === undefined ? {} : { type }),
      ...(message === undefined ? {} : { message }),
    };
    const count = occurrences(e);
    const first = since(firstSeconds(e), ctx.createdEpochSeconds);
    const last = since(lastSeconds(e), ctx.createdEpochSeconds);
    for (let i = 0; i < count; i++) {
      const t = i === 0 ? first : i === count - 1 ? last : undefined;
      out.push({ e: t === undefined ? base : { ...base, t }, order: t ?? Number.POSITIVE_INFINITY });
    }
  }
  // A stable sort keeps the API's order among Events of the same second.
  return out.sort((a, b) => (a.order === b.order ? 0 : a.order < b.order ? -1 : 1)).map((x) => x.e);
}
