import { describe, expect, it } from 'vitest';
import { loadCaseText } from '../../../harness/cases/index.ts';
import { resultsProblem } from '../../../reports/results/read-results.ts';
import { resultsSchemaVersion } from '../../../reports/results/schema.ts';
import { sampleResults } from '../sample-results.ts';

// The library on the simulator with preStop hooks skipped on delete: the preStop cases fail, the rest pass.
const sample = await sampleResults({ deviation: 'prestop-skipped-on-delete', scenarios: 6 });

describe('results.json built from a run', () => {
  it('counts the entries and takes the worst status', () => {
    const { summary } = sample;
    expect(summary.total).toBe(sample.entries.length);
    expect(summary.pass + summary.fail + summary.unknown + summary.error + summary.noExpectations).toBe(summary.total);
    expect(summary.fail).toBeGreaterThan(0);
    expect(summary.pass).toBeGreaterThan(0);
    expect(sample.status).toBe('fail');
  });

  it('is a record its own reader accepts, and JSON through and through', () => {
    const text = JSON.stringify(sample);
    const roundTripped: unknown = JSON.parse(text);
    expect(JSON.stringify(roundTripped)).toBe(text);
    expect(resultsProblem(roundTripped)).toBeUndefined();
    expect(resultsProblem({ ...sample, schemaVersion: resultsSchemaVersion + 1 })).toMatch(
      /newer than this podconform/,
    );
    expect(resultsProblem({ ...sample, kind: 'other' })).toMatch(/^kind:/);
  });

  it('puts the first divergence of a failing case first, with the rule the model cites for its point', () => {
    const failed = sample.entries.find((e) => e.kind === 'case' && e.status === 'fail' && e.id.includes('prestop'));
    expect(failed).toBeDefined();
    const first = failed?.findings[0];
    expect(first?.status).toBe('fail');
    expect(first?.subject).toMatch(/\.preStop\.started$/);
    expect(first?.rule).toBe('term.prestop-first');
    expect(failed?.rules.find((r) => r.rule === 'term.prestop-first')?.status).toBe('fail');
    expect(failed?.manifest).toHaveProperty('yaml');
    expect(failed?.manifest && 'yaml' in failed.manifest ? failed.manifest.yaml : '').toMatch(/^kind: Pod$/m);
  });

  it('orders a failing scenario’s findings by time and explains every rule they name', () => {
    const failed = sample.entries.filter((e) => e.kind === 'scenario' && e.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const entry of failed) {
      const times = entry.findings.filter((f) => f.atSeconds !== undefined).map((f) => f.atSeconds ?? 0);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const f of entry.findings) if (f.rule !== undefined) expect(sample.rules.map((r) => r.id)).toContain(f.rule);
      expect(entry.replay).toMatch(new RegExp(`--path ${entry.index ?? -1} .*--runs 1$`));
    }
  });

  it('keeps each scenario as a case the loader reads back', () => {
    for (const entry of sample.entries) {
      const fromCase = loadCaseText(entry.caseYaml, `${entry.id}.case.yaml`);
      expect(fromCase.status).toBe('ok');
      const fromProtocol = loadCaseText(JSON.stringify(entry.scenario), entry.id);
      expect(fromProtocol.status).toBe('ok');
    }
  });

  it('draws windows from the observed anchor and every observed point on its container’s lane', () => {
    const entry = sample.entries.find((e) => e.status === 'pass' && e.observation !== undefined);
    const timeline = entry?.timeline;
    expect(timeline?.lanes.at(-1)).toBe('pod');
    for (const p of timeline?.observed ?? []) expect(timeline?.lanes).toContain(p.lane);
    const anchored = timeline?.windows.find((w) => w.follows !== undefined && w.follows !== 'pod.created');
    const anchor = timeline?.observed.find((p) => p.point === anchored?.follows);
    const predicted = entry?.prediction?.points.find((p) => p.rule === anchored?.rule);
    expect(anchor).toBeDefined();
    expect(predicted).toBeDefined();
    for (const w of timeline?.windows ?? []) expect(w.toSeconds).toBeGreaterThanOrEqual(w.fromSeconds);
    expect(timeline?.predictedStatus[0]).toEqual({ t: 0, status: 'Pending' });
  });

  it('lists the documentation divergences of the catalogue apart', () => {
    expect(sample.documentationDivergences.length).toBeGreaterThan(0);
    for (const d of sample.documentationDivergences) expect(d.divergence?.kubelet).toBeTruthy();
  });
});
