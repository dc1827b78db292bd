import { describe, expect, it } from 'vitest';
import { container, deleteAt, hook, probe, runs, scenario, sidecar } from './build.ts';
import { at, must, observe } from './observe-helpers.ts';

describe('grace arithmetic (killContainer, KUBELET-FACTS §5.2)', () => {
  // preStop P, effective grace G: TERM at hook start + min(P, G); KILL max(G - floor(min(P, G)), 2) later
  const table: ReadonlyArray<{ readonly p: number; readonly g: number; readonly term: number; readonly kill: number }> =
    [
      { p: 0, g: 5, term: 0, kill: 5 },
      { p: 2, g: 10, term: 2, kill: 8 },
      { p: 4, g: 6, term: 4, kill: 2 },
      { p: 5.5, g: 10, term: 5.5, kill: 5 },
      { p: 60, g: 5, term: 5, kill: 2 },
      { p: 3, g: 3, term: 3, kill: 2 },
    ];
  for (const row of table) {
    it(`preStop ${row.p}s, grace ${row.g}s: TERM after ${row.term}s, KILL ${row.kill}s later`, () => {
      const obs = observe(
        scenario({
          grace: row.g,
          containers: [container('app', runs('ignore'), { preStop: hook(row.p) })],
          actions: [deleteAt(2)],
          observeFor: 90,
        }),
      );
      const started = must(obs, 'app.preStop.started');
      const term = must(obs, 'app.term');
      expect(term - started).toBeCloseTo(row.term, 2);
      expect(must(obs, 'app.kill') - term).toBeCloseTo(row.kill, 5);
      // a hook cut off by the grace is abandoned: it reports no finish
      expect(at(obs, 'app.preStop.finished') === undefined).toBe(row.p > row.g);
    });
  }

  it('a delete grace of 0 removes the object at once but the node still uses the spec grace (Corrections 1)', () => {
    const obs = observe(
      scenario({ grace: 8, containers: [container('app', runs('ignore'))], actions: [deleteAt(2, 0)], observeFor: 20 }),
    );
    expect(must(obs, 'pod.gone')).toBe(2);
    expect(must(obs, 'app.kill') - must(obs, 'app.term')).toBeCloseTo(8, 5);
  });

  it('a later delete may only shorten the grace', () => {
    const obs = observe(
      scenario({
        grace: 30,
        containers: [container('app', runs('ignore'))],
        actions: [deleteAt(2, 4), deleteAt(2.001, 20)],
        observeFor: 20,
      }),
    );
    expect(must(obs, 'app.kill') - must(obs, 'app.term')).toBeCloseTo(4, 5);
  });

  it('a probe-level grace replaces the pod grace for a liveness kill', () => {
    const obs = observe(
      scenario({
        grace: 100,
        containers: [
          container('app', runs('ignore'), {
            livenessProbe: probe(
              { type: 'always' },
              { periodSeconds: 1, failureThreshold: 1, terminationGracePeriodSeconds: 3 },
            ),
          }),
        ],
        observeFor: 10,
      }),
    );
    expect(must(obs, 'app.kill') - must(obs, 'app.term')).toBeCloseTo(3, 5);
  });

  it('stops only running containers, all at once, and removes the object after the last stop', () => {
    const obs = observe(
      scenario({
        grace: 10,
        containers: [container('a', runs('exit', 2)), container('b', runs('exit', 4))],
        actions: [deleteAt(3)],
      }),
    );
    expect(Math.abs(must(obs, 'a.term') - must(obs, 'b.term'))).toBeLessThan(0.01);
    const lastStop = Math.max(must(obs, 'a.exited'), must(obs, 'b.exited'));
    const gone = must(obs, 'pod.gone');
    expect(gone).toBeGreaterThan(lastStop);
    expect(gone - lastStop).toBeLessThanOrEqual(3);
    expect(obs.final.gone).toBe(true);
    expect(obs.final.phase).toBe('Failed');
  });
});

describe('sidecar termination order (§3.4)', () => {
  it('stops sidecars after the regular containers, in reverse spec order', () => {
    const obs = observe(
      scenario({
        grace: 30,
        initContainers: [
          sidecar('s1', runs('exit', 1)),
          sidecar('s2', runs('exit', 1)),
          sidecar('s3', runs('exit', 1)),
        ],
        containers: [container('app', runs('exit', 1))],
        actions: [deleteAt(8)],
        observeFor: 30,
      }),
    );
    const term = (c: string): number => must(obs, `${c}.term`);
    expect(term('s3')).toBeGreaterThan(must(obs, 'app.exited'));
    expect(term('s2')).toBeGreaterThan(must(obs, 's3.exited'));
    expect(term('s1')).toBeGreaterThan(must(obs, 's2.exited'));
  });

  it('runs every preStop at once and gives a sidecar what is left of the pod grace, at least 2 s', () => {
    const obs = observe(
      scenario({
        grace: 5,
        initContainers: [sidecar('side', runs('exit', 20), { preStop: hook(1) })],
        containers: [container('app', runs('exit', 20))],
        actions: [deleteAt(8)],
        observeFor: 30,
      }),
    );
    expect(Math.abs(must(obs, 'side.preStop.started') - must(obs, 'app.term'))).toBeLessThan(0.01);
    // app is killed at the 5 s grace; the sidecar waited for it: g = 5 - 1 - 4 -> 0 -> 2 s minimum
    expect(must(obs, 'app.kill') - must(obs, 'app.term')).toBeCloseTo(5, 5);
    expect(must(obs, 'side.term')).toBeGreaterThanOrEqual(must(obs, 'app.exited'));
    expect(must(obs, 'side.kill') - must(obs, 'side.term')).toBeCloseTo(2, 5);
  });

  it('kills the sidecars with ordering when the last regular container completes under Never (Corrections 3)', () => {
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        initContainers: [sidecar('s1', runs('exit', 1)), sidecar('s2', runs('exit', 1))],
        containers: [container('app', { exit: { exitCode: 0, afterSeconds: 3 }, onTerm: { type: 'ignore' } })],
        observeFor: 20,
      }),
    );
    expect(must(obs, 's1.term')).toBeGreaterThan(must(obs, 's2.exited'));
    expect(obs.final.phase).toBe('Succeeded');
    expect(obs.events?.some((e) => e.reason === 'Killing' && e.message === 'Stopping container s1')).toBe(true);
  });
});
