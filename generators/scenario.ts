/**
 * Arbitrary whole scenarios: a healthy pod on a healthy node, a fault plan compiled into it, and an `observeFor`
 * long enough to see the consequences. Independent timings are kept apart by TIMING_MARGIN_SECONDS by construction.
 */
import fc from 'fast-check';
import type { Scenario } from '../specs/vocabulary/index.ts';
import { type AppliedFault, compileFaultPlan, healthyNodeFor } from './compile-fault-plan.ts';
import type { Variety } from './container.ts';
import { faultRules } from './fault.ts';
import { type FaultPlan, type FaultPlanConstraints, faultPlan } from './fault-plan.ts';
import type { ImageConstraints } from './image.ts';
import { healthyNode } from './node-world.ts';
import { type PodSpecConstraints, podSpec } from './pod-spec.ts';
import { printScenario } from './print-scenario.ts';

/** Options for {@link scenario} and {@link generatedScenario}. */
export interface ScenarioConstraints {
  /** The base pod's shape (its containers default to healthy behaviour, hooks and probes). */
  readonly pod?: PodSpecConstraints;
  /** The faults. */
  readonly faults?: FaultPlanConstraints;
  /** `any` (default): every image form, private registries, digests; `busybox`: images a real node can run. */
  readonly images?: 'any' | 'busybox';
  /** Hooks on the base pod's containers (default healthy: short, succeeding). */
  readonly hooks?: Variety;
  /** Probes on the base pod's containers (default healthy: never failing). */
  readonly probes?: Variety;
  /** `observeFor` is at least this (default 10 s). */
  readonly minObserveForSeconds?: number;
  /** Faults are dropped from the end of the plan until `observeFor` fits under this (default 180 s). */
  readonly maxObserveForSeconds?: number;
}

/** A scenario together with the faults it was built from (journaled beside its events by the runner). */
export interface GeneratedScenario {
  readonly scenario: Scenario;
  readonly plan: FaultPlan;
  readonly faults: ReadonlyArray<AppliedFault>;
}

const busyboxImages: ImageConstraints = {
  repositories: ['busybox'],
  forms: ['tag', 'latest', 'untagged'],
  tags: ['1.36', '1.35'],
};

/**
 * FNV-1a over a plain value's structure (keys, strings, numbers), 32 bits: a stable id from the whole content,
 * several times cheaper than hashing its JSON text, which matters at thousands of scenarios per second.
 */
export function contentHash(value: unknown, seed = 0x811c9dc5): number {
  let hash = seed;
  const mixString = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0xff, 0x01000193);
  };
  const visit = (v: unknown): void => {
    switch (typeof v) {
      case 'string':
        mixString(v);
        return;
      case 'number':
        // Times are multiples of 0.001 s at most; whole thousandths keep the hash exact and cheap.
        hash = Math.imul(hash ^ Math.round(v * 1000), 0x01000193);
        return;
      case 'boolean':
        hash = Math.imul(hash ^ (v ? 1 : 2), 0x01000193);
        return;
      case 'object':
        if (v === null) return;
        if (Array.isArray(v)) {
          hash = Math.imul(hash ^ (0x100 + v.length), 0x01000193);
          for (const item of v as unknown[]) visit(item);
          return;
        }
        for (const key in v) {
          mixString(key);
          visit((v as Record<string, unknown>)[key]);
        }
        return;
      case 'bigint':
      case 'function':
      case 'symbol':
      case 'undefined':
        // Scenarios are plain data: none of these occur, and absent fields are left out, not undefined.
        return;
    }
  };
  visit(value);
  return hash >>> 0;
}

/** Gives a value fast-check's `toString`, non-enumerable so writers and equality checks never see it. */
export function withPrinter<T extends object>(value: T, print: () => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: print, enumerable: false });
  return value;
}

/** A scenario and the journal of the faults compiled into it. */
export function generatedScenario(constraints: ScenarioConstraints = {}): fc.Arbitrary<GeneratedScenario> {
  const podConstraints = constraints.pod ?? {};
  const pod = podSpec({
    ...podConstraints,
    container: {
      behavior: 'healthy',
      hooks: constraints.hooks ?? 'healthy',
      probes: constraints.probes ?? 'healthy',
      ...(constraints.images === 'busybox' ? { image: busyboxImages } : {}),
      ...podConstraints.container,
    },
  });
  // The i-th container's image is on the node already when the i-th flag is set; no flags is the simplest node.
  const cachedFlags = fc.array(fc.boolean(), { maxLength: 8 });
  return fc.tuple(pod, cachedFlags, faultPlan(constraints.faults)).map(([basePod, flags, plan]) => {
    const all = [...basePod.initContainers, ...basePod.containers];
    const cached = [...new Set(all.filter((_, i) => flags[i] === true).map((c) => c.image))];
    const baseNode = healthyNodeFor(basePod, { ...healthyNode, cached });
    const compiled = compileFaultPlan(basePod, baseNode, plan, {
      ...(constraints.minObserveForSeconds === undefined
        ? {}
        : { minObserveForSeconds: constraints.minObserveForSeconds }),
      ...(constraints.maxObserveForSeconds === undefined
        ? {}
        : { maxObserveForSeconds: constraints.maxObserveForSeconds }),
    });
    const body = {
      pod: compiled.pod,
      node: compiled.node,
      actions: compiled.actions,
      observeForSeconds: compiled.observeForSeconds,
    };
    // The id hashes the whole content (the printed line leaves handler details out); the line is printed only when
    // fast-check reports a value, which keeps generation fast.
    const print = (): string => printScenario(body);
    const rules = [
      ...new Set(compiled.faults.filter((f) => f.applied).flatMap((f) => faultRules[f.fault.type])),
    ].sort();
    const s: Scenario = withPrinter(
      { id: `gen-${contentHash(body).toString(16).padStart(8, '0')}`, rules, ...body },
      print,
    );
    return withPrinter({ scenario: s, plan, faults: compiled.faults }, print);
  });
}

/** A whole scenario, printed by fast-check in the compact one-line form. */
export function scenario(constraints: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  return generatedScenario(constraints).map((g) => g.scenario);
}
