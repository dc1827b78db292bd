/** The laws for every exported arbitrary of generators/, one `it` per arbitrary (and per notable constraint). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { action } from '../../generators/action.ts';
import { containerBehavior } from '../../generators/container-behavior.ts';
import { container } from '../../generators/container.ts';
import { fault, faultTargets, faultTypes, type Fault } from '../../generators/fault.ts';
import { faultPlan } from '../../generators/fault-plan.ts';
import { gracePeriod } from '../../generators/grace-period.ts';
import { handlerAction } from '../../generators/handler-action.ts';
import { hook } from '../../generators/hook.ts';
import { image } from '../../generators/image.ts';
import { nodeWorld } from '../../generators/node-world.ts';
import { dnsLabel, podSpec } from '../../generators/pod-spec.ts';
import { probeFailing } from '../../generators/probe-failing.ts';
import { probe } from '../../generators/probe.ts';
import { pullPolicy } from '../../generators/pull-policy.ts';
import { runBehavior } from '../../generators/run-behavior.ts';
import { termHandling } from '../../generators/term-handling.ts';
import {
  isDnsLabel,
  isImageReference,
  validateAction,
  validateContainer,
  validateContainerBehavior,
  validateHook,
  validateNodeWorld,
  validatePodSpec,
  validateProbe,
} from '../../generators/validate-scenario.ts';
import { pullPolicies, type ContainerRole, type HandlerAction } from '../../specs/vocabulary/index.ts';
import { assertLaws } from './laws.ts';

const ok: ReadonlyArray<never> = [];
const problem = (condition: boolean, message: string): ReadonlyArray<string> => (condition ? ok : [message]);

function validateHandlerAction(a: HandlerAction): ReadonlyArray<unknown> {
  if (a.type === 'sleep') return problem(Number.isInteger(a.seconds) && a.seconds >= 1, 'bad sleep');
  // Reuse the probe validator's handler check by wrapping the action in a default probe.
  return validateProbe(
    {
      action: a,
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
      fails: { type: 'never' },
      takesSeconds: 0,
    },
    'livenessProbe',
  );
}

const isWhole = (n: number, min: number): boolean => Number.isInteger(n) && n >= min;

/** Structural validity of a fault: whole slots, durations ≥ 0, codes in range, crash counts ≥ 1. */
export function validateFault(f: Fault): ReadonlyArray<string> {
  const out: string[] = [];
  if ('target' in f && !isWhole(f.target, 0)) out.push('target');
  for (const [key, value] of Object.entries(f)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) out.push(key);
  }
  if ('exitCode' in f && !(isWhole(f.exitCode, 0) && f.exitCode <= 255)) out.push('exitCode');
  if (f.type === 'crashLoop' && (f.exitCode === 0 || (f.crashes !== undefined && !isWhole(f.crashes, 1))))
    out.push('crashLoop');
  if ('periodSeconds' in f && !isWhole(f.periodSeconds, 1)) out.push('periodSeconds');
  if ('failureThreshold' in f && !isWhole(f.failureThreshold, 1)) out.push('failureThreshold');
  if ('gracePeriodSeconds' in f && f.gracePeriodSeconds !== undefined && !isWhole(f.gracePeriodSeconds, 0))
    out.push('grace');
  return out;
}

describe('arbitrary laws: same seed → same value, every value valid, shrinks stay valid', () => {
  it('runBehavior', () => {
    assertLaws(runBehavior(), (run) => validateContainerBehavior({ base: run, restarts: [] }));
  });
  it('termHandling', () => {
    assertLaws(termHandling(), (onTerm) => validateContainerBehavior({ base: { onTerm }, restarts: [] }));
  });
  it('containerBehavior', () => {
    assertLaws(containerBehavior(), (b) => validateContainerBehavior(b));
  });
  it('handlerAction', () => {
    assertLaws(handlerAction({ types: ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] }), validateHandlerAction);
  });
  it('hook (a sleep fits the grace period it is given)', () => {
    assertLaws(hook({ maxSleepSeconds: 5 }), (h) => validateHook(h, 5));
  });
  it('probeFailing', () => {
    assertLaws(probeFailing(), (f) =>
      problem(f.type === 'never' || f.type === 'always' || (Number.isFinite(f.seconds) && f.seconds >= 0), 'seconds'),
    );
  });
  for (const type of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
    it(`probe (${type})`, () => {
      assertLaws(probe({ type }), (p) => validateProbe(p, type));
    });
  }
  it('image', () => {
    assertLaws(image(), (reference) => problem(isImageReference(reference), `bad reference ${reference}`));
  });
  it('pullPolicy (omitted included)', () => {
    assertLaws(pullPolicy(), (p) => problem(p === undefined || pullPolicies.includes(p), 'policy'));
  });
  for (const role of ['init', 'sidecar', 'regular'] as const satisfies ReadonlyArray<ContainerRole>) {
    it(`container (${role})`, () => {
      assertLaws(container({ role }), (c) => [...validateContainer(c, 30), ...problem(c.role === role, 'role')]);
    });
  }
  it('gracePeriod', () => {
    assertLaws(gracePeriod(), (g) => problem(g === undefined || isWhole(g, 0), 'grace'));
  });
  it('podSpec', () => {
    assertLaws(podSpec(), (p) => validatePodSpec(p), { numRuns: 100 });
  });
  it('podSpec with random DNS-label names', () => {
    assertLaws(podSpec({ names: 'random' }), (p) => validatePodSpec(p), { numRuns: 50 });
  });
  it('dnsLabel', () => {
    assertLaws(dnsLabel(), (name) => problem(isDnsLabel(name), `not a DNS label: ${name}`));
  });
  it('nodeWorld (nothing both cached and unpullable)', () => {
    assertLaws(nodeWorld(), (n) => [
      ...validateNodeWorld(n),
      ...problem(!n.cached.some((i) => n.unpullable.includes(i)), 'cached and unpullable'),
    ]);
  });
  it('action', () => {
    assertLaws(action(), (a) => validateAction(a));
  });
  it('fault', () => {
    assertLaws(fault(), validateFault);
  });
  it('faultPlan (at most 3 faults)', () => {
    assertLaws(faultPlan(), (plan) => [...plan.flatMap(validateFault), ...problem(plan.length <= 3, 'too long')]);
  });
});

describe('arbitrary contents', () => {
  it('podSpec keeps to its counts: 0–3 init containers, 0–2 sidecars, 1–3 regular containers', () => {
    fc.assert(
      fc.property(podSpec(), (p) => {
        const inits = p.initContainers.filter((c) => c.role === 'init').length;
        const sidecars = p.initContainers.filter((c) => c.role === 'sidecar').length;
        expect(inits).toBeLessThanOrEqual(3);
        expect(sidecars).toBeLessThanOrEqual(2);
        expect(p.containers.length).toBeGreaterThanOrEqual(1);
        expect(p.containers.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200 },
    );
  });

  it('draws every restart policy, grace periods left out, 0 and small, and activeDeadlineSeconds rarely', () => {
    const pods = fc.sample(podSpec(), { seed: 3, numRuns: 1000 });
    expect(new Set(pods.map((p) => p.restartPolicy))).toEqual(new Set(['Always', 'OnFailure', 'Never']));
    expect(pods.some((p) => p.terminationGracePeriodSeconds === undefined)).toBe(true);
    expect(pods.some((p) => p.terminationGracePeriodSeconds === 0)).toBe(true);
    expect(pods.some((p) => p.terminationGracePeriodSeconds === 2)).toBe(true);
    const deadlines = pods.filter((p) => p.activeDeadlineSeconds !== undefined).length;
    expect(deadlines).toBeGreaterThan(10);
    expect(deadlines).toBeLessThan(150);
  });

  it('draws every image form: tags, :latest, untagged, digests, private registries', () => {
    const images = fc.sample(image(), { seed: 5, numRuns: 500 });
    expect(images).toContain('busybox:1.36');
    expect(images.some((i) => i.endsWith(':latest'))).toBe(true);
    expect(images.some((i) => !i.includes(':') && !i.includes('@'))).toBe(true);
    expect(images.some((i) => /@sha256:[0-9a-f]{64}$/.test(i))).toBe(true);
    expect(images.some((i) => i.startsWith('registry.example.com/') || i.startsWith('localhost:5000/'))).toBe(true);
  });

  it('never gives a regular init container hooks or probes, and liveness/startup probes successThreshold 1', () => {
    fc.assert(
      fc.property(
        container({ role: 'init' }),
        probe({ type: 'startupProbe' }),
        probe({ type: 'livenessProbe' }),
        (c, s, l) => {
          expect([c.postStart, c.preStop, c.startupProbe, c.livenessProbe, c.readinessProbe]).toEqual([
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
          ]);
          expect([s.successThreshold, l.successThreshold]).toEqual([1, 1]);
        },
      ),
    );
  });

  it('leaves absent optional fields out instead of setting them to undefined', () => {
    const hasUndefined = (value: unknown): boolean =>
      typeof value === 'object' &&
      value !== null &&
      Object.values(value).some((v) => v === undefined || hasUndefined(v));
    for (const p of fc.sample(podSpec(), { seed: 9, numRuns: 200 })) expect(hasUndefined(p)).toBe(false);
    for (const a of fc.sample(action(), { seed: 9, numRuns: 200 })) expect(hasUndefined(a)).toBe(false);
  });

  it('draws every fault type, and each type names the roles it can hit', () => {
    const types = new Set(fc.sample(fault(), { seed: 1, numRuns: 2000 }).map((f) => f.type));
    expect([...types].sort()).toEqual([...faultTypes].sort());
    expect(Object.keys(faultTargets).sort()).toEqual([...faultTypes].sort());
  });
});
