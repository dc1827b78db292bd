/**
 * `predict` on the manifests people deploy (test/fixtures/everyday/): each predicted timeline is checked against
 * KUBELET-FACTS, and the text output against its golden file. Regenerate the goldens with
 * `UPDATE_GOLDENS=1 npx vitest run test/harness/cli/predict/everyday.test.ts` and read the diff before committing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputText } from '../../../../harness/cases/index.ts';
import { exitCodes } from '../../../../harness/cli/io.ts';
import { resolveAssumptions, type FlagSetting } from '../../../../harness/cli/predict/assumptions.ts';
import { buildPredictReport, type PredictReport } from '../../../../harness/cli/predict/predict-report.ts';
import { takeSettingFlags } from '../../../../harness/cli/predict/setting-flags.ts';
import { formatPointRef } from '../../../../specs/vocabulary/index.ts';
import { cli, repoRoot } from '../cli-in-process.ts';

const dir = join(repoRoot, 'test/fixtures/everyday');

/** Each fixture with the options a user would give it (the golden is the output for exactly these). */
const fixtures: Readonly<Record<string, ReadonlyArray<string>>> = {
  'web-app': ['--observe-for', '90s'],
  'mesh-proxy': ['--observe-for', '30s'],
  'native-sidecar': ['--observe-for', '60s', '--delete-at', '30s'],
  'job-migrate': ['--observe-for', '60s'],
  'cronjob-report': ['--observe-for', '60s'],
  'statefulset-db': ['--observe-for', '120s', '--delete-at', '40s'],
};

async function report(name: string, extra: ReadonlyArray<string> = []): Promise<PredictReport> {
  const text = await readFile(join(dir, `${name}.yaml`), 'utf8');
  const args = [...(fixtures[name] ?? []), ...extra];
  const value = (flag: string): number | undefined => {
    const i = args.indexOf(flag);
    return i < 0 ? undefined : Number((args[i + 1] ?? '').replace(/s$/, ''));
  };
  const deleteAt = value('--delete-at');
  const loaded = loadInputText(text, name, {
    observeForSeconds: value('--observe-for') ?? 120,
    ...(deleteAt !== undefined ? { deleteAtSeconds: deleteAt } : {}),
  });
  if (loaded.status !== 'ok') throw new Error(`${name} does not load`);
  const taken = takeSettingFlags(extra);
  if (taken.status !== 'ok') throw new Error(taken.message);
  const flags: ReadonlyArray<FlagSetting> = taken.settings;
  const assumed = resolveAssumptions(loaded.caseFile.scenario, { plainManifest: true, flags });
  if (assumed.status !== 'ok') throw new Error(assumed.message);
  return buildPredictReport(assumed.scenario, assumed.assumptions);
}

/** The nominal time of a point (`app.created`, `app.started#2`); fails the test when the point is not predicted. */
function at(r: PredictReport, point: string): number {
  const p = r.prediction.points.find((x) => x.nominal && formatPointRef(x.ref) === point);
  if (p === undefined) throw new Error(`${point} is not on the nominal timeline`);
  return p.atSeconds;
}

function has(r: PredictReport, point: string): boolean {
  return r.prediction.points.some((x) => formatPointRef(x.ref) === point);
}

describe('predict on everyday manifests: the timelines agree with the kubelet facts', () => {
  it('web app: ready only after the readiness probe passed, probe runs folded to their period', async () => {
    const r = await report('web-app');
    // §6.2: the readiness cache starts at Failure, so the container is ready only after a probe run (initial delay 5 s)
    expect(at(r, 'web.ready')).toBeGreaterThanOrEqual(at(r, 'web.started') + 5);
    const readiness = r.probes.filter((p) => p.probe === 'readinessProbe');
    expect(readiness).toHaveLength(1);
    expect(readiness[0]?.periodSeconds).toBe(10);
    expect(readiness[0]?.runs).toBeGreaterThan(5);
    expect(r.watch.map((w) => w.ready)).toEqual(expect.arrayContaining(['0/1', '1/1']));
    // Corrections 18: the Scheduled message names the manifest's namespace
    expect(r.events.find((e) => e.reason === 'Scheduled')?.message).toContain('shop/shop-web');
    expect(r.outcomes.map((o) => o.status)).toEqual(['Running']);
  });

  it('mesh proxy: the app is created only after the proxy postStart finished (§2.1)', async () => {
    const r = await report('mesh-proxy');
    expect(at(r, 'orders.created')).toBeGreaterThan(at(r, 'istio-proxy.postStart.finished'));
    // the annotation's 3 s hold is the wait the app sees
    expect(at(r, 'orders.created') - at(r, 'istio-proxy.postStart.started')).toBeGreaterThanOrEqual(3);
    expect(r.assumptions.find((a) => a.subject.startsWith('istio-proxy postStart'))?.source).toBe('annotation');
    // §1.3: the status written before the hook blocked the sync stays: ContainerCreating until it returns
    const running = r.watch.find((w) => w.status === 'Running');
    expect(running?.atSeconds).toBeGreaterThanOrEqual(at(r, 'istio-proxy.postStart.finished'));
  });

  it('native sidecar: starts before the app, is stopped after it at deletion (§3.2, §3.4)', async () => {
    const r = await report('native-sidecar');
    expect(at(r, 'log-shipper.started')).toBeLessThan(at(r, 'api.created'));
    expect(at(r, 'log-shipper.term')).toBeGreaterThanOrEqual(at(r, 'api.exited'));
    expect(r.watch[0]?.ready).toBe('0/2'); // READY counts the sidecar (§7)
    expect(r.watch.map((w) => w.status)).toContain('Terminating');
  });

  it('job pod: the init container runs before the task, and the pod completes (§3.2, §4.1)', async () => {
    const r = await report('job-migrate');
    expect(at(r, 'migrate.created')).toBeGreaterThan(at(r, 'wait-for-db.exited'));
    expect(r.outcomes.map((o) => [o.phase, o.status])).toEqual([['Succeeded', 'Completed']]);
    // the init default decides the outcome: under Never a failed init container fails the pod (§4.2)
    const init = r.assumptions.find((a) => a.setting.type === 'exits' && a.setting.container === 'wait-for-db');
    expect(init?.decidesOutcome?.alternativeOutcome.phase).toBe('Failed');
  });

  it('job pod whose migration fails: Never keeps it terminated, phase Failed (§4.1)', async () => {
    const r = await report('job-migrate', ['--exits', 'migrate=1@5s']);
    expect(has(r, 'migrate.started#2')).toBe(false);
    expect(r.outcomes.map((o) => [o.phase, o.status])).toEqual([['Failed', 'Error']]);
  });

  it('cronjob pod: OnFailure does not restart a task that exits 0 (§4.1)', async () => {
    const r = await report('cronjob-report');
    expect(has(r, 'report.started#2')).toBe(false);
    expect(r.outcomes[0]?.containers['report']).toMatchObject({
      state: 'terminated',
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it('statefulset pod with slow shutdown: preStop, then TERM, then KILL at grace end (§5.2, Corrections 5/21)', async () => {
    const r = await report('statefulset-db');
    const deleted = at(r, 'pod.deleteRequested');
    const preStop = at(r, 'db.preStop.started');
    expect(preStop - deleted).toBeLessThanOrEqual(1.1);
    // TERM when the 20 s hook returned, SIGKILL when the 60 s grace (counted from the preStop start) ran out
    expect(at(r, 'db.term') - preStop).toBeCloseTo(20, 0);
    expect(at(r, 'db.kill') - preStop).toBeCloseTo(60, 0);
    expect(r.outcomes[0]?.containers['db']).toMatchObject({ exitCode: 137 });
  });
});

describe('predict on everyday manifests: golden text output', () => {
  for (const [name, args] of Object.entries(fixtures)) {
    it(`${name}.golden.txt`, async () => {
      const { code, out, err } = await cli('predict', join(dir, `${name}.yaml`), ...args);
      expect(err).toBe('');
      expect(code).toBe(exitCodes.ok);
      const golden = join(dir, `${name}.golden.txt`);
      if (process.env['UPDATE_GOLDENS'] === '1') await writeFile(golden, out);
      expect(out).toBe(await readFile(golden, 'utf8'));
    });
  }
});
