import { describe, expect, it } from 'vitest';
import { predict } from '../../../specs/model/index.ts';
import type { Observation } from '../../../specs/vocabulary/index.ts';
import { laneOf, timelineOf } from '../../../reports/results/timeline.ts';
import { libraryScenario } from '../../library-scenario.ts';

const scenario = await libraryScenario('specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml');
const prediction = predict(scenario);

function observation(extra: Partial<Observation>): Observation {
  return { points: [], final: {}, clock: { resolution: 0.001 }, ...extra };
}

describe('timelineOf', () => {
  it('puts container points on their container’s lane and pod points on the pod’s', () => {
    expect(laneOf('web.preStop.started#2')).toBe('web');
    expect(laneOf('pod.gone')).toBe('pod');
    expect(laneOf('not a point')).toBe('pod');
  });

  it('measures a window from where its anchor was observed, not from where the model put it', () => {
    const late = observation({
      points: [
        { point: 'pod.created', t: 0 },
        { point: 'pod.deleteRequested', t: 3.5 },
      ],
    });
    const shifted = timelineOf(scenario, prediction, late).windows.find((w) => w.follows === 'pod.deleteRequested');
    const nominal = timelineOf(scenario, prediction, undefined).windows.find((w) => w.point === shifted?.point);
    expect(shifted).toBeDefined();
    expect((shifted?.fromSeconds ?? 0) - (nominal?.fromSeconds ?? 0)).toBeCloseTo(
      3.5 - (scenario.actions[0]?.atSeconds ?? 0),
      6,
    );
  });

  it('draws the delete as a band from the request to the predicted gone', () => {
    const band = timelineOf(scenario, prediction, undefined).bands.find((b) => b.label.startsWith('delete'));
    expect(band?.fromSeconds).toBe(scenario.actions[0]?.atSeconds);
    expect(band?.toSeconds).toBeGreaterThan(band?.fromSeconds ?? 0);
  });

  it('takes STATUS over time from a watching backend, else the final value where it was taken', () => {
    const watched = observation({
      statusOverTime: [
        { t: 0.2, status: 'Running' },
        { t: 3.01, status: 'Terminating' },
      ],
    });
    expect(timelineOf(scenario, prediction, watched).observedStatus).toEqual([
      { t: 0.2, status: 'Running' },
      { t: 3.01, status: 'Terminating' },
    ]);
    const gone = observation({ points: [{ point: 'pod.gone', t: 6.2 }], final: { gone: true, status: 'Completed' } });
    expect(timelineOf(scenario, prediction, gone).observedStatus).toEqual([{ t: 6.2, status: '(gone)' }]);
    expect(timelineOf(scenario, prediction, observation({})).observedStatus).toBeUndefined();
  });
});
