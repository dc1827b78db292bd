import { describe, expect, it } from 'vitest';
import { parseAnswer, parseObservation } from '../../../../harness/backends/exec/index.ts';

const valid = {
  points: [
    { point: 'init1.started', t: 0.12 },
    { point: 'init1.exited', t: 1.15 },
  ],
  final: {
    phase: 'Failed',
    status: 'Init:Error',
    gone: false,
    conditions: { Initialized: { status: 'False', reason: 'ContainersNotInitialized' } },
    containers: {
      init1: {
        state: 'terminated',
        reason: 'Completed',
        exitCode: 0,
        restartCount: 0,
        ready: false,
        everStarted: true,
      },
    },
  },
  events: [{ reason: 'Started', container: 'init1', t: 0.1, message: 'Started container init1' }],
  clock: { resolution: 0.01 },
};

describe('parseObservation', () => {
  it("reads FORMAT.md's example observation", () => {
    const parsed = parseObservation(valid);
    expect(parsed).toEqual({ status: 'ok', observation: valid });
  });

  it('keeps events absent when the backend does not report them, and takes a missing clock as exact', () => {
    const parsed = parseObservation({ points: [], final: {} });
    expect(parsed).toEqual({ status: 'ok', observation: { points: [], final: {}, clock: { resolution: 0 } } });
  });

  it('names every field that is wrong, and never throws', () => {
    const parsed = parseObservation({
      points: [{ point: 'app.begun', t: 1 }, { point: 'app.started', t: -1 }, 'x'],
      final: { phase: 3, containers: { app: { state: 'sleeping', restartCount: 1.5 } }, conditions: { Ready: {} } },
      events: [{ reason: '' }],
      clock: { resolution: 'fine' },
    });
    expect(parsed.status).toBe('invalid');
    if (parsed.status !== 'invalid') return;
    expect(parsed.problems).toEqual([
      expect.stringContaining("points[0].point: 'app.begun': unknown container point 'begun'"),
      'points[1].t: expected a number of seconds >= 0, got -1',
      'points[2]: expected an object, got "x"',
      'final.conditions.Ready.status: expected "True", "False" or "Unknown", got undefined',
      'final.containers.app.state: expected waiting, running or terminated, got "sleeping"',
      'final.containers.app.restartCount: expected a whole number >= 0, got 1.5',
      'final.phase: expected a string, got 3',
      'events[0].reason: expected a non-empty string, got ""',
      'clock.resolution: expected a number of seconds >= 0, got "fine"',
    ]);
    for (const bad of [null, 3, 'x', [], { points: 'none', final: {} }]) {
      expect(parseObservation(bad).status).toBe('invalid');
    }
  });
});

describe('parseAnswer', () => {
  it('reads an observation, an error, and says what is wrong with anything else', () => {
    expect(parseAnswer(JSON.stringify({ observation: valid })).status).toBe('observation');
    expect(parseAnswer('{"error": "no node"}')).toEqual({ status: 'error', message: 'no node' });
    expect(parseAnswer('pod started OK')).toEqual({
      status: 'malformed',
      problem: 'answered a line that is not JSON: pod started OK',
    });
    expect(parseAnswer('{"result": 1}')).toEqual({
      status: 'malformed',
      problem: 'answered {"result": 1}; expected {"observation": ...} or {"error": "..."}',
    });
    expect(parseAnswer('{"error": 7}').status).toBe('malformed');
    expect(parseAnswer('[1]').status).toBe('malformed');
    const bad = parseAnswer('{"observation": {"points": [], "final": {"gone": "yes"}}}');
    expect(bad).toEqual({
      status: 'malformed',
      problem: 'answered an observation that does not fit the format: final.gone: expected true or false, got "yes"',
    });
  });
});
