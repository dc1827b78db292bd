/**
 * One scenario's observation on a cluster, assembled from what the run recorded: the client's clock at pod
 * creation and at each delete request, the pod watch, the Events, and the marker file read from the node.
 *
 * Where each part comes from:
 * - `pod.created`, `pod.deleteRequested`: the client's clock just before the API call (t = 0 is pod.created);
 * - `C.started`, `C.exited`, `C.term`, hooks and probe runs: the markers ($EPOCHREALTIME on the node's clock);
 *   an exit no script could mark (SIGKILL) is estimated from the API's finishedAt (unmarked-exits.ts);
 * - `C.ready`/`C.unready`, `C.startupProbe.succeeded`, `pod.initialized`, `pod.ready`/`pod.unready`, `pod.gone`:
 *   watch arrival times (watch-points.ts);
 * - final state: the last pod object (final-state.ts); Events: core/v1 Events (observed-events.ts).
 * Pulls (`pullStarted`, `pulled`, `pullFailed`), `C.created` and `C.kill` have no source finer than an Event's
 * whole second (and a SIGKILLed process cannot mark anything), so they are declared unobservable rather than
 * guessed: a check on them is `unknown`, the Events themselves are still judged.
 */
import type { Observation, ObservedPoint } from '../../../specs/vocabulary/index.ts';
import { markerPoints, parseMarkers } from '../manifest/markers.ts';
import { finalState } from './final-state.ts';
import { statusOverTime } from './status-over-time.ts';
import { observedEvents } from './observed-events.ts';
import { unmarkedExits } from './unmarked-exits.ts';
import { watchPoints, type WatchDelivery } from './watch-points.ts';
import type { WireEvent, WirePod } from './wire.ts';

/** Point names a cluster never shows with a usable time (see the module comment). */
export const clusterUnobservablePoints: ReadonlyArray<string> = [
  'pullStarted',
  'pulled',
  'pullFailed',
  'created',
  'kill',
];

/** Everything one scenario's run recorded. */
export interface RunRecord {
  readonly podName: string;
  readonly suiteNamespace: string;
  /** the case's `metadata.namespace`, if it names one */
  readonly caseNamespace: string | undefined;
  readonly createdEpochSeconds: number;
  readonly deleteRequestedEpochSeconds: ReadonlyArray<number>;
  readonly deliveries: ReadonlyArray<WatchDelivery>;
  readonly events: ReadonlyArray<WireEvent>;
  /** the marker file's text */
  readonly markers: string;
  /** the last pod object seen (the DELETED delivery's, if the pod went) */
  readonly lastPod: WirePod | undefined;
  readonly gone: boolean;
  /** containers with a startup probe in the scenario */
  readonly startupProbed: ReadonlySet<string>;
  /** points the compiled manifest cannot mark (compiled-pod.ts `unmarkedPoints`) */
  readonly unmarkedPoints: ReadonlyArray<string>;
  /** how precise the times are, in seconds */
  readonly resolutionSeconds: number;
}

/** The observation and the marker lines that were not markers (reported beside it, never dropped). */
export interface DerivedObservation {
  readonly observation: Observation;
  readonly markerProblems: ReadonlyArray<string>;
}

function since(epochSeconds: number, created: number): number {
  return Math.round((epochSeconds - created) * 1000) / 1000;
}

/** Derives the observation of one run. */
export function deriveObservation(run: RunRecord): DerivedObservation {
  const { markers, problems } = parseMarkers(run.markers);
  const created = run.createdEpochSeconds;
  const podUid = run.lastPod?.metadata.uid ?? run.deliveries.find((d) => d.pod.metadata.uid)?.pod.metadata.uid;
  const exits = unmarkedExits(run.deliveries, markers, created);
  const points: ObservedPoint[] = [
    { point: 'pod.created', t: 0 },
    ...run.deleteRequestedEpochSeconds.map((at) => ({ point: 'pod.deleteRequested', t: since(at, created) })),
    ...markerPoints(markers, created),
    ...exits.points,
    ...watchPoints(run.deliveries, created, run.startupProbed),
  ].sort((a, b) => a.t - b.t);
  const startedContainers = new Set(markers.filter((m) => m.event === 'started').map((m) => m.container));
  const observation: Observation = {
    points,
    final: finalState(run.lastPod, { gone: run.gone, startedContainers }),
    events: observedEvents(run.events, {
      podName: run.podName,
      ...(podUid === undefined ? {} : { podUid }),
      suiteNamespace: run.suiteNamespace,
      caseNamespace: run.caseNamespace,
      createdEpochSeconds: created,
    }),
    // An exit estimated from the API (a SIGKILLed process marks nothing) is only known to its half-width.
    clock: { resolution: Math.max(run.resolutionSeconds, exits.halfWidthSeconds) },
    unobservablePoints: [...new Set([...clusterUnobservablePoints, ...run.unmarkedPoints])],
    statusOverTime: statusOverTime(run.deliveries, created),
  };
  return { observation, markerProblems: problems.map((p) => `marker line ${p.line}: ${p.message}: ${p.text}`) };
}
