import { describe, expect, it } from 'vitest';
import { diff, mergeVerdicts, numberPoints, violationInfo, type Verdict } from '../../../harness/diff/index.ts';
import {
  hole,
  literalTemplate,
  messageTemplate,
  parsePointRef,
  type Observation,
  type Prediction,
  type PredictedContainer,
  type PredictedPoint,
  type PointRef,
} from '../../../specs/vocabulary/index.ts';

function ref(text: string): PointRef {
  const parsed = parsePointRef(text);
  if (parsed.status !== 'ok') throw new Error(parsed.message);
  return parsed.ref;
}

function point(
  text: string,
  follows: string | undefined,
  window: [number, number],
  atSeconds: number,
  rule: string,
  certainty: 'certain' | 'possible' = 'certain',
): PredictedPoint {
  return {
    ref: ref(text),
    ...(follows !== undefined ? { follows: ref(follows) } : {}),
    window: { minSeconds: window[0], maxSeconds: window[1] },
    atSeconds,
    rule,
    certainty,
    nominal: certainty === 'certain',
  };
}

function one<T>(value: T, rule: string, possible: ReadonlyArray<T> = [value]) {
  return { nominal: value, possible, rule };
}

const app: PredictedContainer = {
  state: one('terminated' as const, 'kubelet.status.container-state'),
  reason: one<string | undefined>('Error', 'kubelet.status.reason-cache'),
  exitCode: one<number | undefined>(137, 'kubelet.process.exit-codes', [137, 143]),
  restartCount: one(0, 'kubelet.backoff.sequence'),
  ready: one(false, 'kubelet.probe.readiness'),
  everStarted: one(true, 'run.container-start-definition'),
};

const prediction: Prediction = {
  scenarioId: 'demo',
  observeForSeconds: 20,
  points: [
    point('pod.created', undefined, [0, 0], 0, 'kubelet.pod.created'),
    point('app.started', 'pod.created', [0.1, 1], 0.2, 'run.container-start-definition'),
    point('pod.deleteRequested', undefined, [0, 0], 2, 'term.delete-starts-termination'),
    point('app.term', 'pod.deleteRequested', [0, 0.5], 2.1, 'term.no-prestop-term-at-once'),
    point('app.kill', 'app.term', [2, 2], 4.1, 'kubelet.grace.minimum'),
    point('app.ready', 'app.started', [0, 1], 0.5, 'kubelet.probe.readiness', 'possible'),
  ],
  never: [{ ref: ref('app.started#2'), rule: 'kubelet.restart.should-restart' }],
  final: {
    phase: one('Failed' as const, 'kubelet.phase.get-phase'),
    status: one('Error', 'kubelet.status-column.print-pod'),
    gone: one(false, 'term.pod-gone-after-containers'),
    conditions: {
      Ready: {
        status: one('False' as const, 'kubelet.conditions.generate'),
        reason: one<string | undefined>('PodFailed', 'kubelet.conditions.generate'),
      },
    },
    containers: { app },
  },
  events: [
    {
      reason: 'Killing',
      type: 'Normal',
      container: 'app',
      message: literalTemplate('Stopping container app'),
      atSeconds: 2,
      rule: 'kubelet.kill.event',
      certainty: 'certain',
      nominal: true,
    },
    {
      reason: 'Unhealthy',
      type: 'Warning',
      container: 'app',
      message: messageTemplate`Readiness probe failed: ${hole.output}`,
      atSeconds: 2,
      rule: 'kubelet.probe.unhealthy-event',
      certainty: 'possible',
      nominal: false,
    },
  ],
  undetermined: [],
};

const good: Observation = {
  points: [
    { point: 'pod.created', t: 0 },
    { point: 'app.started', t: 0.2 },
    { point: 'pod.deleteRequested', t: 2 },
    { point: 'app.term', t: 2.1 },
    { point: 'app.kill', t: 4.1 },
  ],
  final: {
    phase: 'Failed',
    status: 'Error',
    gone: false,
    conditions: { Ready: { status: 'False', reason: 'PodFailed' } },
    containers: {
      app: { state: 'terminated', reason: 'Error', exitCode: 143, restartCount: 0, ready: false, everStarted: true },
    },
  },
  events: [{ reason: 'Killing', container: 'app', message: 'Stopping container app (with a longer text)', t: 2 }],
  clock: { resolution: 0.001 },
};

function withPoints(points: Observation['points']): Observation {
  return { ...good, points };
}

function messages(v: Verdict): string[] {
  return v.violations.map((x) => x.message);
}

describe('diff', () => {
  it('passes an observation that keeps every window, value and event', () => {
    expect(diff(prediction, good, { toleranceSeconds: 0 })).toEqual({ status: 'pass', violations: [], unobserved: [] });
  });

  it('reads a window violation as a sentence with the rule, the window and what was seen', () => {
    const points = good.points.map((p) => (p.point === 'app.kill' ? { ...p, t: 2.1 } : p));
    const v = diff(prediction, withPoints(points), { toleranceSeconds: 0 });
    expect(v.status).toBe('fail');
    expect(messages(v)).toEqual([
      'kubelet.grace.minimum: app.kill should follow app.term within [2.00 s, 2.00 s]; it came 0.00 s after',
    ]);
    expect(v.violations[0]?.type).toBe('window');
  });

  it('accepts a point outside its window by no more than the tolerance, and says the tolerance otherwise', () => {
    const points = good.points.map((p) => (p.point === 'app.kill' ? { ...p, t: 4.15 } : p));
    expect(diff(prediction, withPoints(points), { toleranceSeconds: 0.05 }).status).toBe('pass');
    const v = diff(prediction, withPoints(points), { toleranceSeconds: 0.01 });
    expect(messages(v)).toEqual([
      'kubelet.grace.minimum: app.kill should follow app.term within [2.00 s, 2.00 s]; it came 2.05 s after (tolerance 0.01 s)',
    ]);
  });

  it('calls a point that precedes its cause an order violation', () => {
    const points = good.points.map((p) => (p.point === 'app.term' ? { ...p, t: 1.5 } : p));
    const v = diff(prediction, withPoints(points), { toleranceSeconds: 0 });
    expect(v.violations.map((x) => x.type)).toContain('order');
    expect(messages(v)).toContain(
      'term.no-prestop-term-at-once: app.term should follow pod.deleteRequested within [0.00 s, 0.50 s]; it came 0.50 s before',
    );
  });

  it('reports a certain point that never came, but not a possible one', () => {
    const v = diff(prediction, withPoints(good.points.filter((p) => p.point !== 'app.kill')), { toleranceSeconds: 0 });
    expect(messages(v)).toEqual([
      'kubelet.grace.minimum: app.kill should follow app.term within [2.00 s, 2.00 s]; it never came',
    ]);
  });

  it('makes a missing point the backend cannot see unknown, not fail', () => {
    const v = diff(prediction, withPoints(good.points.filter((p) => p.point !== 'app.kill')), {
      toleranceSeconds: 0,
      unobservablePoints: ['kill'],
    });
    expect(v).toEqual({ status: 'unknown', violations: [], unobserved: ['app.kill'] });
  });

  it('takes the points an observation declares unobservable as unknown too', () => {
    const blind = { ...withPoints(good.points.filter((p) => p.point !== 'app.kill')), unobservablePoints: ['kill'] };
    expect(diff(prediction, blind, { toleranceSeconds: 0 })).toEqual({
      status: 'unknown',
      violations: [],
      unobserved: ['app.kill'],
    });
  });

  it('judges the window of a possible point once it occurred', () => {
    const late = diff(prediction, withPoints([...good.points, { point: 'app.ready', t: 3 }]), { toleranceSeconds: 0 });
    expect(messages(late)).toEqual([
      'kubelet.probe.readiness: app.ready should follow app.started within [0.00 s, 1.00 s]; it came 2.80 s after',
    ]);
  });

  it('numbers repeated points in time order and catches a forbidden second start', () => {
    const reported = [{ point: 'app.started', t: 3 }, ...good.points];
    const v = diff(prediction, withPoints(reported), { toleranceSeconds: 0 });
    expect(messages(v)).toEqual(['kubelet.restart.should-restart: app.started#2 must never occur; it came at 3.00 s']);
  });

  it('numbers points the way numberPoints does, a reported #n included', () => {
    const reported = [
      { point: 'app.started', t: 5 },
      { point: 'app.started#7', t: 1 },
      { point: 'app.started', t: 3 },
    ];
    const expected = numberPoints({ ...good, points: reported });
    expect([...expected]).toEqual([
      ['app.started', 1],
      ['app.started#2', 3],
      ['app.started#3', 5],
    ]);
    const predicted: Prediction = {
      ...prediction,
      points: [point('app.started#3', 'app.started#2', [2, 2], 5, 'r')],
      never: [],
      events: [],
    };
    const observed: Observation = { points: reported, final: good.final, clock: good.clock };
    expect(diff(predicted, observed, { toleranceSeconds: 0 }).violations).toEqual([]);
  });

  it('checks API points against their nominal time', () => {
    const points = good.points.map((p) => (p.point === 'pod.deleteRequested' ? { ...p, t: 2.5 } : p));
    const v = diff(prediction, withPoints(points), { toleranceSeconds: 0 });
    expect(messages(v)[0]).toBe(
      'term.delete-starts-termination: pod.deleteRequested should occur within [2.00 s, 2.00 s]; it came at 2.50 s',
    );
  });

  it('fails a final value outside the possible set, and leaves an absent one unknown', () => {
    const wrong: Observation = {
      ...good,
      final: { ...good.final, phase: 'Succeeded', containers: { app: { state: 'terminated', exitCode: 0 } } },
    };
    const v = diff(prediction, wrong, { toleranceSeconds: 0 });
    expect(v.status).toBe('fail');
    expect(messages(v)).toEqual([
      'kubelet.phase.get-phase: phase should be Failed; it was Succeeded',
      'kubelet.process.exit-codes: containers.app.exitCode should be 137 or 143; it was 0',
    ]);
    expect(v.unobserved).toEqual([
      'final.containers.app.reason',
      'final.containers.app.restartCount',
      'final.containers.app.ready',
      'final.containers.app.everStarted',
    ]);
    const partial: Observation = { ...good, final: { phase: 'Failed' } };
    const u = diff(prediction, partial, { toleranceSeconds: 0 });
    expect(u.status).toBe('unknown');
    expect(u.unobserved).toEqual(['final.status', 'final.gone', 'final.conditions.Ready', 'final.containers.app']);
  });

  it('requires certain events and flags events the prediction never has for that container', () => {
    const v = diff(
      prediction,
      { ...good, events: [{ reason: 'Killing', container: 'other', message: 'Stopping container other', t: 5 }] },
      { toleranceSeconds: 0 },
    );
    expect(v.violations.map((x) => x.type)).toEqual(['missing-event', 'unexpected-event']);
    expect(messages(v)).toEqual([
      'kubelet.kill.event: a Normal Killing event for app with a message matching "Stopping container app" should be reported; none came',
      'kubelet.kill.event: no Killing event is predicted for other; one came at 5.00 s ("Stopping container other")',
    ]);
    const possibleOnly = diff(
      prediction,
      { ...good, events: [...(good.events ?? []), { reason: 'Unhealthy', container: 'app', message: 'x' }] },
      { toleranceSeconds: 0 },
    );
    expect(possibleOnly.status).toBe('pass');
  });

  it('matches message templates hole by hole: a real Pulled message passes, a wrong image or a non-duration fails', () => {
    const pulled: Prediction = {
      ...prediction,
      events: [
        ...prediction.events,
        {
          reason: 'Pulled',
          type: 'Normal',
          container: 'app',
          message: messageTemplate`Successfully pulled image "${'busybox:1.36'}" in ${hole.duration} (${hole.duration} including waiting). Image size: ${hole.bytes} bytes.`,
          atSeconds: 0.1,
          rule: 'pull.before-create',
          certainty: 'certain',
          nominal: true,
        },
      ],
    };
    const withPulled = (message: string | undefined): Observation => ({
      ...good,
      events: [
        ...(good.events ?? []),
        { reason: 'Pulled', container: 'app', t: 0.1, ...(message === undefined ? {} : { message }) },
      ],
    });
    const real =
      'Successfully pulled image "busybox:1.36" in 300ms (300ms including waiting). Image size: 5101567 bytes.';
    expect(diff(pulled, withPulled(real), { toleranceSeconds: 0 }).status).toBe('pass');
    for (const wrong of [
      real.replace('busybox:1.36', 'busybox:1.35'),
      real.replace('in 300ms', 'in 0.3s'),
      real.replace('5101567', 'many'),
      real.replace('Successfully pulled', 'Pulled'),
    ]) {
      const v = diff(pulled, withPulled(wrong), { toleranceSeconds: 0 });
      expect(
        v.violations.map((x) => x.type),
        wrong,
      ).toEqual(['missing-event']);
      expect(messages(v)[0]).toContain(
        'with a message matching "Successfully pulled image "busybox:1.36" in {duration}',
      );
    }
    const noText = diff(pulled, withPulled(undefined), { toleranceSeconds: 0 });
    expect(noText.status).toBe('unknown');
    expect(noText.unobserved).toEqual(['events.Pulled.app.message']);
  });

  it('is unknown, not fail, when the backend reports no events', () => {
    const noEvents: Observation = { points: good.points, final: good.final, clock: good.clock };
    expect(diff(prediction, noEvents, { toleranceSeconds: 0 })).toEqual({
      status: 'unknown',
      violations: [],
      unobserved: ['events'],
    });
  });

  it('wraps a differ that throws into unknown with the error', () => {
    const broken = { ...prediction, points: null } as unknown as Prediction;
    const v = diff(broken, good, { toleranceSeconds: 0 });
    expect(v.status).toBe('unknown');
    expect(v.error).toMatch(/^the differ failed: /);
  });

  it('merges verdicts by priority fail > unknown > pass', () => {
    const pass: Verdict = { status: 'pass', violations: [], unobserved: [] };
    const unknown: Verdict = { status: 'unknown', violations: [], unobserved: ['events'] };
    const fail = diff(prediction, withPoints([]), { toleranceSeconds: 0 });
    expect(mergeVerdicts([pass, unknown]).status).toBe('unknown');
    expect(mergeVerdicts([unknown, fail, pass]).status).toBe('fail');
    expect(mergeVerdicts([]).status).toBe('pass');
  });

  it('explains every violation type', () => {
    for (const info of Object.values(violationInfo)) {
      expect(info.title.length).toBeGreaterThan(0);
      expect(info.explanation.length).toBeGreaterThan(0);
    }
  });
});
