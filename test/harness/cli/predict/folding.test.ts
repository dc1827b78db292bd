/** Probe runs and repeated Events folded into one line each, counting exactly what the prediction holds. */
import { describe, expect, it } from 'vitest';
import { loadInputText } from '../../../../harness/cases/index.ts';
import { resolveAssumptions } from '../../../../harness/cli/predict/assumptions.ts';
import { buildPredictReport } from '../../../../harness/cli/predict/predict-report.ts';
import { renderPredictText } from '../../../../harness/cli/predict/render-text.ts';
import { takeSettingFlags } from '../../../../harness/cli/predict/setting-flags.ts';

const manifest = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: prod}
spec:
  containers:
    - name: app
      image: example/app:1
      readinessProbe: {httpGet: {port: 80}, periodSeconds: 5}
`;

function reportWith(argv: string[]) {
  const loaded = loadInputText(manifest, 'web.yaml', { observeForSeconds: 120 });
  const flags = takeSettingFlags(argv);
  if (loaded.status !== 'ok' || flags.status !== 'ok') throw new Error('setup');
  const r = resolveAssumptions(loaded.caseFile.scenario, { plainManifest: true, flags: flags.settings });
  if (r.status !== 'ok') throw new Error(r.message);
  return buildPredictReport(r.scenario, r.assumptions);
}

describe('folding', () => {
  it('folds every readiness run into one line per period, with the Unhealthy failures counted', () => {
    const r = reportWith(['--probe', 'app.readiness=fails-until:30s']);
    const ran = r.prediction.points.filter((p) => p.nominal && p.ref.name === 'readinessProbe.ran');
    const unhealthy = r.prediction.events.filter((e) => e.nominal && e.reason === 'Unhealthy');
    expect(ran.length).toBeGreaterThan(10);
    expect(r.probes.reduce((n, p) => n + p.runs, 0)).toBe(ran.length);
    expect(r.probes.reduce((n, p) => n + p.failures, 0)).toBe(unhealthy.length);
    expect(unhealthy.length).toBeGreaterThan(0);
    const text = renderPredictText(r);
    expect(text).not.toMatch(/readinessProbe\.ran/);
    expect(text).toMatch(/app readiness probe: every 5s from .* fails \d+ of \d+ times/);
  });

  it('folds repeated Events with their count and span, in order of first occurrence', () => {
    const r = reportWith(['--exits', 'app=1@3s']);
    const nominal = r.prediction.events.filter((e) => e.nominal);
    expect(r.events.reduce((n, e) => n + e.count, 0)).toBe(nominal.length);
    const backOff = r.events.find((e) => e.reason === 'BackOff');
    expect(backOff?.count).toBeGreaterThan(1);
    expect(backOff?.message).toContain('web_prod(');
    const firsts = r.events.map((e) => e.firstSeconds);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(renderPredictText(r)).toMatch(/BackOff +\S+ \(x\d+ over \d+s\)/);
  });
});
