// predict(): one run per latency profile (nominal, early, late) merged into one prediction — what every profile
// shows is certain, what the timing leaves open is possible, and final values list every value a profile reached.
import { describe, expect, it } from 'vitest';
import { nominalObservation, predict } from '../../../specs/model/index.ts';
import { containerPointNames, formatPointRef, type Prediction } from '../../../specs/vocabulary/index.ts';
import {
  deleteAt,
  eventsOf,
  exits,
  findPoint,
  hook,
  init,
  point,
  pointTexts,
  probe,
  regular,
  scenario,
  sidecar,
} from './build-scenario.ts';
import { builtCorpus, sharedCases, type CorpusEntry } from './corpus.ts';

// app exits 3 s after its start; observeFor cuts in just after that, so some profiles see the exit written to the API
// and others do not.
const edge = predict(
  scenario({ restartPolicy: 'Never', containers: [regular('app', { behavior: exits(0, 3) })], observeFor: 3.3 }),
);

describe('points', () => {
  it('a point every profile reaches well before observeFor is certain and nominal', () => {
    expect(point(edge, 'app.started')).toMatchObject({ certainty: 'certain', nominal: true });
    expect(point(edge, 'pod.created')).toMatchObject({ certainty: 'certain', nominal: true, atSeconds: 0 });
  });

  it('a point whose latest time lies past observeFor is only possible, though on the nominal timeline', () => {
    const exited = point(edge, 'app.exited');
    expect(exited.atSeconds).toBeLessThan(edge.observeForSeconds);
    expect(exited).toMatchObject({ certainty: 'possible', nominal: true });
  });

  it('a point only an early or late profile reaches is possible and not nominal', () => {
    const unready = point(edge, 'app.unready');
    expect(unready).toMatchObject({ certainty: 'possible', nominal: false });
    expect(pointTexts(edge, (x) => x.nominal)).not.toContain('app.unready');
  });

  it('lists each point once', () => {
    const keys = edge.points.map((x) => formatPointRef(x.ref));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('final values', () => {
  it('give the nominal value and every value some profile ends with, nominal first, without repeats', () => {
    const app = edge.final.containers['app'];
    // a late node writes the first status showing app running only after observeFor: the status written before it
    // (ContainerCreating) is possible too (KUBELET-FACTS §1.2, §1.3)
    expect(app?.state).toEqual({
      nominal: 'running',
      possible: ['running', 'terminated', 'waiting'],
      rule: 'kubelet.status.container-state',
    });
    expect(app?.exitCode.possible).toEqual([undefined, 0]);
    expect(edge.final.phase).toEqual({
      nominal: 'Running',
      possible: ['Running', 'Succeeded', 'Pending'],
      rule: 'kubelet.phase.get-phase',
    });
    expect(edge.final.gone).toEqual({ nominal: false, possible: [false], rule: 'term.pod-gone-after-containers' });
  });

  it('name the rule that decides each value', () => {
    const app = edge.final.containers['app'];
    expect(app?.reason.rule).toBe('kubelet.status.reason-cache');
    expect(app?.exitCode.rule).toBe('kubelet.process.exit-codes');
    // the count is kubelet.restart.count's; when the restarts come is the back-off's
    expect(app?.restartCount.rule).toBe('kubelet.restart.count');
    expect(app?.ready.rule).toBe('kubelet.probe.readiness');
    expect(app?.everStarted.rule).toBe('run.container-start-definition');
    expect(edge.final.status.rule).toBe('kubelet.status-column.print-pod');
    expect(edge.final.conditions['Ready']?.status.rule).toBe('kubelet.conditions.generate');
  });

  it('are single-valued when every profile agrees', () => {
    const settled = predict(scenario({ containers: [regular('app')], observeFor: 10 }));
    expect(settled.final.phase.possible).toEqual(['Running']);
    expect(settled.final.containers['app']?.state.possible).toEqual(['running']);
    expect(Object.keys(settled.final.conditions).sort()).toEqual([
      'ContainersReady',
      'Initialized',
      'PodReadyToStartContainers',
      'PodScheduled',
      'Ready',
    ]);
  });

  it('cover every container, init containers and sidecars included', () => {
    const p = predict(
      scenario({
        initContainers: [init('setup', { behavior: exits(0, 1) }), sidecar('proxy')],
        containers: [regular('app')],
        observeFor: 5,
      }),
    );
    expect(Object.keys(p.final.containers)).toEqual(['setup', 'proxy', 'app']);
  });
});

describe('events', () => {
  it('an event every profile emits is certain', () => {
    expect(eventsOf(edge, 'Started', 'app')[0]).toMatchObject({ certainty: 'certain', nominal: true });
  });

  it('an event only an early profile emits before observeFor is possible and not nominal', () => {
    const p = predict(scenario({ containers: [regular('app', { behavior: exits(1, 0) })], observeFor: 1 }));
    const [backOff] = eventsOf(p, 'BackOff', 'app');
    expect(backOff).toMatchObject({ certainty: 'possible', nominal: false });
  });

  it('an event the late profile does not reach is possible', () => {
    const p = predict(scenario({ containers: [regular('app', { behavior: exits(1, 0) })], observeFor: 2 }));
    const [backOff] = eventsOf(p, 'BackOff', 'app');
    expect(backOff).toMatchObject({ certainty: 'possible', nominal: true });
  });
});

describe('the never list', () => {
  const cases: ReadonlyArray<[string, Prediction]> = [
    ['edge', edge],
    ['crash loop', predict(scenario({ containers: [regular('app', { behavior: exits(1, 0) })], observeFor: 40 }))],
    [
      'termination',
      predict(
        scenario({
          initContainers: [sidecar('sc', { preStop: hook(1) })],
          containers: [regular('app', { preStop: hook(1), readinessProbe: probe() })],
          actions: [deleteAt(5)],
          observeFor: 30,
        }),
      ),
    ],
  ];

  for (const [name, p] of cases) {
    it(`forbids, per container and kind, the first occurrence no profile reached (${name})`, () => {
      for (const forbidden of p.never) {
        const ref = forbidden.ref;
        expect(ref.scope).toBe('container');
        if (ref.scope !== 'container') continue;
        expect(findPoint(p, formatPointRef(ref))).toBeUndefined();
        if (ref.occurrence > 1) {
          expect(findPoint(p, formatPointRef({ ...ref, occurrence: ref.occurrence - 1 }))).toBeDefined();
        }
      }
      // one entry per container and per kind, probe runs and readiness changes excepted
      const kinds = containerPointNames.filter(
        (n) => !n.endsWith('.ran') && n !== 'ready' && n !== 'unready' && n !== 'startupProbe.succeeded',
      );
      const containers = Object.keys(p.final.containers);
      expect(p.never).toHaveLength(kinds.length * containers.length);
    });
  }

  it('forbids the occurrence after the most any profile reached', () => {
    const p = predict(scenario({ containers: [regular('app', { behavior: exits(1, 0) })], observeFor: 40 }));
    const starts = p.points.filter((x) => x.ref.scope === 'container' && x.ref.name === 'started').length;
    expect(p.never.some((n) => formatPointRef(n.ref) === `app.started#${starts + 1}`)).toBe(true);
  });
});

describe('the rest of a prediction', () => {
  it('carries the scenario id and observeFor', () => {
    expect(edge.scenarioId).toBe('built');
    expect(edge.observeForSeconds).toBe(3.3);
  });

  it('says what it leaves undetermined: per-exit-code restart rules are not modelled', () => {
    const p = predict(
      scenario({
        containers: [regular('app', { extra: { restartPolicyRules: [{ action: 'Restart' }] } })],
        observeFor: 3,
      }),
    );
    expect(p.undetermined).toEqual([
      { subject: 'restartPolicyRules', why: expect.stringContaining('not modelled') as unknown },
    ]);
    expect(edge.undetermined).toEqual([]);
  });
});

describe('nominalObservation', () => {
  const o = nominalObservation(edge);

  it('keeps the nominal points up to observeFor, at their nominal times', () => {
    expect(o.points.map((x) => x.point)).toEqual(
      edge.points.filter((x) => x.nominal && x.atSeconds <= 3.3).map((x) => formatPointRef(x.ref)),
    );
    expect(o.points.find((x) => x.point === 'app.started')?.t).toBe(point(edge, 'app.started').atSeconds);
    expect(o.points.map((x) => x.point)).not.toContain('app.unready');
  });

  it('takes every final value at its nominal', () => {
    expect(o.final.phase).toBe('Running');
    expect(o.final.containers?.['app']).toEqual({
      state: 'running',
      restartCount: 0,
      ready: true,
      everStarted: true,
    });
    expect(o.final.conditions?.['Ready']).toEqual({ status: 'True' });
  });

  it('keeps the nominal events with their container', () => {
    expect(o.events?.find((e) => e.reason === 'Started')).toMatchObject({
      container: 'app',
      message: 'Container started',
    });
    expect(o.events?.length).toBe(edge.events.filter((e) => e.nominal).length);
  });
});

/** Every link of the causal graph names a predicted point, and the nominal timeline keeps inside every window. */
function expectClosedGraph(entry: CorpusEntry): void {
  const p = predict(entry.scenario);
  const byKey = new Map(p.points.map((x) => [formatPointRef(x.ref), x]));
  const problems: string[] = [];
  for (const x of p.points) {
    const key = formatPointRef(x.ref);
    if (x.window.minSeconds > x.window.maxSeconds) problems.push(`${key}: empty window`);
    if (!x.follows) continue;
    const cause = byKey.get(formatPointRef(x.follows));
    if (!cause) {
      problems.push(`${key} follows ${formatPointRef(x.follows)}, which is not predicted`);
      continue;
    }
    if (!x.nominal || !cause.nominal) continue;
    const d = x.atSeconds - cause.atSeconds;
    if (d < x.window.minSeconds - 1e-9 || d > x.window.maxSeconds + 1e-9) {
      problems.push(`${key} comes ${d}s after ${formatPointRef(x.follows)}, outside its window`);
    }
  }
  expect(problems).toEqual([]);
}

describe('the causal graph', () => {
  it.each(builtCorpus.map((e) => [e.name, e] as const))('is closed and kept by the nominal timeline: %s', (_n, e) => {
    expectClosedGraph(e);
  });

  it('starts from pod.created and the API actions, which follow nothing', () => {
    const p = predict(scenario({ containers: [regular('app')], actions: [deleteAt(3)], observeFor: 10 }));
    const roots = p.points.filter((x) => !x.follows).map((x) => formatPointRef(x.ref));
    expect(roots).toEqual(['pod.created', 'pod.deleteRequested']);
  });
});

const shared = await sharedCases();

describe.runIf(shared.length > 0)('the causal graph of the shared cases', () => {
  it.each(shared.map((e) => [e.name, e] as const))('is closed and kept by the nominal timeline: %s', (_n, e) => {
    expectClosedGraph(e);
  });
});
