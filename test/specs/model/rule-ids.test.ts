// Every rule the model cites exists in the catalogue: on points, the never list, Events, every final value, and every
// latency. Checked over the built corpus everywhere and over the shared case library when it is beside the repository.
import { describe, expect, it } from 'vitest';
import { backOffLag } from '../../../specs/model/latencies.ts';
import { latencies, predict } from '../../../specs/model/index.ts';
import { isRuleId } from '../../../specs/rules/index.ts';
import type { Predicted, Prediction } from '../../../specs/vocabulary/index.ts';
import { formatPointRef } from '../../../specs/vocabulary/index.ts';
import { builtCorpus, sharedCases, type CorpusEntry } from './corpus.ts';

/** Every rule id a prediction cites, each with where it was cited. */
function citedRules(p: Prediction): Array<{ readonly rule: string; readonly where: string }> {
  const cited: Array<{ rule: string; where: string }> = [];
  for (const x of p.points) cited.push({ rule: x.rule, where: `point ${formatPointRef(x.ref)}` });
  for (const n of p.never) cited.push({ rule: n.rule, where: `never ${formatPointRef(n.ref)}` });
  for (const e of p.events) cited.push({ rule: e.rule, where: `event ${e.reason} ${e.container ?? '(pod)'}` });
  cited.push({ rule: p.final.phase.rule, where: 'final phase' });
  cited.push({ rule: p.final.status.rule, where: 'final status' });
  cited.push({ rule: p.final.gone.rule, where: 'final gone' });
  for (const [name, c] of Object.entries(p.final.containers)) {
    const fields = Object.entries(c) as Array<[string, Predicted<unknown>]>;
    for (const [field, value] of fields) cited.push({ rule: value.rule, where: `final ${name}.${field}` });
  }
  for (const [type, c] of Object.entries(p.final.conditions)) {
    cited.push({ rule: c.status.rule, where: `final condition ${type}.status` });
    cited.push({ rule: c.reason.rule, where: `final condition ${type}.reason` });
  }
  return cited;
}

function expectCatalogued(entry: CorpusEntry): void {
  const p = predict(entry.scenario);
  const cited = citedRules(p);
  expect(cited.length).toBeGreaterThan(0);
  const unknown = cited.filter((c) => !isRuleId(c.rule)).map((c) => `${c.rule} (${c.where})`);
  expect(unknown).toEqual([]);
}

describe('the catalogue check itself', () => {
  it('tells a catalogued id from an unknown one', () => {
    expect(isRuleId('kubelet.backoff.sequence')).toBe(true);
    expect(isRuleId('kubelet.backoff.no-such-rule')).toBe(false);
  });
});

describe('rules cited for the built corpus', () => {
  it.each(builtCorpus.map((e) => [e.name, e] as const))('%s', (_name, entry) => {
    expectCatalogued(entry);
  });
});

const shared = await sharedCases();

describe.runIf(shared.length > 0)('rules cited for the shared cases', () => {
  it.each(shared.map((e) => [e.name, e] as const))('%s', (_name, entry) => {
    expectCatalogued(entry);
  });
});

describe('rules of the latencies', () => {
  it.each(Object.entries(latencies))('%s', (_name, delay) => {
    expect(isRuleId(delay.rule)).toBe(true);
  });

  it('the CrashLoopBackOff lag', () => {
    expect(isRuleId(backOffLag(10).rule)).toBe(true);
  });
});
