/**
 * Which rules an entry exercises and how each fared there, for the coverage matrix. A generated scenario exercises
 * every rule its prediction cites; a case, the rules its file names (and those its failures name). A rule fails where
 * a finding names it; otherwise it passes only when the whole entry passed — an unknown entry could not show it.
 */
import type { Prediction } from '../../specs/vocabulary/index.ts';
import type { EntryFinding, EntryStatus, ResultEntry } from './schema.ts';

/** Every rule a prediction cites: points, forbidden points, final values and Events. */
export function predictionRules(prediction: Prediction): string[] {
  const rules = new Set<string>();
  for (const p of prediction.points) rules.add(p.rule);
  for (const p of prediction.never) rules.add(p.rule);
  for (const e of prediction.events) rules.add(e.rule);
  const f = prediction.final;
  for (const v of [f.phase, f.status, f.gone]) rules.add(v.rule);
  for (const c of Object.values(f.conditions)) for (const v of [c.status, c.reason]) rules.add(v.rule);
  for (const c of Object.values(f.containers)) {
    for (const v of [c.state, c.reason, c.exitCode, c.restartCount, c.ready, c.everStarted]) rules.add(v.rule);
  }
  return [...rules];
}

/** Each exercised rule with its outcome in this entry, sorted by id. */
export function ruleOutcomes(
  exercised: ReadonlyArray<string>,
  findings: ReadonlyArray<EntryFinding>,
  status: EntryStatus,
): ResultEntry['rules'] {
  const failed = new Set(findings.filter((f) => f.status === 'fail' && f.rule !== undefined).map((f) => f.rule));
  const all = new Set([...exercised, ...failed].filter((r): r is string => r !== undefined));
  const otherwise = status === 'pass' ? 'pass' : 'unknown';
  return [...all].sort().map((rule) => ({ rule, status: failed.has(rule) ? 'fail' : otherwise }));
}
