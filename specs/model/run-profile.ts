/** One run of the model under one latency profile: the pod's timeline and its last API status. */
import { allContainers, type PredictedEvent, type PredictedPoint, type Scenario } from '../vocabulary/index.ts';
import { Engine } from './engine/engine.ts';
import { podCreationMoment, type LatencyProfile, type Moment } from './engine/delay.ts';
import { latencies } from './latencies.ts';
import { event, podPoint } from './record.ts';
import { scheduledMessage } from './messages.ts';
import type { ContainerModel, PodModel } from './state.ts';
import { requestSync } from './sync-requests.ts';
import { deletePod, startTerminationAfterRelist, triggerTermination } from './termination.ts';
import type { ApiPodView } from './status/api-view.ts';
import { buildView } from './api-status.ts';

export interface ProfileRun {
  readonly profile: LatencyProfile;
  readonly points: ReadonlyArray<PredictedPoint>;
  readonly events: ReadonlyArray<PredictedEvent>;
  /** the API status at observeFor, or the last one before the pod was gone */
  readonly finalView?: ApiPodView;
  readonly gone: boolean;
  readonly deletionRequested: boolean;
  readonly starts: ReadonlyMap<string, number>;
  /**
   * The status a sync would write at observeFor. Syncs also come from triggers no rule pins down (resyncs, other
   * containers' relist events), so where the worker is free the written status may already be this one.
   */
  readonly freshView?: ApiPodView;
  /** every status written, with its time (the final state as seen a little earlier or later is one of these) */
  readonly written: ReadonlyArray<{ readonly t: number; readonly view: ApiPodView }>;
  readonly goneAtSeconds?: number;
  readonly deletionAtSeconds?: number;
  /**
   * Containers whose last kill raced their back-off and that have not started since: another timing found that
   * back-off over and restarted them at once (sync-pod.ts, §4.4), so their next instance may come before observeFor.
   */
  readonly racedRestarts: ReadonlySet<string>;
}

function createPod(scenario: Scenario, engine: Engine): PodModel {
  const containers: ContainerModel[] = allContainers(scenario.pod).map((spec) => ({
    spec,
    starts: 0,
    runtime: 'none',
    processToken: 0,
    probes: {},
    tickers: {},
    killing: false,
  }));
  const pod: PodModel = {
    scenario,
    engine,
    containers,
    byName: new Map(containers.map((c) => [c.spec.name, c])),
    cachedImages: new Set(scenario.node.cached),
    pullBackOff: new Map(),
    workerBusy: false,
    syncQueuedAfterBusy: false,
    terminationQueued: false,
    initializedEver: false,
    sandbox: 'none',
    terminating: false,
    terminal: false,
    gone: false,
    objectRemoved: false,
    statusFrozen: false,
    points: [],
    written: [],
    events: [],
    occurrences: new Map(),
    terminationTrigger: (m: Moment) => {
      triggerTermination(pod, m);
    },
    startTermination: (m: Moment) => {
      startTerminationAfterRelist(pod, m, true);
    },
  };
  return pod;
}

/** Runs the scenario under one profile up to observeFor. */
export function runProfile(
  scenario: Scenario,
  profile: LatencyProfile,
  onAdvance?: (nowSeconds: number) => void,
): ProfileRun {
  const engine = new Engine(profile);
  const pod = createPod(scenario, engine);
  engine.at(podCreationMoment, (m) => {
    const created = podPoint(pod, 'created', m, 'kubelet.pod.created');
    // a pod whose manifest names its node is bound without the scheduler, which alone records Scheduled (§10)
    if (scenario.pod.specExtra['nodeName'] === undefined) {
      event(pod, created, 'kubelet.pod.created', {
        reason: 'Scheduled',
        type: 'Normal',
        message: scheduledMessage(scenario.pod),
      });
    }
    requestSync(pod, created, latencies.firstSync);
  });
  for (const action of scenario.actions) {
    engine.at({ t: action.atSeconds, loSeconds: 0, hiSeconds: 0 }, (m) => {
      if (pod.gone) return;
      deletePod(pod, action, m);
    });
  }
  engine.run(scenario.observeForSeconds, onAdvance);
  const finalView = pod.apiAtGone ?? pod.api;
  const fresh = !pod.gone && !pod.statusFrozen && !pod.workerBusy && pod.api ? buildView(pod, false) : undefined;
  return {
    profile,
    points: pod.points,
    events: pod.events,
    ...(finalView ? { finalView } : {}),
    ...(fresh ? { freshView: fresh } : {}),
    gone: pod.gone,
    written: pod.written,
    ...(pod.goneAtSeconds !== undefined ? { goneAtSeconds: pod.goneAtSeconds } : {}),
    ...(pod.deletion ? { deletionAtSeconds: pod.deletion.atSeconds } : {}),
    deletionRequested: pod.deletion !== undefined,
    starts: pod.startsAtGone ?? new Map(pod.containers.map((c) => [c.spec.name, c.starts])),
    racedRestarts: new Set(
      pod.terminating || pod.gone ? [] : pod.containers.filter((c) => c.backOffRaced === true).map((c) => c.spec.name),
    ),
  };
}
