// evaluateExpectation entry by entry: every kind of expectation passes, fails with the sentence a user reads, or
// is unknown when the observation does not hold what it needs (FORMAT.md "Expectations"; STYLE practice 7).
import { describe, expect, it } from 'vitest';
import { evaluateExpectation, type ExpectationVerdict } from '../../../harness/diff/evaluate-expectation.ts';
import {
  emptyExpectation,
  parsePointRef,
  type EventExpectation,
  type Expectation,
  type Observation,
  type PointRef,
} from '../../../specs/vocabulary/index.ts';

function ref(text: string): PointRef {
  const parsed = parsePointRef(text);
  if (parsed.status !== 'ok') throw new Error(parsed.message);
  return parsed.ref;
}

const observation: Observation = {
  points: [
    { point: 'app.started', t: 1 },
    { point: 'app.exited', t: 3.5 },
    { point: 'app.started', t: 13.5 },
    { point: 'side.started', t: 2 },
  ],
  final: {
    phase: 'Running',
    status: 'CrashLoopBackOff',
    gone: false,
    conditions: { Ready: { status: 'False', reason: 'ContainersNotReady' }, Initialized: { status: 'True' } },
    containers: {
      app: {
        state: 'waiting',
        reason: 'CrashLoopBackOff',
        exitCode: 1,
        restartCount: 1,
        ready: false,
        everStarted: true,
      },
      quiet: { state: 'running' },
    },
  },
  events: [
    { reason: 'BackOff', container: 'app', message: 'Back-off restarting failed container app in pod p' },
    { reason: 'Scheduled', message: 'Successfully assigned default/p to node' },
  ],
  clock: { resolution: 0 },
};

function judge(e: Partial<Expectation>, obs: Observation = observation): ExpectationVerdict {
  return evaluateExpectation({ ...emptyExpectation, ...e }, obs);
}

function only(
  e: Partial<Expectation>,
  obs: Observation = observation,
): { status: string; expect: string; message: string } {
  const verdict = judge(e, obs);
  expect(verdict.entries).toHaveLength(1);
  const [entry] = verdict.entries;
  if (entry === undefined) throw new Error('no entry');
  expect(verdict.status).toBe(entry.status);
  return entry;
}

const eq = <T>(value: T) => ({ type: 'equals' as const, value });
const anyOf = <T>(...values: T[]) => ({ type: 'anyOf' as const, values });

describe('evaluateExpectation', () => {
  it('passes an empty expectation', () => {
    expect(judge({})).toEqual({ status: 'pass', entries: [] });
  });

  it('judges phase, gone and status', () => {
    expect(only({ phase: eq('Running') })).toEqual({ status: 'pass', expect: 'phase', message: 'Running' });
    expect(only({ phase: anyOf('Failed', 'Succeeded') })).toEqual({
      status: 'fail',
      expect: 'phase',
      message: 'expected {anyOf: [Failed, Succeeded]}, got Running',
    });
    expect(only({ gone: eq(true) })).toEqual({ status: 'fail', expect: 'gone', message: 'expected true, got false' });
    expect(only({ status: eq('CrashLoopBackOff') }).status).toBe('pass');
    expect(only({ status: eq('Error') }).message).toBe('expected Error, got CrashLoopBackOff');
    expect(only({ phase: eq('Running') }, { ...observation, final: {} })).toEqual({
      status: 'unknown',
      expect: 'phase',
      message: 'expected Running, not observed',
    });
  });

  it('judges every container field, and an unseen field or container as unknown', () => {
    const verdict = judge({
      containers: [
        {
          container: 'app',
          state: eq('waiting'),
          reason: eq('CrashLoopBackOff'),
          exitCode: { type: 'range', min: 1, max: 2 },
          restartCount: eq(2),
          ready: eq(false),
          everStarted: eq(false),
        },
      ],
    });
    expect(verdict.status).toBe('fail');
    expect(verdict.entries.map((e) => [e.expect, e.status])).toEqual([
      ['containers.app.state', 'pass'],
      ['containers.app.reason', 'pass'],
      ['containers.app.exitCode', 'pass'],
      ['containers.app.restartCount', 'fail'],
      ['containers.app.ready', 'pass'],
      ['containers.app.everStarted', 'fail'],
    ]);
    expect(verdict.entries[3]?.message).toBe('expected 2, got 1');
    // a container without a reason has the empty reason; an unseen container's reason is unknown
    expect(only({ containers: [{ container: 'quiet', reason: eq('') }] }).status).toBe('pass');
    expect(only({ containers: [{ container: 'quiet', reason: eq('Completed') }] }).message).toBe(
      'expected Completed, got ',
    );
    expect(only({ containers: [{ container: 'gone', reason: eq('') }] }).status).toBe('unknown');
    // a terminated container always has a reason in Kubernetes: one reported without it (podman) was not observed
    const reasonless: Observation = {
      ...observation,
      final: { containers: { done: { state: 'terminated', exitCode: 0 } } },
    };
    expect(only({ containers: [{ container: 'done', reason: eq('Completed') }] }, reasonless).status).toBe('unknown');
    expect(only({ containers: [{ container: 'quiet', exitCode: eq(0) }] }).status).toBe('unknown');
    expect(only({ containers: [{ container: 'app', exitCode: { type: 'range', max: 0 } }] }).message).toBe(
      'expected {max: 0}, got 1',
    );
  });

  it('judges conditions: status, and reason with a missing reason read as empty', () => {
    expect(only({ conditions: [{ condition: 'Ready', status: eq('False') }] })).toEqual({
      status: 'pass',
      expect: 'conditions.Ready.status',
      message: 'False',
    });
    expect(only({ conditions: [{ condition: 'Ready', reason: eq('PodCompleted') }] })).toEqual({
      status: 'fail',
      expect: 'conditions.Ready.reason',
      message: 'expected PodCompleted, got ContainersNotReady',
    });
    expect(only({ conditions: [{ condition: 'Initialized', reason: eq('') }] }).status).toBe('pass');
    expect(only({ conditions: [{ condition: 'ContainersReady', reason: eq('') }] }).status).toBe('unknown');
    expect(only({ conditions: [{ condition: 'ContainersReady', status: eq('True') }] }).status).toBe('unknown');
  });

  it('judges order strictly, on numbered occurrences, and names what did not occur', () => {
    expect(only({ order: [{ before: ref('app.started'), after: ref('app.exited') }] })).toEqual({
      status: 'pass',
      expect: 'order [app.started, app.exited]',
      message: 'app.started at 1s, app.exited at 3.5s',
    });
    expect(only({ order: [{ before: ref('app.started#2'), after: ref('app.exited') }] })).toEqual({
      status: 'fail',
      expect: 'order [app.started#2, app.exited]',
      message: 'app.started#2 at 13.5s is not before app.exited at 3.5s',
    });
    // the same instant cannot be told apart at any clock resolution: not "before", and not refuted either
    expect(only({ order: [{ before: ref('app.started'), after: ref('app.started') }] }).status).toBe('unknown');
    expect(only({ order: [{ before: ref('app.exited#2'), after: ref('app.started') }] }).message).toBe(
      'app.exited#2 did not occur',
    );
    expect(only({ order: [{ before: ref('app.started'), after: ref('app.term') }] }).message).toBe(
      'app.term did not occur',
    );
    expect(only({ order: [{ before: ref('x.started'), after: ref('y.started') }] }).message).toBe(
      'x.started and y.started did not occur',
    );
  });

  it('judges never', () => {
    expect(only({ never: [ref('app.started#3')] })).toEqual({
      status: 'pass',
      expect: 'never app.started#3',
      message: 'did not occur',
    });
    expect(only({ never: [ref('app.started#2')] })).toEqual({
      status: 'fail',
      expect: 'never app.started#2',
      message: 'app.started#2 occurred at 13.5s',
    });
  });

  it('judges from/to timing with inclusive bounds', () => {
    const from = (min?: number, max?: number) => ({
      timing: [
        {
          type: 'from' as const,
          from: ref('app.exited'),
          to: ref('app.started#2'),
          ...(min === undefined ? {} : { minSeconds: min }),
          ...(max === undefined ? {} : { maxSeconds: max }),
        },
      ],
    });
    expect(only(from(10, 10))).toEqual({
      status: 'pass',
      expect: 'timing app.exited -> app.started#2',
      message: '10s',
    });
    expect(only(from(10.5))).toEqual({
      status: 'fail',
      expect: 'timing app.exited -> app.started#2',
      message: 'expected min 10.5s, got 10s',
    });
    expect(only(from(undefined, 9.5)).message).toBe('expected max 9.5s, got 10s');
    expect(only(from(1, 9.5)).message).toBe('expected min 1s, max 9.5s, got 10s');
    expect(only(from()).status).toBe('pass');
    // from/to is signed: a `to` before `from` is a negative delay
    const backwards = only({
      timing: [{ type: 'from', from: ref('app.exited'), to: ref('app.started'), minSeconds: 0 }],
    });
    expect(backwards.message).toBe('expected min 0s, got -2.5s');
  });

  it('judges between timing as an absolute distance, and names missing points', () => {
    const between = only({
      timing: [{ type: 'between', a: ref('app.exited'), b: ref('app.started'), maxSeconds: 2.5 }],
    });
    expect(between).toEqual({ status: 'pass', expect: 'timing between [app.exited, app.started]', message: '2.5s' });
    expect(
      only({ timing: [{ type: 'between', a: ref('app.exited'), b: ref('app.started'), maxSeconds: 2.4 }] }).status,
    ).toBe('fail');
    expect(
      only({ timing: [{ type: 'from', from: ref('app.term'), to: ref('app.kill'), minSeconds: 2, maxSeconds: 2 }] }),
    ).toEqual({
      status: 'fail',
      expect: 'timing app.term -> app.kill',
      message: 'app.term and app.kill did not occur (expected min 2s, max 2s)',
    });
    expect(
      only({ timing: [{ type: 'between', a: ref('app.started'), b: ref('app.kill'), minSeconds: 1 }] }).message,
    ).toBe('app.kill did not occur (expected min 1s)');
    expect(only({ timing: [{ type: 'between', a: ref('app.kill'), b: ref('app.started') }] }).message).toBe(
      'app.kill did not occur (expected )',
    );
  });

  it('finds present events by reason, container and message substring', () => {
    const present = (e: EventExpectation) => only({ eventsPresent: [e] });
    expect(present({ reason: eq('BackOff'), container: eq('app'), message: eq('restarting failed') })).toEqual({
      status: 'pass',
      expect: 'events.present {reason: BackOff, container: app, message: restarting failed}',
      message: 'present',
    });
    expect(present({ reason: eq('BackOff'), container: eq('side') })).toEqual({
      status: 'fail',
      expect: 'events.present {reason: BackOff, container: side}',
      message: 'no such event',
    });
    // an event without a container does not match an expectation that names one
    expect(present({ reason: eq('Scheduled'), container: eq('app') }).status).toBe('fail');
    expect(present({ reason: eq('Scheduled') }).status).toBe('pass');
    expect(present({ reason: eq('BackOff'), message: anyOf('nothing like it', 'in pod p') }).status).toBe('pass');
    expect(present({ reason: eq('BackOff'), message: eq('Back-off pulling') }).status).toBe('fail');
    expect(present({ reason: anyOf('Killing', 'Pulled') }).status).toBe('fail');
    // an event without a message has the empty text
    const bare: Observation = { ...observation, events: [{ reason: 'Killing', container: 'app' }] };
    expect(only({ eventsPresent: [{ reason: eq('Killing'), message: eq('') }] }, bare).status).toBe('pass');
    expect(only({ eventsPresent: [{ reason: eq('Killing'), message: eq('Stopping') }] }, bare).status).toBe('fail');
  });

  it('finds absent events, quoting the one that came', () => {
    expect(only({ eventsAbsent: [{ reason: eq('Killing') }] })).toEqual({
      status: 'pass',
      expect: 'events.absent {reason: Killing}',
      message: 'absent',
    });
    expect(only({ eventsAbsent: [{ reason: eq('BackOff'), container: anyOf('app', 'side') }] })).toEqual({
      status: 'fail',
      expect: 'events.absent {reason: BackOff, container: {anyOf: [app, side]}}',
      message: 'present: BackOff "Back-off restarting failed container app in pod p"',
    });
    const bare: Observation = { ...observation, events: [{ reason: 'Killing' }] };
    expect(only({ eventsAbsent: [{ reason: eq('Killing') }] }, bare).message).toBe('present: Killing ""');
  });

  it('makes event expectations unknown when the backend reports no Events', () => {
    const noEvents: Observation = { points: observation.points, final: observation.final, clock: observation.clock };
    const verdict = judge(
      { eventsPresent: [{ reason: eq('BackOff') }], eventsAbsent: [{ reason: eq('Killing') }] },
      noEvents,
    );
    expect(verdict.status).toBe('unknown');
    expect(verdict.entries.map((e) => e.message)).toEqual([
      'the backend does not report Events',
      'the backend does not report Events',
    ]);
  });

  it('is unknown, never throws, for containers and conditions an observation leaves out entirely', () => {
    const bare: Observation = { ...observation, final: {} };
    const verdict = judge(
      {
        containers: [
          {
            container: 'app',
            state: eq('running' as const),
            reason: eq(''),
            exitCode: eq(0),
            restartCount: eq(0),
            ready: eq(true),
            everStarted: eq(true),
          },
        ],
        conditions: [{ condition: 'Ready', status: eq('True' as const), reason: eq('') }],
      },
      bare,
    );
    expect(verdict.entries.map((e) => e.status)).toEqual(Array(8).fill('unknown'));
    // a container the final state does not list is unknown field by field as well
    const gone = judge({
      containers: [{ container: 'gone', exitCode: eq(0), restartCount: eq(0), ready: eq(true), everStarted: eq(true) }],
    });
    expect(gone.entries.map((e) => [e.expect, e.status])).toEqual([
      ['containers.gone.exitCode', 'unknown'],
      ['containers.gone.restartCount', 'unknown'],
      ['containers.gone.ready', 'unknown'],
      ['containers.gone.everStarted', 'unknown'],
    ]);
  });

  it('names the status entry, and reads a missing event message as empty text', () => {
    expect(only({ status: eq('CrashLoopBackOff') }).expect).toBe('status');
    const bare: Observation = { ...observation, events: [{ reason: 'Killing', container: 'app' }] };
    expect(only({ eventsPresent: [{ reason: eq('Killing'), message: eq(' ') }] }, bare).status).toBe('fail');
  });

  it('makes present and absent event expectations unknown each on its own without Events', () => {
    const noEvents: Observation = { points: observation.points, final: observation.final, clock: observation.clock };
    expect(only({ eventsPresent: [{ reason: eq('BackOff') }] }, noEvents).status).toBe('unknown');
    expect(only({ eventsAbsent: [{ reason: eq('Killing') }] }, noEvents).status).toBe('unknown');
  });

  it('adds up entries as fail > unknown > pass', () => {
    const pass = { phase: eq('Running') };
    const unknown = { containers: [{ container: 'gone', state: eq('running' as const) }] };
    const fail = { status: eq('Error') };
    expect(judge({ ...pass }).status).toBe('pass');
    expect(judge({ ...pass, ...unknown }).status).toBe('unknown');
    expect(judge({ ...pass, ...unknown, ...fail }).status).toBe('fail');
    expect(judge({ ...fail, ...pass }).status).toBe('fail');
  });

  describe('points the backend cannot observe', () => {
    const blind: Observation = { ...observation, unobservablePoints: ['postStart.started', 'ready'] };

    it('makes an order on a missing unobservable point unknown, and on a missing observable one a failure', () => {
      expect(only({ order: [{ before: ref('app.postStart.started'), after: ref('app.exited') }] }, blind)).toEqual({
        status: 'unknown',
        expect: 'order [app.postStart.started, app.exited]',
        message: 'app.postStart.started: the backend cannot observe it',
      });
      expect(only({ order: [{ before: ref('app.term'), after: ref('app.exited') }] }, blind).status).toBe('fail');
    });

    it('cannot confirm that an unobservable point never came', () => {
      expect(only({ never: [ref('app.ready')] }, blind).status).toBe('unknown');
      expect(only({ never: [ref('app.ready')] }).status).toBe('pass');
    });

    it('makes a timing on a missing unobservable point unknown', () => {
      const timing = { type: 'from' as const, from: ref('app.started'), to: ref('app.ready'), maxSeconds: 1 };
      expect(only({ timing: [timing] }, blind).status).toBe('unknown');
      expect(only({ timing: [timing] }).status).toBe('fail');
    });
  });
});
