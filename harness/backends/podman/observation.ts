/**
 * From what one podman run left behind (markers, the pod's events, the final inspect, the moments the suite acted)
 * to an observation. Pure: every time comes in as data. Which source gives which point (PODMAN.md §3.5):
 *
 * - `pod.created` (t = 0): the pod's `create` event (run-pod.ts says why), else the moment `kube play` was invoked;
 *   `pod.deleteRequested`: each moment the suite invoked `pod stop` (or stopped a running init container).
 * - `C.created`: podman's `init` event, which creates the OCI container before each start (a restart too). Podman's
 *   `create` event is a database record made for every container up front when the pod is played, app containers
 *   before the init containers run, so it is not the per-start creation the kubelet's CreateContainer stands for.
 * - `C.started`, `C.exited`, `C.term`, hook and probe points: the markers; `started` from `start` events only for a
 *   container that left no `started` marker at all.
 * - `C.exited` of a run without an `exiting` marker (a SIGKILL, which no script can mark): inspect's FinishedAt for
 *   the last run (±5 ms), else the `died` event less its lag; with exit code 137 it is also `C.kill`.
 * - final state: inspect (state, exit code, restart count); a container podman removed (a successful init container)
 *   is terminated with the exit code of its last exit, and a terminated reason follows from the exit code as the
 *   CRI gives it; a waiting container is left out (its reason cannot be shown). No readiness, phase, conditions,
 *   STATUS or Events: podman has none, so they stay absent (unknown).
 */
import type { ObservedContainer, ObservedPoint, Observation } from '../../../specs/vocabulary/index.ts';
import { markerPoints, type Marker } from '../manifest/markers.ts';
import type { PodmanEvent } from './events.ts';
import type { InspectedContainer } from './inspect.ts';
import { podmanUnobservablePoints } from './unobservable.ts';

/** What one run recorded; epochs are host seconds (markers use the same clock: busybox's `$EPOCHREALTIME`). */
export interface PodRunRecord {
  readonly podName: string;
  /** spec names, init containers first */
  readonly containers: ReadonlyArray<string>;
  readonly createdEpoch: number;
  /**
   * `observeFor` after the creation: the final state is taken here and later points are left out (the suite reads
   * inspect a little after it; a container that exited in between was still running at the end).
   */
  readonly endEpoch: number;
  readonly deleteRequestedEpochs: ReadonlyArray<number>;
  readonly markers: ReadonlyArray<Marker>;
  /** this pod's container and pod events */
  readonly events: ReadonlyArray<PodmanEvent>;
  readonly inspected: ReadonlyArray<InspectedContainer>;
  /** the compiled pod's points it cannot mark */
  readonly unmarkedPoints: ReadonlyArray<string>;
  /** the observation's clock resolution, seconds */
  readonly resolutionSeconds: number;
  /** how long after a process's exit podman logs its `died` event, seconds (measured: scripts/podman-spread.ts) */
  readonly diedLagSeconds: number;
}

/** The exit code with which a SIGKILLed process ends (128 + 9). */
const killedExitCode = 137;

function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

interface Run {
  readonly startEpoch: number;
  readonly endEpoch: number;
}

/** The points and final state of one container. */
function observeContainer(
  record: PodRunRecord,
  container: string,
): { readonly points: ObservedPoint[]; readonly final: ObservedContainer } {
  const full = `${record.podName}-${container}`;
  const at = (epoch: number): number => round(epoch - record.createdEpoch);
  const events = record.events.filter((e) => e.type === 'container' && e.name === full);
  const of = (status: string): PodmanEvent[] =>
    events.filter((e) => e.status === status).sort((a, b) => a.epochSeconds - b.epochSeconds);
  const mine = record.markers.filter((m) => m.container === container);
  const markedStarts = mine.filter((m) => m.event === 'started').map((m) => m.epochSeconds);
  const startEpochs = (markedStarts.length > 0 ? markedStarts : of('start').map((e) => e.epochSeconds)).sort(
    (a, b) => a - b,
  );
  const points: ObservedPoint[] = of('init').map((e) => ({ point: `${container}.created`, t: at(e.epochSeconds) }));
  if (markedStarts.length === 0) {
    points.push(...startEpochs.map((epoch) => ({ point: `${container}.started`, t: at(epoch) })));
  }
  const inspected = record.inspected.find((c) => c.name === full);
  const died = of('died');
  const runs: Run[] = startEpochs.map((startEpoch, i) => ({
    startEpoch,
    endEpoch: startEpochs[i + 1] ?? Number.POSITIVE_INFINITY,
  }));
  const inRun = (epoch: number, run: Run): boolean => epoch >= run.startEpoch && epoch < run.endEpoch;
  let lastExitCode: number | undefined;
  runs.forEach((run, i) => {
    const marked = mine.find((m) => m.event === 'exiting' && inRun(m.epochSeconds, run));
    // A died event trails the exit it reports, but always precedes the restart podman makes after it.
    const diedHere = died.find((e) => inRun(e.epochSeconds, run));
    if (marked) {
      // The died event carries podman's own exit code; the marker's detail is what the script meant to exit with.
      const code = Number(marked.detail);
      lastExitCode = diedHere ? (diedHere.exitCode ?? 0) : Number.isInteger(code) ? code : lastExitCode;
      return;
    }
    const last = i === runs.length - 1;
    const finished = last && inspected && !/^(running|paused)$/.test(inspected.status) ? inspected : undefined;
    const exitEpoch =
      finished?.finishedAtEpoch ?? (diedHere ? diedHere.epochSeconds - record.diedLagSeconds : undefined);
    if (exitEpoch === undefined) return;
    const code = diedHere ? (diedHere.exitCode ?? 0) : (finished?.exitCode ?? 0);
    lastExitCode = code;
    points.push({ point: `${container}.exited`, t: at(exitEpoch) });
    if (code === killedExitCode) points.push({ point: `${container}.kill`, t: at(exitEpoch) });
  });
  const atEnd = inspected && (inspected.finishedAtEpoch ?? 0) > record.endEpoch ? runningAtEnd(inspected) : inspected;
  return { points, final: finalState(atEnd, startEpochs.length, lastExitCode) };
}

/** A container inspect shows finished after the end, as it was at the end: running (or not yet started). */
function runningAtEnd(inspected: InspectedContainer): InspectedContainer {
  const started = inspected.startedAtEpoch !== undefined;
  return { ...inspected, status: started ? 'running' : 'created' };
}

function finalState(
  inspected: InspectedContainer | undefined,
  starts: number,
  lastExitCode: number | undefined,
): ObservedContainer {
  if (!inspected) {
    // Podman removes a successful init container at once (PODMAN.md §2); one never created never ran.
    if (starts === 0) return { state: 'waiting', everStarted: false, restartCount: 0 };
    return {
      state: 'terminated',
      everStarted: true,
      restartCount: starts - 1,
      ...(lastExitCode === undefined ? {} : { exitCode: lastExitCode }),
    };
  }
  const everStarted = starts > 0 || inspected.startedAtEpoch !== undefined;
  const base = { everStarted, restartCount: inspected.restartCount };
  switch (inspected.status) {
    case 'running':
    case 'paused':
      return { ...base, state: 'running' };
    case 'exited':
    case 'stopped':
      return { ...base, state: 'terminated', exitCode: inspected.exitCode };
    case 'created':
    case 'configured':
    case 'initialized':
      return { ...base, state: 'waiting' };
    default:
      // A state podman may report that has no Kubernetes counterpart (removing, unknown): leave it unknown.
      return base;
  }
}

/**
 * A terminated container's reason is the runtime's, from the exit code alone (KUBELET-FACTS §8.3: containerd's CRI
 * gives `Completed` for 0, `Error` otherwise): the CRI's mapping, applied to podman's exit code. OOMKilled and
 * StartError are left out: podman's inspect does not show the first the same way, and the second never occurs here
 * (a command that cannot start stays `created`, PODMAN.md §2).
 */
function withTerminatedReason(c: ObservedContainer): ObservedContainer {
  if (c.state !== 'terminated' || c.exitCode === undefined) return c;
  return { ...c, reason: c.exitCode === 0 ? 'Completed' : 'Error' };
}

/** The observation of one run. */
export function assembleObservation(record: PodRunRecord): Observation {
  const points: ObservedPoint[] = [{ point: 'pod.created', t: 0 }];
  for (const epoch of record.deleteRequestedEpochs) {
    points.push({ point: 'pod.deleteRequested', t: round(epoch - record.createdEpoch) });
  }
  const known = new Set(record.containers);
  points.push(
    ...markerPoints(
      record.markers.filter((m) => known.has(m.container)),
      record.createdEpoch,
    ),
  );
  const containers: Record<string, ObservedContainer> = {};
  for (const name of record.containers) {
    const seen = observeContainer(record, name);
    points.push(...seen.points);
    // A waiting container has a reason on a kubelet (PodInitializing, ContainerCreating, CrashLoopBackOff,
    // ErrImagePull: KUBELET-FACTS §8.2) that podman cannot show, and a reported container without one reads as "no
    // reason": leave the container out, so that its state and reason are unknown (its points still tell whether it
    // ever started).
    if (seen.final.state !== 'waiting') containers[name] = withTerminatedReason(seen.final);
  }
  const end = round(record.endEpoch - record.createdEpoch);
  const inTime = points.filter((p) => p.t <= end).sort((a, b) => a.t - b.t);
  return {
    points: inTime,
    final: { containers },
    clock: { resolution: record.resolutionSeconds },
    unobservablePoints: [...new Set([...podmanUnobservablePoints, ...record.unmarkedPoints])],
  };
}
