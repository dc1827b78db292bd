/**
 * The timing tolerance (a backend's clock resolution, or `--tolerance` for a real node): windows widen by it on
 * both sides, points within it of each other are not ordered, and it never hides a missing, forbidden or
 * unreported thing.
 */
import { describe, expect, it } from 'vitest';
import { diff, evaluateExpectation, type EntryStatus } from '../../../harness/diff/index.ts';
import {
  emptyExpectation,
  literalTemplate,
  parsePointRef,
  type Expectation,
  type Observation,
  type PointRef,
  type Prediction,
  type PredictedPoint,
} from '../../../specs/vocabulary/index.ts';

function ref(text: string): PointRef {
  const parsed = parsePointRef(text);
  if (parsed.status !== 'ok') throw new Error(parsed.message);
  return parsed.ref;
}

function point(text: string, follows: string | undefined, window: [number, number], at: number): PredictedPoint {
  return {
    ref: ref(text),
    ...(follows !== undefined ? { follows: ref(follows) } : {}),
    window: { minSeconds: window[0], maxSeconds: window[1] },
    atSeconds: at,
    rule: `rule.${text}`,
    certainty: 'certain',
    nominal: true,
  };
}

const prediction: Prediction = {
  scenarioId: 'tolerance',
  observeForSeconds: 20,
  points: [
    point('pod.created', undefined, [0, 0], 0),
    point('app.started', 'pod.created', [0, 1], 0.2),
    point('pod.deleteRequested', undefined, [0, 0], 2),
    point('app.term', 'pod.deleteRequested', [0, 0.5], 2.1),
    point('app.kill', 'app.term', [2, 3], 4.1),
  ],
  never: [{ ref: ref('app.started#2'), rule: 'rule.no-restart' }],
  final: {
    phase: { nominal: 'Failed', possible: ['Failed'], rule: 'rule.phase' },
    status: { nominal: 'Error', possible: ['Error'], rule: 'rule.status' },
    gone: { nominal: false, possible: [false], rule: 'rule.gone' },
    conditions: {},
    containers: {},
  },
  events: [
    {
      reason: 'Killing',
      type: 'Normal',
      container: 'app',
      message: literalTemplate('Stopping container app'),
      atSeconds: 2.1,
      rule: 'rule.killing',
      certainty: 'certain',
      nominal: true,
    },
  ],
  undetermined: [],
};

const times: Record<string, number> = {
  'pod.created': 0,
  'app.started': 0.2,
  'pod.deleteRequested': 2,
  'app.term': 2.1,
  'app.kill': 4.6,
};

function observed(changes: Record<string, number | undefined> = {}, extra: Observation['points'] = []): Observation {
  const all = { ...times, ...changes };
  return {
    points: [...Object.entries(all).flatMap(([p, t]) => (t === undefined ? [] : [{ point: p, t }])), ...extra],
    final: { phase: 'Failed', status: 'Error', gone: false },
    events: [{ reason: 'Killing', container: 'app', message: 'Stopping container app', t: 2.1 }],
    clock: { resolution: 0.1 },
  };
}

function types(observation: Observation, toleranceSeconds: number): string[] {
  return diff(prediction, observation, { toleranceSeconds }).violations.map((v) => v.type);
}

describe('diff: the tolerance on windows and orders', () => {
  it('passes the observation as it is', () => {
    expect(types(observed(), 0)).toEqual([]);
  });

  it('widens a window on both sides by the tolerance, no further', () => {
    // app.kill must follow app.term (2.1) within [2, 3]
    expect(types(observed({ 'app.kill': 4.05 }), 0.1)).toEqual([]);
    expect(types(observed({ 'app.kill': 3.95 }), 0.1)).toEqual(['window']);
    expect(types(observed({ 'app.kill': 5.15 }), 0.1)).toEqual([]);
    // a differ that ignored upper bounds would pass this
    expect(types(observed({ 'app.kill': 5.25 }), 0.1)).toEqual(['window']);
    expect(types(observed({ 'app.kill': 5.25 }), 0)).toEqual(['window']);
  });

  it('with tolerance 0 (sim) allows only the float epsilon', () => {
    expect(types(observed({ 'app.kill': 5.1 + 1e-12 }), 0)).toEqual([]);
    expect(types(observed({ 'app.kill': 5.1 + 1e-6 }), 0)).toEqual(['window']);
    expect(types(observed({ 'app.kill': 4.1 - 1e-6 }), 0)).toEqual(['window']);
  });

  it('does not order a point and its cause that lie within the tolerance; beyond it, an order violation', () => {
    // app.term must come after pod.deleteRequested (2)
    expect(types(observed({ 'app.term': 1.95, 'app.kill': 4.0 }), 0.1)).toEqual([]);
    expect(types(observed({ 'app.term': 1.5, 'app.kill': 4.0 }), 0.1)).toEqual(['order']);
    expect(types(observed({ 'app.term': 1.95, 'app.kill': 4.0 }), 0)).toEqual(['order']);
  });

  it('never hides a missing point, a forbidden point or a missing event', () => {
    expect(types(observed({ 'app.kill': undefined }), 100)).toEqual(['missing-point']);
    expect(types(observed({}, [{ point: 'app.started', t: 3 }]), 100)).toEqual(['forbidden-point']);
    const noKilling: Observation = { ...observed(), events: [] };
    expect(types(noKilling, 100)).toEqual(['missing-event']);
  });
});

function expectation(fields: Partial<Expectation>): Expectation {
  return { ...emptyExpectation, ...fields };
}

function statuses(e: Expectation, observation: Observation, toleranceSeconds?: number): EntryStatus[] {
  const options = toleranceSeconds === undefined ? {} : { toleranceSeconds };
  return evaluateExpectation(e, observation, options).entries.map((x) => x.status);
}

describe('evaluateExpectation: the tolerance on orders and timing', () => {
  const order = expectation({ order: [{ before: ref('app.started'), after: ref('app.term') }] });

  it('judges "strictly before" only when the two points are further apart than the tolerance', () => {
    expect(statuses(order, observed(), 0.1)).toEqual(['pass']);
    expect(statuses(order, observed({ 'app.started': 2.1 }), 0)).toEqual(['unknown']);
    expect(statuses(order, observed({ 'app.started': 2.15 }), 0.1)).toEqual(['unknown']);
    expect(statuses(order, observed({ 'app.started': 2.05 }), 0.1)).toEqual(['unknown']);
    expect(statuses(order, observed({ 'app.started': 2.25 }), 0.1)).toEqual(['fail']);
    expect(statuses(order, observed({ 'app.started': 2.099 }), 0)).toEqual(['pass']);
    expect(statuses(order, observed({ 'app.started': 2.101 }), 0)).toEqual(['fail']);
  });

  it('reads equal timestamps as too close to order, and a clear inversion as a failure naming the tolerance', () => {
    const same = evaluateExpectation(order, observed({ 'app.started': 2.1 }), { toleranceSeconds: 0.01 });
    expect(same.status).toBe('unknown');
    expect(same.entries[0]?.message).toBe(
      'app.started at 2.1s and app.term at 2.1s are too close to be ordered (tolerance 0.01s)',
    );
    const inverted = evaluateExpectation(order, observed({ 'app.started': 3 }), { toleranceSeconds: 0.01 });
    expect(inverted.entries[0]?.message).toBe('app.started at 3s is not before app.term at 2.1s (tolerance 0.01s)');
  });

  it('still fails an order whose points did not both occur, whatever the tolerance', () => {
    expect(statuses(order, observed({ 'app.term': undefined }), 100)).toEqual(['fail']);
  });

  it('widens timing bounds by the tolerance on both sides, no further', () => {
    const timing = expectation({
      timing: [{ type: 'from', from: ref('app.term'), to: ref('app.kill'), minSeconds: 2, maxSeconds: 3 }],
    });
    expect(statuses(timing, observed({ 'app.kill': 4.05 }), 0.1)).toEqual(['pass']);
    expect(statuses(timing, observed({ 'app.kill': 3.95 }), 0.1)).toEqual(['fail']);
    expect(statuses(timing, observed({ 'app.kill': 5.15 }), 0.1)).toEqual(['pass']);
    expect(statuses(timing, observed({ 'app.kill': 5.25 }), 0.1)).toEqual(['fail']);
    expect(statuses(timing, observed({ 'app.kill': 5.15 }))).toEqual(['fail']);
    const between = expectation({
      timing: [{ type: 'between', a: ref('app.kill'), b: ref('app.term'), maxSeconds: 2.5 }],
    });
    expect(statuses(between, observed({ 'app.kill': 4.65 }), 0.1)).toEqual(['pass']);
    expect(statuses(between, observed({ 'app.kill': 4.75 }), 0.1)).toEqual(['fail']);
  });

  it('does not let the tolerance excuse a forbidden point or an absent event', () => {
    const never = expectation({ never: [ref('app.kill')] });
    expect(statuses(never, observed(), 100)).toEqual(['fail']);
    const events = expectation({
      eventsPresent: [{ reason: { type: 'equals', value: 'Killing' }, message: { type: 'equals', value: 'Stopping' } }],
      eventsAbsent: [{ reason: { type: 'equals', value: 'Killing' } }],
    });
    expect(statuses(events, { ...observed(), events: [] }, 100)).toEqual(['fail', 'pass']);
    expect(statuses(events, observed(), 100)).toEqual(['pass', 'fail']);
  });
});
