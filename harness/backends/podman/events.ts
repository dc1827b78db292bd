/**
 * Podman's event log: JSON lines as podman 4.3 writes them with `events_logger = "file"` (the same records
 * `podman events --format json` streams). Only what the observation needs is kept (PODMAN.md §3.2).
 */

/** One event of a container or pod; `exitCode` only on a container's `died` (podman leaves 0 out). */
export interface PodmanEvent {
  readonly type: string;
  /** `create`, `init`, `start`, `died`, `restart`, `cleanup`, `remove`, `stop`, ... */
  readonly status: string;
  /** a container's name (`POD-CONTAINER`, `ID-infra`) or a pod's name */
  readonly name: string;
  readonly epochSeconds: number;
  readonly exitCode?: number;
}

/**
 * RFC 3339 with up to nanoseconds (`2026-12-06T22:15:12.462069005Z`) as epoch seconds; `undefined` when it is not
 * one. Date.parse keeps only milliseconds, so the fraction is added separately. Podman's "never" is year 1.
 */
export function rfc3339ToEpochSeconds(text: string): number | undefined {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) return undefined;
  const whole = Date.parse(`${m[1] ?? ''}${m[3] ?? 'Z'}`);
  if (Number.isNaN(whole)) return undefined;
  const fraction = m[2] === undefined ? 0 : Number(`0.${m[2]}`);
  return whole / 1000 + fraction;
}

/** Whether a parsed time is podman's zero time (a container that never started or never finished). */
export function isZeroTime(epochSeconds: number | undefined): boolean {
  return epochSeconds === undefined || epochSeconds < 0;
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** One line of the log; `undefined` for a line that is not an event of a container or pod (system, image, garbage). */
export function parseEventLine(line: string): PodmanEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  const e = record(parsed);
  if (!e) return undefined;
  const { Type: type, Status: status, Name: name, Time: time, ContainerExitCode: code } = e;
  if (type !== 'container' && type !== 'pod') return undefined;
  if (typeof status !== 'string' || typeof name !== 'string' || typeof time !== 'string') return undefined;
  const epochSeconds = rfc3339ToEpochSeconds(time);
  if (epochSeconds === undefined) return undefined;
  return { type, status, name, epochSeconds, ...(typeof code === 'number' ? { exitCode: code } : {}) };
}

/** Every container/pod event in a chunk of the log whose name is one of `names`, in the order written. */
export function parseEvents(text: string, names: ReadonlySet<string>): PodmanEvent[] {
  const events: PodmanEvent[] = [];
  for (const line of text.split('\n')) {
    // A cheap test first: the log holds every pod's events, most lines are someone else's.
    if (line === '' || ![...names].some((n) => line.includes(`"${n}"`))) continue;
    const event = parseEventLine(line);
    if (event && names.has(event.name)) events.push(event);
  }
  return events;
}
