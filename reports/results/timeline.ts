/**
 * A scenario's timeline as a report draws it: the model's windows placed in absolute time, each measured from where
 * its anchor point was observed (as the differ judges it) or, unobserved, from where the model put the anchor; the
 * observed points; faults and API actions as bands; STATUS over time.
 */
import { statusTimeline } from '../../specs/model/index.ts';
import {
  allContainers,
  formatPointRef,
  goneStatus,
  parsePointRef,
  type Observation,
  type Prediction,
  type Scenario,
} from '../../specs/vocabulary/index.ts';
import { numberPoints } from '../../harness/diff/index.ts';
import type { Timeline, TimelineBand, TimelinePoint, TimelineWindow } from './schema.ts';

/** The pod's own lane, below the containers. */
export const podLane = 'pod';

// Times are computed in float seconds; a report shows milliseconds at most.
function ms(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** The lane a point belongs to: its container, or the pod's lane. */
export function laneOf(point: string): string {
  const parsed = parsePointRef(point);
  return parsed.status === 'ok' && parsed.ref.scope === 'container' ? parsed.ref.container : podLane;
}

function bandsOf(scenario: Scenario, prediction: Prediction | undefined): TimelineBand[] {
  const bands: TimelineBand[] = [];
  const end = scenario.observeForSeconds;
  if (scenario.node.registry === 'down') bands.push({ label: 'registry down', fromSeconds: 0, toSeconds: end });
  for (const image of scenario.node.unpullable) {
    for (const c of allContainers(scenario.pod)) {
      if (c.image === image)
        bands.push({ label: `image ${image} cannot be pulled`, fromSeconds: 0, toSeconds: end, lane: c.name });
    }
  }
  const gone = prediction?.points.find((p) => formatPointRef(p.ref) === 'pod.gone')?.atSeconds;
  for (const action of scenario.actions) {
    const grace = action.gracePeriodSeconds === undefined ? '' : ` (grace ${action.gracePeriodSeconds}s)`;
    bands.push({
      label: `delete${grace}`,
      fromSeconds: action.atSeconds,
      toSeconds: ms(Math.max(action.atSeconds, gone ?? end)),
    });
  }
  if (scenario.pod.activeDeadlineSeconds !== undefined && scenario.pod.activeDeadlineSeconds < end) {
    bands.push({
      label: 'activeDeadlineSeconds passed',
      fromSeconds: scenario.pod.activeDeadlineSeconds,
      toSeconds: end,
    });
  }
  return bands;
}

function windowsOf(prediction: Prediction, observed: ReadonlyMap<string, number>): TimelineWindow[] {
  const nominal = new Map(prediction.points.map((p) => [formatPointRef(p.ref), p.atSeconds]));
  const windows: TimelineWindow[] = [];
  for (const p of prediction.points) {
    const point = formatPointRef(p.ref);
    const follows = p.follows === undefined ? undefined : formatPointRef(p.follows);
    const anchor = follows === undefined ? 0 : (observed.get(follows) ?? nominal.get(follows));
    if (anchor === undefined) continue;
    windows.push({
      point,
      lane: laneOf(point),
      fromSeconds: ms(anchor + p.window.minSeconds),
      toSeconds: ms(anchor + p.window.maxSeconds),
      certainty: p.certainty,
      rule: p.rule,
      ...(follows === undefined ? {} : { follows }),
    });
  }
  return windows;
}

/** STATUS as seen: over time where the backend watched it, else its final value where the final state was taken. */
function observedStatusOf(
  observation: Observation | undefined,
  times: ReadonlyMap<string, number>,
  observeFor: number,
): Pick<Timeline, 'observedStatus'> {
  if (observation === undefined) return {};
  if (observation.statusOverTime !== undefined && observation.statusOverTime.length > 0) {
    return { observedStatus: observation.statusOverTime.map((s) => ({ t: ms(s.t), status: s.status })) };
  }
  const gone = observation.final.gone === true;
  const status = gone ? goneStatus : observation.final.status;
  if (status === undefined) return {};
  return { observedStatus: [{ t: ms(gone ? (times.get('pod.gone') ?? observeFor) : observeFor), status }] };
}

/** The timeline of one judged scenario; either side may be missing (the backend saw nothing, the model failed). */
export function timelineOf(
  scenario: Scenario,
  prediction: Prediction | undefined,
  observation: Observation | undefined,
): Timeline {
  const lanes = [...allContainers(scenario.pod).map((c) => c.name), podLane];
  const times = observation === undefined ? new Map<string, number>() : numberPoints(observation);
  const observed: TimelinePoint[] = [...times]
    .map(([point, t]) => ({ point, lane: laneOf(point), t: ms(t) }))
    .sort((a, b) => a.t - b.t || a.point.localeCompare(b.point));
  let predictedStatus: Timeline['predictedStatus'] = [];
  try {
    predictedStatus = statusTimeline(scenario).map((s) => ({ t: ms(s.atSeconds), status: s.status }));
  } catch {
    // The model failing here is reported where the scenario is judged; the picture goes without the STATUS lane.
  }
  return {
    lanes,
    observeForSeconds: scenario.observeForSeconds,
    windows: prediction === undefined ? [] : windowsOf(prediction, times),
    observed,
    bands: bandsOf(scenario, prediction),
    predictedStatus,
    ...observedStatusOf(observation, times, scenario.observeForSeconds),
  };
}
