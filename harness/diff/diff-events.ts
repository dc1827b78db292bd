/**
 * Events: every `certain` predicted Event must be reported (reason, container, and a message that matches the
 * predicted template somewhere, each hole matching only text of its type); an Event whose reason the prediction
 * never has for that container is unexpected. Judged only when the backend reports Events.
 */
import { matchesTemplate, type ObservedEvent, type PredictedEvent } from '../../specs/vocabulary/index.ts';
import { seconds } from './format.ts';
import type { Violation } from './violation.ts';

/** What the Events of an observation tell against the prediction. */
export interface EventFindings {
  readonly violations: ReadonlyArray<Violation>;
  readonly unobserved: ReadonlyArray<string>;
}

// The rule an unpredicted Event of a reason speaks against; reasons not listed fall to the vocabulary rule.
const unexpectedRule: Readonly<Record<string, string>> = {
  Pulling: 'kubelet.image.pull-events',
  Pulled: 'kubelet.image.pull-events',
  Failed: 'kubelet.image.pull-events',
  Created: 'kubelet.start.events',
  Started: 'kubelet.start.events',
  Killing: 'kubelet.kill.event',
  BackOff: 'kubelet.backoff.event',
  Unhealthy: 'kubelet.probe.unhealthy-event',
  FailedPostStartHook: 'events.failed-poststart',
  FailedPreStopHook: 'events.failed-prestop',
};

function ownerKey(reason: string, container: string | undefined): string {
  return `${reason}|${container ?? ''}`;
}

function whose(container: string | undefined): string {
  return container === undefined ? 'the pod' : container;
}

/** Compares observed Events with the predicted ones; `observed` absent means the backend cannot see Events. */
export function diffEvents(
  predicted: ReadonlyArray<PredictedEvent>,
  observed: ReadonlyArray<ObservedEvent> | undefined,
): EventFindings {
  if (observed === undefined) {
    const anyCertain = predicted.some((e) => e.certainty === 'certain');
    return { violations: [], unobserved: anyCertain ? ['events'] : [] };
  }
  const violations: Violation[] = [];
  const unobserved: string[] = [];
  const reported = new Map<string, ObservedEvent[]>();
  for (const e of observed) {
    const key = ownerKey(e.reason, e.container);
    const list = reported.get(key);
    if (list) list.push(e);
    else reported.set(key, [e]);
  }
  const judged = new Set<string>();
  for (const p of predicted) {
    if (p.certainty !== 'certain') continue;
    const key = `${ownerKey(p.reason, p.container)}|${p.message}`;
    if (judged.has(key)) continue;
    judged.add(key);
    const candidates = reported.get(ownerKey(p.reason, p.container)) ?? [];
    if (candidates.some((e) => e.message !== undefined && matchesTemplate(p.message, e.message))) continue;
    if (candidates.some((e) => e.message === undefined)) {
      // The backend reports the reason but no message: the message cannot be judged.
      unobserved.push(`events.${p.reason}.${whose(p.container)}.message`);
      continue;
    }
    violations.push({
      type: 'missing-event',
      rule: p.rule,
      reason: p.reason,
      ...(p.container !== undefined ? { container: p.container } : {}),
      eventMessage: p.message,
      message: `${p.rule}: a ${p.type} ${p.reason} event for ${whose(p.container)} with a message matching "${p.message}" should be reported${candidates.length > 0 ? `; only ${candidates.map((e) => `"${e.message ?? ''}"`).join(', ')} came` : '; none came'}`,
    });
  }
  const predictedOwners = new Set(predicted.map((p) => ownerKey(p.reason, p.container)));
  for (const [key, list] of reported) {
    if (predictedOwners.has(key)) continue;
    const e = list[0];
    if (e === undefined) continue;
    const rule = unexpectedRule[e.reason] ?? 'kubelet.events.reasons';
    const when = e.t === undefined ? '' : ` at ${seconds(e.t)}`;
    const text = e.message === undefined ? '' : ` ("${e.message}")`;
    violations.push({
      type: 'unexpected-event',
      rule,
      reason: e.reason,
      ...(e.container !== undefined ? { container: e.container } : {}),
      ...(e.message !== undefined ? { eventMessage: e.message } : {}),
      ...(e.t !== undefined ? { atSeconds: e.t } : {}),
      message: `${rule}: no ${e.reason} event is predicted for ${whose(e.container)}; one came${when}${text}`,
    });
  }
  return { violations, unobserved };
}
