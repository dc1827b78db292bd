/** Arbitrary pod specs: restart policy, grace period, deadline, init containers, sidecars and regular containers. */
import fc from 'fast-check';
import type { Container, PodSpec, RestartPolicy } from '../specs/vocabulary/index.ts';
import { defaultTerminationGracePeriodSeconds, restartPolicies } from '../specs/vocabulary/index.ts';
import { container, type ContainerConstraints } from './container.ts';
import { gracePeriod } from './grace-period.ts';
import { fitHookToGrace } from './hook.ts';
import { maybe } from './maybe.ts';

/** Options for {@link podSpec}. */
export interface PodSpecConstraints {
  /** Restart policies to draw from, first = simplest (default Always, OnFailure, Never). */
  readonly restartPolicies?: ReadonlyArray<RestartPolicy>;
  /** Fewest regular init containers (default 0). */
  readonly minInitContainers?: number;
  /** Most regular init containers (default 3). */
  readonly maxInitContainers?: number;
  /** Most sidecars (default 2). */
  readonly maxSidecars?: number;
  /** Most regular containers (default 3; at least 1 always). */
  readonly maxContainers?: number;
  /** Set activeDeadlineSeconds in about one pod in 20 (default true). */
  readonly activeDeadline?: boolean;
  /** Applied to every container (role, name and sleep limit are the pod's to decide). */
  readonly container?: Omit<ContainerConstraints, 'role' | 'name' | 'maxSleepSeconds'>;
  /** `ordinal` (default): init1, sc1, app, app2…; `random`: arbitrary distinct DNS labels. */
  readonly names?: 'ordinal' | 'random';
  /** The pod's name (default `pod`). */
  readonly podName?: string;
  /** Write `metadata.namespace` in about one pod in 3 (default true), so messages naming the pod can be judged. */
  readonly namespace?: boolean;
}

/**
 * Namespaces a manifest may name. `default` is among them on purpose: written out, it is as binding as any other
 * (KUBELET-FACTS Correction 18: messages naming the pod carry the namespace the manifest gives).
 */
export const manifestNamespaces = ['prod', 'team-a', 'default'] as const;

/** A DNS-1123 label without dots, as Kubernetes requires for container names (kept short for readable output). */
export function dnsLabel(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
}

function ordinalNames(inits: number, sidecars: number, regulars: number): string[] {
  const names: string[] = [];
  for (let i = 1; i <= inits; i++) names.push(`init${i}`);
  for (let i = 1; i <= sidecars; i++) names.push(`sc${i}`);
  for (let i = 1; i <= regulars; i++) names.push(i === 1 ? 'app' : `app${i}`);
  return names;
}

/** The pod's effective grace period: the field as written, else the API default of 30 s. */
export function effectiveGrace(pod: Pick<PodSpec, 'terminationGracePeriodSeconds'>): number {
  return pod.terminationGracePeriodSeconds ?? defaultTerminationGracePeriodSeconds;
}

/** The container made valid in this pod: its sleep handlers fitted to the pod's grace period. */
export function fitContainerToPod(c: Container, graceSeconds: number): Container {
  if (c.postStart === undefined && c.preStop === undefined) return c;
  return {
    ...c,
    ...(c.postStart === undefined ? {} : { postStart: fitHookToGrace(c.postStart, graceSeconds) }),
    ...(c.preStop === undefined ? {} : { preStop: fitHookToGrace(c.preStop, graceSeconds) }),
  };
}

/** A pod spec with distinct container names; sidecars are placed among the init containers by a drawn position. */
export function podSpec(constraints: PodSpecConstraints = {}): fc.Arbitrary<PodSpec> {
  const base = constraints.container ?? {};
  const maxInits = Math.max(constraints.minInitContainers ?? 0, constraints.maxInitContainers ?? 3);
  const inits = fc.array(container({ ...base, role: 'init' }), {
    minLength: constraints.minInitContainers ?? 0,
    maxLength: maxInits,
  });
  // Position 0 (before every init container, the usual place for a sidecar) is what shrinking reaches.
  const sidecars = fc.array(fc.tuple(fc.nat({ max: 3 }), container({ ...base, role: 'sidecar' })), {
    maxLength: constraints.maxSidecars ?? 2,
  });
  const regulars = fc.array(container({ ...base, role: 'regular' }), {
    minLength: 1,
    maxLength: Math.max(1, constraints.maxContainers ?? 3),
  });
  // As many distinct labels as the pod can have containers, so every container gets one of them.
  const most = maxInits + (constraints.maxSidecars ?? 2) + Math.max(1, constraints.maxContainers ?? 3);
  const names =
    constraints.names === 'random'
      ? fc.uniqueArray(dnsLabel(), { minLength: most, maxLength: most }).map((labels) => () => labels)
      : fc.constant(undefined);
  return fc
    .record({
      restartPolicy: fc.constantFrom(...(constraints.restartPolicies ?? restartPolicies)),
      grace: gracePeriod(),
      deadline:
        (constraints.activeDeadline ?? true)
          ? maybe(
              fc.integer({ min: 1, max: 30 }).map((s) => s * 2),
              20,
            )
          : fc.constant(undefined),
      inits,
      sidecars,
      regulars,
      names,
      namespace:
        (constraints.namespace ?? true) ? maybe(fc.constantFrom(...manifestNamespaces), 3) : fc.constant(undefined),
    })
    .map(
      ({
        restartPolicy,
        grace,
        deadline,
        inits: initList,
        sidecars: sidecarList,
        regulars: regularList,
        names: random,
        namespace,
      }) => {
        const drawnNames = random?.() ?? ordinalNames(initList.length, sidecarList.length, regularList.length);
        let next = 0;
        const rename = (c: Container): Container => {
          const name = drawnNames[next++] ?? `c${next}`;
          return fitContainerToPod({ ...c, name }, grace ?? defaultTerminationGracePeriodSeconds);
        };
        const namedInits = initList.map(rename);
        const namedSidecars = sidecarList.map(([position, c]) => [position, rename(c)] as const);
        // Sidecar at position p goes just before the p-th regular init container (or last); ties keep drawn order.
        const initContainers: Container[] = [];
        for (let p = 0; p <= namedInits.length; p++) {
          for (const [position, c] of namedSidecars)
            if (Math.min(position, namedInits.length) === p) initContainers.push(c);
          const init = namedInits[p];
          if (init !== undefined) initContainers.push(init);
        }
        return {
          name: constraints.podName ?? 'pod',
          restartPolicy,
          ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
          ...(deadline === undefined ? {} : { activeDeadlineSeconds: deadline }),
          initContainers,
          containers: regularList.map(rename),
          metadataExtra: namespace === undefined ? {} : { namespace },
          specExtra: {},
        };
      },
    );
}
