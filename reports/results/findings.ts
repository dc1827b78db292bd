/**
 * What did not pass, as findings a person reads in order: failures before unknowns, and among failures the earliest
 * in the pod's life first — the first divergence is where the implementation first parted from the rules.
 */
import { formatPointRef, parsePointRef, type Prediction } from '../../specs/vocabulary/index.ts';
import type { Verdict, Violation } from '../../harness/diff/index.ts';
import type { CaseFailure } from '../../harness/run/judge-case.ts';
import type { EntryFinding } from './schema.ts';

function nominalTime(prediction: Prediction | undefined, point: string): number | undefined {
  return prediction?.points.find((p) => formatPointRef(p.ref) === point)?.atSeconds;
}

function ruleOfPoint(prediction: Prediction | undefined, point: string): string | undefined {
  return (
    prediction?.points.find((p) => formatPointRef(p.ref) === point)?.rule ??
    prediction?.never.find((p) => formatPointRef(p.ref) === point)?.rule
  );
}

/** Where a violation shows: the point or field, and the time when it has one. */
function placeOf(
  v: Violation,
  prediction: Prediction | undefined,
  observed: ReadonlyMap<string, number>,
  observeFor: number,
): { readonly subject: string; readonly atSeconds?: number } {
  switch (v.type) {
    case 'missing-point': {
      const at = nominalTime(prediction, v.point);
      return { subject: v.point, ...(at === undefined ? {} : { atSeconds: at }) };
    }
    case 'window':
    case 'order': {
      const at = observed.get(v.point);
      return { subject: v.point, ...(at === undefined ? {} : { atSeconds: at }) };
    }
    case 'forbidden-point':
      return { subject: v.point, atSeconds: v.atSeconds };
    case 'final-value':
      return { subject: v.field, atSeconds: observeFor };
    case 'missing-event':
      return { subject: `event ${v.reason}` };
    case 'unexpected-event':
      return { subject: `event ${v.reason}`, ...(v.atSeconds === undefined ? {} : { atSeconds: v.atSeconds }) };
  }
}

function byTime(a: EntryFinding, b: EntryFinding): number {
  return (a.atSeconds ?? Number.POSITIVE_INFINITY) - (b.atSeconds ?? Number.POSITIVE_INFINITY);
}

/** A differ's verdict as findings: violations by time, then what could not be judged. */
export function verdictFindings(
  verdict: Verdict,
  prediction: Prediction | undefined,
  observed: ReadonlyMap<string, number>,
  observeFor: number,
): EntryFinding[] {
  const failures: EntryFinding[] = verdict.violations.map((v) => ({
    status: 'fail',
    rule: v.rule,
    check: v.type,
    // The differ's sentence opens with the rule's id; the finding names the rule in its own field.
    message: v.message.startsWith(`${v.rule}: `) ? v.message.slice(v.rule.length + 2) : v.message,
    ...placeOf(v, prediction, observed, observeFor),
  }));
  const unknowns: EntryFinding[] = verdict.unobserved.map((u) => ({
    status: 'unknown',
    check: 'unobserved',
    message: `could not be judged: ${u}`,
  }));
  if (verdict.error !== undefined) unknowns.unshift({ status: 'unknown', check: 'differ', message: verdict.error });
  return [...failures.sort(byTime), ...unknowns];
}

function pointsIn(text: string): string[] {
  return [...text.matchAll(/[a-z0-9-]+\.[A-Za-z.]*[A-Za-z](?:#\d+)?/g)]
    .map((m) => m[0])
    .filter((point) => parsePointRef(point).status === 'ok');
}

/**
 * The point an expect entry is about: the one its message says did not occur (or occurred when it must not), else
 * the later point of an order or timing, or the point of `never`.
 */
function subjectOfExpect(expect: string, message: string): string | undefined {
  const named = /^(\S+) (did not occur|occurred)/.exec(message)?.[1];
  if (named !== undefined && pointsIn(named).length === 1) return named;
  return pointsIn(expect).at(-1);
}

/** A case's failed and unknown expect entries as findings, with the rule the model cites for the point each is about. */
export function caseFindings(
  failures: ReadonlyArray<CaseFailure>,
  prediction: Prediction | undefined,
  observed: ReadonlyMap<string, number>,
): EntryFinding[] {
  const findings = failures.map((f): EntryFinding => {
    const subject =
      subjectOfExpect(f.expect, f.message) ??
      (/^(containers|conditions|phase|status)/.test(f.expect) ? f.expect : undefined);
    const point = subject !== undefined && parsePointRef(subject).status === 'ok' ? subject : undefined;
    const rule = point === undefined ? undefined : ruleOfPoint(prediction, point);
    const at = point === undefined ? undefined : (observed.get(point) ?? nominalTime(prediction, point));
    return {
      status: f.status ?? 'fail',
      check: f.expect,
      message: f.message,
      ...(rule === undefined ? {} : { rule }),
      ...(subject === undefined ? {} : { subject }),
      ...(at === undefined ? {} : { atSeconds: at }),
    };
  });
  const fails = findings.filter((f) => f.status === 'fail').sort(byTime);
  return [...fails, ...findings.filter((f) => f.status !== 'fail')];
}
