/** Arbitrary containers of the three roles: regular init containers, sidecars and regular containers. */
import fc from 'fast-check';
import type { Container, ContainerBehavior, ContainerRole, Hook, Probe, ProbeType } from '../specs/vocabulary/index.ts';
import { containerBehavior } from './container-behavior.ts';
import { hook } from './hook.ts';
import { image, type ImageConstraints } from './image.ts';
import { maybe } from './maybe.ts';
import { probe } from './probe.ts';
import { pullPolicy, type PullPolicyConstraints } from './pull-policy.ts';
import { exitOnTerm } from './term-handling.ts';
import { gridSeconds } from './timing.ts';

/** How much of a container is drawn at random: `healthy` parts do what a well-behaved workload does. */
export type Variety = 'none' | 'healthy' | 'any';

/** Options for {@link container}. */
export interface ContainerConstraints {
  /** Role (default regular). */
  readonly role?: ContainerRole;
  /** Name (default `app`, `init1` or `sc1` by role). */
  readonly name?: string;
  /** `healthy`: an init container exits 0 after a few seconds, others run until signalled; `any` (default). */
  readonly behavior?: 'healthy' | 'any';
  /** postStart/preStop hooks (default any); regular init containers never get any (Kubernetes rejects them). */
  readonly hooks?: Variety;
  /** Probes (default any); regular init containers never get any (Kubernetes rejects them). */
  readonly probes?: Variety;
  readonly image?: ImageConstraints;
  readonly pullPolicy?: PullPolicyConstraints;
  /** Longest sleep handler: the pod's grace period, which Kubernetes validates sleeps against (default 30). */
  readonly maxSleepSeconds?: number;
}

/** The behaviour of a healthy sidecar or regular container: runs until signalled, exits at once on SIGTERM. */
export const runsUntilSignalled: ContainerBehavior = { base: { onTerm: exitOnTerm }, restarts: [] };

function defaultName(role: ContainerRole): string {
  switch (role) {
    case 'init':
      return 'init1';
    case 'sidecar':
      return 'sc1';
    case 'regular':
      return 'app';
  }
}

function behaviorFor(role: ContainerRole, variety: 'healthy' | 'any'): fc.Arbitrary<ContainerBehavior> {
  if (variety === 'any') return containerBehavior();
  if (role !== 'init') return fc.constant(runsUntilSignalled);
  // A healthy init container finishes: exit 0 after 1–4 s.
  return gridSeconds(4, 1, 1).map((afterSeconds) => ({
    base: { exit: { exitCode: 0, afterSeconds }, onTerm: exitOnTerm },
    restarts: [],
  }));
}

function optionalHook(
  variety: Variety,
  maxTakesSeconds: number,
  maxSleepSeconds: number,
): fc.Arbitrary<Hook | undefined> {
  if (variety === 'none') return fc.constant(undefined);
  return maybe(
    hook({
      results: variety === 'healthy' ? 'success' : 'any',
      maxTakesSeconds,
      maxSleepSeconds: Math.min(maxSleepSeconds, maxTakesSeconds),
    }),
    4,
  );
}

function optionalProbe(variety: Variety, type: ProbeType): fc.Arbitrary<Probe | undefined> {
  if (variety === 'none') return fc.constant(undefined);
  return maybe(probe({ type, fails: variety === 'healthy' ? 'never' : 'any' }), 4);
}

/** A container of the given role whose optional parts are left out (not `undefined`) when absent. */
export function container(constraints: ContainerConstraints = {}): fc.Arbitrary<Container> {
  const role = constraints.role ?? 'regular';
  const name = constraints.name ?? defaultName(role);
  // Regular init containers may have neither hooks nor probes (Kubernetes validation); sidecars may.
  const hooks = role === 'init' ? 'none' : (constraints.hooks ?? 'any');
  const probes = role === 'init' ? 'none' : (constraints.probes ?? 'any');
  const maxSleep = constraints.maxSleepSeconds ?? 30;
  return fc
    .tuple(
      image(constraints.image),
      pullPolicy(constraints.pullPolicy),
      behaviorFor(role, constraints.behavior ?? 'any'),
      optionalHook(hooks, 3, maxSleep),
      optionalHook(hooks, 5, maxSleep),
      optionalProbe(probes, 'startupProbe'),
      optionalProbe(probes, 'livenessProbe'),
      optionalProbe(probes, 'readinessProbe'),
    )
    .map(([img, policy, behavior, postStart, preStop, startupProbe, livenessProbe, readinessProbe]): Container => {
      // Built field by field so that absent parts are left out rather than set to undefined.
      const c: { -readonly [K in keyof Container]: Container[K] } = { name, role, image: img, behavior, extra: {} };
      if (policy !== undefined) c.imagePullPolicy = policy;
      if (postStart !== undefined) c.postStart = postStart;
      if (preStop !== undefined) c.preStop = preStop;
      if (startupProbe !== undefined) c.startupProbe = startupProbe;
      if (livenessProbe !== undefined) c.livenessProbe = livenessProbe;
      if (readinessProbe !== undefined) c.readinessProbe = readinessProbe;
      return c;
    });
}
