/**
 * Markers: the lines a compiled pod's scripts append to one shared file, `CONTAINER EVENT EPOCH [DETAIL]`
 * (EPOCH is busybox ash's `$EPOCHREALTIME`, seconds with microseconds from the node's clock). The file lives on
 * a volume that outlives restarts, deleted init containers and the pod itself, so it is the one record of what
 * ran inside the pod; this module turns it into observed points.
 */
import type { ObservedPoint } from '../../../specs/vocabulary/index.ts';

/** What a script marks; each is the name of a container point of FORMAT.md except `exiting`, which is `exited`. */
export const markerEvents = [
  'started',
  'exiting',
  'term',
  'postStart.started',
  'postStart.finished',
  'preStop.started',
  'preStop.finished',
  'startupProbe.ran',
  'livenessProbe.ran',
  'readinessProbe.ran',
] as const;
export type MarkerEvent = (typeof markerEvents)[number];

/** One marker line. `detail` is the exit code of `exiting` and the result (`ok`/`fail`) of a hook or probe. */
export interface Marker {
  readonly container: string;
  readonly event: MarkerEvent;
  readonly epochSeconds: number;
  readonly detail?: string;
}

/** A line that is not a marker: kept so that a broken script is reported, never silently dropped. */
export interface MarkerProblem {
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

const eventSet: ReadonlySet<string> = new Set(markerEvents);

/** Parses a marker file; blank lines are skipped, anything else that is not a marker is a problem. */
export function parseMarkers(text: string): {
  readonly markers: ReadonlyArray<Marker>;
  readonly problems: ReadonlyArray<MarkerProblem>;
} {
  const markers: Marker[] = [];
  const problems: MarkerProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const [container, event, epoch, detail, ...rest] = line.split(/\s+/);
    const problem = (message: string): void => {
      problems.push({ line: index + 1, text: line, message });
    };
    if (container === undefined || event === undefined || epoch === undefined || rest.length > 0) {
      problem('expected CONTAINER EVENT EPOCH [DETAIL]');
    } else if (!eventSet.has(event)) {
      problem(`unknown marker event '${event}'`);
    } else if (!/^\d+(\.\d+)?$/.test(epoch)) {
      problem(`'${epoch}' is not an epoch time in seconds`);
    } else {
      markers.push({
        container,
        event: event as MarkerEvent,
        epochSeconds: Number(epoch),
        ...(detail === undefined ? {} : { detail }),
      });
    }
  });
  return { markers, problems };
}

/**
 * The points the markers show, `t` in seconds since `createdEpochSeconds` (the moment the suite asked for the
 * pod). Points are reported bare (`app.started`): the differ numbers occurrences in time order (FORMAT.md).
 */
export function markerPoints(markers: ReadonlyArray<Marker>, createdEpochSeconds: number): ObservedPoint[] {
  return markers
    .map((m) => ({
      point: `${m.container}.${m.event === 'exiting' ? 'exited' : m.event}`,
      t: round(m.epochSeconds - createdEpochSeconds),
    }))
    .sort((a, b) => a.t - b.t);
}

// Microseconds are all a marker carries; rounding keeps float noise (0.30000000000000004) out of reports.
function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
