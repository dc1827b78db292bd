/** Whole scenarios: laws, the margins they promise, what they cover, how they print, and how they shrink. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultTypes } from '../../generators/fault.ts';
import { printScenario } from '../../generators/print-scenario.ts';
import {
  scenarioArbitraries,
  scenarioArbitrariesForRules,
  scenarioArbitraryNamed,
} from '../../generators/scenario-arbitraries.ts';
import { generatedScenario, scenario } from '../../generators/scenario.ts';
import { sketchUndisturbed, sketchWith, interruptionsOf } from '../../generators/timeline-sketch.ts';
import { TIMING_MARGIN_SECONDS } from '../../generators/timing.ts';
import { validateScenario } from '../../generators/validate-scenario.ts';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import { assertLaws } from './laws.ts';

const withMargins = (s: Scenario): ReadonlyArray<unknown> => validateScenario(s, { margins: true });

describe('scenario laws', () => {
  it('scenario(): same seed → same value, valid with every margin kept, shrinks valid', () => {
    assertLaws(scenario(), withMargins, { numRuns: 300 });
  });

  it('generatedScenario(): the same laws, with one journal entry per planned fault', () => {
    assertLaws(
      generatedScenario(),
      (g) => [
        ...withMargins(g.scenario),
        ...(g.faults.length === g.plan.length ? [] : ['journal does not match the plan']),
      ],
      { numRuns: 100 },
    );
  });

  for (const entry of scenarioArbitraries) {
    it(`registry entry '${entry.name}'`, () => {
      assertLaws(
        generatedScenario(entry.constraints).map((g) => g.scenario),
        withMargins,
        { numRuns: 60 },
      );
    });
  }
});

describe('what scenarios contain', () => {
  const sample = fc.sample(generatedScenario(), { seed: 2024, numRuns: 1500 });

  it('applies every fault type somewhere', () => {
    const applied = new Set(sample.flatMap((g) => g.faults.filter((f) => f.applied).map((f) => f.fault.type)));
    expect([...applied].sort()).toEqual([...faultTypes].sort());
  });

  it('includes healthy scenarios, deletes with grace 0 and without an override, and deadlines', () => {
    expect(sample.some((g) => g.plan.length === 0)).toBe(true);
    const deletes = sample.flatMap((g) => g.scenario.actions);
    expect(deletes.some((a) => a.gracePeriodSeconds === 0)).toBe(true);
    expect(deletes.some((a) => a.gracePeriodSeconds === undefined)).toBe(true);
    expect(sample.some((g) => g.scenario.pod.activeDeadlineSeconds !== undefined)).toBe(true);
  });

  it('observes until everything set in motion has played out, and after every action', () => {
    for (const { scenario: s } of sample) {
      const final = sketchWith(sketchUndisturbed(s.pod, s.node), s.pod, interruptionsOf(s));
      for (const m of final.moments) {
        if (m.settles) expect(s.observeForSeconds, m.label).toBeGreaterThanOrEqual(m.window.hi + TIMING_MARGIN_SECONDS);
      }
      for (const a of s.actions) expect(s.observeForSeconds).toBeGreaterThan(a.atSeconds);
    }
  });

  it('journals each fault with the container it hit, and the rules it exercises', () => {
    for (const g of sample) {
      expect(g.faults.length).toBe(g.plan.length);
      for (const f of g.faults) {
        if (f.applied && 'target' in f.fault) expect(f.container).toBeDefined();
      }
      if (g.faults.some((f) => f.applied)) expect(g.scenario.rules.length).toBeGreaterThan(0);
    }
  });

  it('leaves absent optional fields out instead of setting them to undefined', () => {
    const hasUndefined = (value: unknown): boolean =>
      typeof value === 'object' &&
      value !== null &&
      Object.values(value).some((v) => v === undefined || hasUndefined(v));
    for (const g of sample) expect(hasUndefined(g.scenario)).toBe(false);
  });

  it('gives each scenario a kebab-case id derived from its content', () => {
    const [a, b] = fc.sample(scenario(), { seed: 1, numRuns: 2 });
    expect(a?.id).toMatch(/^gen-[0-9a-f]{8}$/);
    expect(a?.id).not.toBe(b?.id);
  });
});

describe('printing', () => {
  const s: Scenario = {
    id: 'example',
    rules: [],
    node: { registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0 },
    pod: {
      name: 'pod',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 5,
      initContainers: [
        {
          name: 'init1',
          role: 'init',
          image: 'busybox:1.36',
          behavior: {
            base: { exit: { exitCode: 0, afterSeconds: 1 }, onTerm: { type: 'exit', exitCode: 143, afterSeconds: 0 } },
            restarts: [],
          },
          extra: {},
        },
      ],
      containers: [
        {
          name: 'app',
          role: 'regular',
          image: 'busybox:1.36',
          behavior: { base: { onTerm: { type: 'exit', exitCode: 143, afterSeconds: 0 } }, restarts: [] },
          extra: {},
        },
      ],
      metadataExtra: {},
      specExtra: {},
    },
    actions: [{ type: 'delete', atSeconds: 3, gracePeriodSeconds: 0 }],
    observeForSeconds: 14,
  };

  it('prints one compact line', () => {
    expect(printScenario(s)).toBe('pod[Always g=5] init1(exit0@1s,TERM:exit) app(run,TERM:exit) del@3s(g=0) obs=14s');
  });

  it('is what fast-check shows for a generated scenario, without being a field of it', () => {
    const [generated] = fc.sample(scenario(), { seed: 3, numRuns: 1 });
    if (generated === undefined) throw new Error('no sample');
    expect(fc.stringify(generated)).toBe(printScenario(generated));
    expect(Object.keys(generated)).not.toContain('toString');
    expect(JSON.parse(JSON.stringify(generated))).toEqual(generated);
  });
});

describe('shrinking', () => {
  it('shrinks a failing property to a one-container pod with the one fault that fails it', () => {
    // Fails whenever the scenario deletes the pod: the smallest such scenario is one plain container and a delete.
    const result = fc.check(
      fc.property(generatedScenario(), (g) => g.scenario.actions.length === 0),
      // Shrinking reaches a local minimum: about 2 seeds in 3 reach this global one; the seed is one of those.
      { seed: 1, numRuns: 500 },
    );
    expect(result.failed).toBe(true);
    const [g] = result.counterexample ?? [];
    if (g === undefined) throw new Error('no counterexample');
    const s = g.scenario;
    expect(g.plan.length).toBe(1);
    expect(s.pod.initContainers).toEqual([]);
    expect(s.pod.containers.map((c) => c.name)).toEqual(['app']);
    expect(s.actions.length).toBe(1);
    expect(s.actions[0]?.atSeconds).toBeLessThanOrEqual(6);
    expect(s.observeForSeconds).toBeLessThanOrEqual(15);
    expect(printScenario(s)).toMatch(/^pod\[Always\] app\(run,TERM:exit\) del@\d+s obs=\d+s$/);
  });

  it('shrinks towards short times: a container that fails exits early, alone in its pod', () => {
    const exitsWithError = (s: Scenario): boolean =>
      [...s.pod.initContainers, ...s.pod.containers].some((c) => (c.behavior.base.exit?.exitCode ?? 0) !== 0);
    const result = fc.check(
      fc.property(scenario(), (s) => !exitsWithError(s)),
      // As above, a seed whose local minimum is the global one.
      { seed: 3, numRuns: 1000 },
    );
    expect(result.failed).toBe(true);
    const [s] = result.counterexample ?? [];
    if (s === undefined) throw new Error('no counterexample');
    // An exit fault or a crash loop, whichever the shrinker reaches: either is one container failing early.
    expect(printScenario(s)).toMatch(/^pod\[Always\] app\(exit1@[12]s(,#2:run)?,TERM:exit\) obs=\d+s$/);
  });
});

describe('registry', () => {
  it('has unique names, each with rules and a description; finds entries by name and by rule', () => {
    const names = scenarioArbitraries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(scenarioArbitraryNamed('any')).toBe(scenarioArbitraries[0]);
    expect(scenarioArbitrariesForRules(['term.kill-after-grace']).map((e) => e.name)).toContain('termination');
    expect(scenarioArbitrariesForRules([])).toBe(scenarioArbitraries);
    for (const entry of scenarioArbitraries) {
      expect(entry.rules.length).toBeGreaterThan(0);
      expect(entry.description).toMatch(/\.$/);
    }
  });
});
