/**
 * The realistic mode: a node of its own (names, UIDs, runtime), milliseconds on every runtime call,
 * clock phases drawn per scenario, all from the seed; and every case still passes on it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCaseText } from '../../../../harness/cases/index.ts';
import { createSimBackend, simulate } from '../../../../harness/backends/sim/index.ts';
import { Latencies } from '../../../../harness/backends/sim/latencies.ts';
import { drawIdentity, nominalIdentity } from '../../../../harness/backends/sim/node-identity.ts';
import { Prng } from '../../../../harness/backends/sim/prng.ts';
import type { Observation } from '../../../../specs/vocabulary/index.ts';
import { container, deleteAt, exec, hook, runs, scenario } from './build.ts';
import { unmetExpectations } from './expect-check.ts';
import { caseFiles, libraryDir } from './library-case-files.ts';
import { must, observe } from './observe-helpers.ts';
import { haveSharedCases, loadSharedCases } from './shared-cases.ts';

const ms = (seconds: number): number => Math.round(seconds * 1000);
const eventAt = (o: Observation, reason: string, c: string): number =>
  o.events?.find((e) => e.reason === reason && e.container === c)?.t ?? Number.NaN;

const mixed = scenario({
  id: 'realistic-mixed',
  grace: 10,
  containers: [
    container('app', runs('exit', 0), { preStop: hook(1, 'success', exec) }),
    container('web', runs('exit', 0), { image: 'nginx:1.27' }),
  ],
  node: { cached: ['busybox:1.36'], pullTakesSeconds: 2 },
  actions: [deleteAt(8)],
  observeFor: 20,
});

describe('realistic mode replays from its seed', () => {
  it('gives the same observation for the same seed and another for another seed', () => {
    expect(simulate(mixed, { realistic: true, seed: 5 })).toEqual(simulate(mixed, { realistic: true, seed: 5 }));
    expect(simulate(mixed, { realistic: true, seed: 5 })).not.toEqual(simulate(mixed, { realistic: true, seed: 6 }));
  });

  it('without a seed draws from the scenario id, so a case always meets the same node', () => {
    expect(simulate(mixed, { realistic: true })).toEqual(simulate(mixed, { realistic: true }));
    const other = { ...mixed, id: 'realistic-other' };
    const scheduled = (o: ReturnType<typeof simulate>): string =>
      o.status === 'observed' ? (o.observation.events?.[0]?.message ?? '') : '';
    expect(scheduled(simulate(mixed, { realistic: true }))).not.toBe(scheduled(simulate(other, { realistic: true })));
  });

  it('leaves the nominal and jitter modes as they were unless asked', () => {
    expect(simulate(mixed, { realistic: false })).toEqual(simulate(mixed));
    expect(simulate(mixed, { realistic: false, seed: 3 })).toEqual(simulate(mixed, { seed: 3 }));
  });

  it('is a backend setting', async () => {
    const backend = createSimBackend({ realistic: true });
    const outcome = await backend.run(mixed);
    expect(outcome).toEqual(simulate(mixed, { realistic: true }));
  });
});

describe('realistic draws', () => {
  it('puts milliseconds on hook calls, signals, traps and pulls, inside their ranges', () => {
    const hookDelays: number[] = [];
    const trapDelays: number[] = [];
    const pullExtra: number[] = [];
    for (let seed = 1; seed <= 120; seed++) {
      const o = observe(mixed, { realistic: true, seed });
      // Killing -> preStop command running: the hook call (1-15 ms) and the exec's setup (2-20 ms)
      hookDelays.push(ms(must(o, 'app.preStop.started') - eventAt(o, 'Killing', 'app')));
      // web exits on TERM "at once": a trap still takes 1-20 ms
      trapDelays.push(ms(must(o, 'web.exited') - must(o, 'web.term')));
      // a 2 s world pull: the registry's 8-250 ms and the queue's 0-60 ms on top
      pullExtra.push(ms(must(o, 'web.pulled') - must(o, 'web.pullStarted')) - 2000);
    }
    expect(Math.min(...hookDelays)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...hookDelays)).toBeLessThanOrEqual(35);
    expect(new Set(hookDelays).size).toBeGreaterThan(10);
    expect(Math.min(...trapDelays)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...trapDelays)).toBeLessThanOrEqual(20);
    expect(new Set(trapDelays).size).toBeGreaterThan(10);
    expect(Math.min(...pullExtra)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...pullExtra)).toBeLessThanOrEqual(310);
    expect(new Set(pullExtra).size).toBeGreaterThan(50);
  });

  it('keeps the exec hook work itself exactly as long as the scenario says', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const o = observe(mixed, { realistic: true, seed });
      expect(ms(must(o, 'app.preStop.finished') - must(o, 'app.preStop.started'))).toBe(1000);
    }
  });

  it('draws relist and sync-ticker phases per scenario; jitter draws the relist phase only', () => {
    const relist = new Set<number>();
    const ticker = new Set<number>();
    for (let seed = 0; seed < 200; seed++) {
      const l = new Latencies('realistic', seed);
      relist.add(l.relistPhaseMs);
      ticker.add(l.syncTickerPhaseMs ?? -1);
      expect(new Latencies('jitter', seed).syncTickerPhaseMs).toBeUndefined();
    }
    expect(Math.min(...ticker)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ticker)).toBeLessThan(1000);
    expect(ticker.size).toBeGreaterThan(150);
    expect(relist.size).toBeGreaterThan(150);
    const nominal = new Latencies('nominal', 0);
    expect([nominal.relistPhaseMs, nominal.syncTickerPhaseMs, nominal.watch(), nominal.hookCall()]).toEqual([
      500,
      undefined,
      50,
      1,
    ]);
  });

  it('sleeps a probe worker a random part of its period only on a kubelet started less than a period ago', () => {
    let recent = 0;
    for (let seed = 0; seed < 400; seed++) {
      const l = new Latencies('realistic', seed);
      const sleep = l.probeWorkerStart(100, 30_000);
      if (100 - l.kubeletStartedMs < 30_000) {
        recent++;
        expect(sleep).toBeGreaterThanOrEqual(0);
        expect(sleep).toBeLessThan(30_000);
      } else {
        expect(sleep).toBeLessThanOrEqual(3);
      }
      // a kubelet up for longer than the period never sleeps the worker
      expect(l.probeWorkerStart(100, 1000)).toBeLessThanOrEqual(3);
    }
    expect(recent).toBeGreaterThan(0);
    expect(recent).toBeLessThan(40);
    expect(new Latencies('jitter', 1).probeWorkerStart(100, 30_000)).toBe(0);
  });

  it('draws names that are never the nominal ones and keeps a namespace the manifest writes', () => {
    const plain = scenario({ containers: [container('app')] });
    const named = scenario({ namespace: 'shop', containers: [container('app')] });
    expect(nominalIdentity(plain)).toMatchObject({ namespace: 'default', uid: 'uid', nodeName: 'node' });
    const uids = new Set<string>();
    const runtimes = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const id = drawIdentity(plain, new Prng(seed));
      expect(id.namespace).not.toBe('default');
      expect(id.nodeName).not.toBe('node');
      expect(id.podIp).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(id.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      uids.add(id.uid);
      runtimes.add(id.runtime);
      expect(drawIdentity(named, new Prng(seed)).namespace).toBe('shop');
    }
    expect(uids.size).toBe(200);
    expect([...runtimes].sort()).toEqual(['containerd', 'cri-o']);
  });
});

// The project's case library and the shared cases: `podconform check --backend sim` in realistic mode
describe('every case on a realistic node', () => {
  const seeds = [undefined, 11, 12];
  it('the case library passes on three realistic nodes each', () => {
    for (const file of caseFiles(libraryDir)) {
      const loaded = loadCaseText(readFileSync(file, 'utf8'), file);
      if (loaded.status !== 'ok') throw new Error(loaded.problems.map((p) => p.message).join('; '));
      for (const seed of seeds) {
        const outcome = simulate(
          loaded.caseFile.scenario,
          seed === undefined ? { realistic: true } : { realistic: true, seed },
        );
        if (outcome.status !== 'observed') throw new Error(`${file}: ${outcome.reason}`);
        expect(unmetExpectations(loaded.caseFile.expect, outcome.observation), `${file} seed ${String(seed)}`).toEqual(
          [],
        );
      }
    }
  });

  it.runIf(haveSharedCases)('the shared cases pass on three realistic nodes each', () => {
    for (const { file, loaded } of loadSharedCases()) {
      if (typeof loaded === 'string') throw new Error(`${file} does not load: ${loaded}`);
      for (const seed of seeds) {
        const outcome = simulate(loaded.scenario, seed === undefined ? { realistic: true } : { realistic: true, seed });
        if (outcome.status !== 'observed') throw new Error(`${file}: ${outcome.reason}`);
        expect(unmetExpectations(loaded.expect, outcome.observation), `${file} seed ${String(seed)}`).toEqual([]);
      }
    }
  });
});
