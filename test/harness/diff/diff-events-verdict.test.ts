// The differ's Events and verdict arithmetic, where Stryker found survivors (README "Mutation testing"): what
// a missing or unexpected Event reads as and carries, Events without messages, and how verdicts merge.
import { describe, expect, it } from 'vitest';
import { diffEvents } from '../../../harness/diff/diff-events.ts';
import { filterVerdict, mergeStatus, mergeVerdicts, type Verdict } from '../../../harness/diff/index.ts';
import { literalTemplate, type PredictedEvent } from '../../../specs/vocabulary/index.ts';

function predicted(
  fields: Omit<Partial<PredictedEvent>, 'message'> & { reason: string; message: string },
): PredictedEvent {
  return {
    type: 'Normal',
    atSeconds: 1,
    rule: 'kubelet.start.events',
    certainty: 'certain',
    nominal: true,
    ...fields,
    message: literalTemplate(fields.message),
  };
}

describe('diffEvents', () => {
  it('names what came instead of a missing message, and "none" when nothing came', () => {
    const want = predicted({ reason: 'Started', container: 'app', message: 'Container started' });
    const other = diffEvents([want], [{ reason: 'Started', container: 'app', message: 'Started container app' }]);
    expect(other.violations).toEqual([
      {
        type: 'missing-event',
        rule: 'kubelet.start.events',
        reason: 'Started',
        container: 'app',
        eventMessage: 'Container started',
        message:
          'kubelet.start.events: a Normal Started event for app with a message matching "Container started" should be reported; only "Started container app" came',
      },
    ]);
    const none = diffEvents([predicted({ reason: 'Scheduled', message: 'Successfully assigned' })], []);
    expect(none.violations).toEqual([
      {
        type: 'missing-event',
        rule: 'kubelet.start.events',
        reason: 'Scheduled',
        eventMessage: 'Successfully assigned',
        message:
          'kubelet.start.events: a Normal Scheduled event for the pod with a message matching "Successfully assigned" should be reported; none came',
      },
    ]);
  });

  it('cannot judge the message of an Event reported without one: unknown, not fail', () => {
    const want = predicted({ reason: 'Killing', container: 'app', message: 'Stopping container app' });
    expect(diffEvents([want], [{ reason: 'Killing', container: 'app' }])).toEqual({
      violations: [],
      unobserved: ['events.Killing.app.message'],
    });
    expect(
      diffEvents([predicted({ reason: 'Scheduled', message: 'x' })], [{ reason: 'Scheduled' }]).unobserved,
    ).toEqual(['events.Scheduled.the pod.message']);
  });

  it('reports a predicted Event once, however often it is predicted, and ignores possible ones', () => {
    const want = predicted({ reason: 'BackOff', container: 'app', message: 'Back-off restarting' });
    expect(diffEvents([want, { ...want, atSeconds: 20 }], []).violations).toHaveLength(1);
    expect(diffEvents([{ ...want, certainty: 'possible' }], []).violations).toEqual([]);
    // a message must contain the predicted text; another container's Event does not count
    expect(
      diffEvents([want], [{ reason: 'BackOff', container: 'side', message: 'Back-off restarting' }]).violations,
    ).toHaveLength(2);
  });

  it('carries an unexpected Event with what is known of it', () => {
    const full = diffEvents([], [{ reason: 'Killing', container: 'app', message: 'Stopping container app', t: 3 }]);
    expect(full.violations).toEqual([
      {
        type: 'unexpected-event',
        rule: 'kubelet.kill.event',
        reason: 'Killing',
        container: 'app',
        eventMessage: 'Stopping container app',
        atSeconds: 3,
        message:
          'kubelet.kill.event: no Killing event is predicted for app; one came at 3.00 s ("Stopping container app")',
      },
    ]);
    const bare = diffEvents([], [{ reason: 'Evicted' }]);
    expect(bare.violations).toEqual([
      {
        type: 'unexpected-event',
        rule: 'kubelet.events.reasons',
        reason: 'Evicted',
        message: 'kubelet.events.reasons: no Evicted event is predicted for the pod; one came',
      },
    ]);
  });

  it('is unknown without Events only when some Event is certain', () => {
    expect(diffEvents([predicted({ reason: 'Pulled', message: 'x' })], undefined)).toEqual({
      violations: [],
      unobserved: ['events'],
    });
    expect(diffEvents([predicted({ reason: 'Pulled', message: 'x', certainty: 'possible' })], undefined)).toEqual({
      violations: [],
      unobserved: [],
    });
    expect(diffEvents([], undefined)).toEqual({ violations: [], unobserved: [] });
  });
});

describe('verdicts', () => {
  const pass: Verdict = { status: 'pass', violations: [], unobserved: [] };
  const broken: Verdict = { status: 'unknown', violations: [], unobserved: [], error: 'the differ failed: x' };

  it('merge errors with "; " and keep none when none failed', () => {
    expect(mergeVerdicts([pass, pass])).toEqual(pass);
    expect(mergeVerdicts([broken, pass, { ...broken, error: 'y' }])).toEqual({
      status: 'unknown',
      violations: [],
      unobserved: [],
      error: 'the differ failed: x; y',
    });
  });

  it('filter to unknown when the differ failed, whatever is kept', () => {
    expect(filterVerdict(broken, () => true).status).toBe('unknown');
    expect(filterVerdict(pass, () => false)).toEqual(pass);
  });

  it('take the worse status, the first on a tie', () => {
    expect(mergeStatus('unknown', 'unknown')).toBe('unknown');
    expect(mergeStatus('pass', 'fail')).toBe('fail');
    expect(mergeStatus('fail', 'unknown')).toBe('fail');
  });
});
