/**
 * The pod as the kubelet sees it after API defaulting: containers with their role, effective pull
 * policy and normalised image, looked up by index rather than by name on the hot path.
 */
import type {
  Container,
  ContainerRole,
  Probe,
  ProbeType,
  PullPolicy,
  RestartPolicy,
  Scenario,
} from '../../../specs/vocabulary/index.ts';
import { defaultTerminationGracePeriodSeconds } from '../../../specs/vocabulary/index.ts';
import type { Ms } from './clock.ts';
import { toMs } from './clock.ts';
import type { DeviationFlags } from './deviations.ts';
import { defaultPullPolicy, normalizeImage } from './image-names.ts';

/** One container of the pod, with everything derived from its spec once. */
export interface ContainerInfo {
  /** position in init containers followed by regular containers */
  readonly index: number;
  readonly name: string;
  readonly role: ContainerRole;
  /** index within spec.initContainers or spec.containers */
  readonly listIndex: number;
  readonly spec: Container;
  readonly pullPolicy: PullPolicy;
  readonly imageKey: string;
}

/** The defaulted pod spec. */
export interface PodInfo {
  readonly name: string;
  readonly restartPolicy: RestartPolicy;
  /** spec.terminationGracePeriodSeconds after defaulting (30) */
  readonly specGraceSeconds: number;
  readonly activeDeadlineMs: Ms | undefined;
  readonly runtimeClassName: string | undefined;
  readonly all: ReadonlyArray<ContainerInfo>;
  readonly init: ReadonlyArray<ContainerInfo>;
  readonly regular: ReadonlyArray<ContainerInfo>;
  readonly hasSidecar: boolean;
}

/** Builds the defaulted pod, or says why the API server would refuse it. */
export function buildPodInfo(
  scenario: Scenario,
  dev: DeviationFlags,
): { readonly status: 'ok'; readonly pod: PodInfo } | { readonly status: 'invalid'; readonly reason: string } {
  const spec = scenario.pod;
  const all: ContainerInfo[] = [];
  const init: ContainerInfo[] = [];
  const regular: ContainerInfo[] = [];
  const names = new Set<string>();
  const add = (c: Container, listIndex: number, into: ContainerInfo[]): string | undefined => {
    if (names.has(c.name)) return `duplicate container name '${c.name}'`;
    names.add(c.name);
    const problem = validateContainer(c);
    if (problem !== undefined) return problem;
    const defaulted = dev['latest-defaults-ifnotpresent'] ? 'IfNotPresent' : defaultPullPolicy(c.image);
    const info: ContainerInfo = {
      index: all.length,
      name: c.name,
      role: c.role,
      listIndex,
      spec: c,
      pullPolicy: c.imagePullPolicy ?? defaulted,
      imageKey: normalizeImage(c.image),
    };
    all.push(info);
    into.push(info);
    return undefined;
  };
  for (const [i, c] of spec.initContainers.entries()) {
    if (c.role === 'regular') return { status: 'invalid', reason: `init container '${c.name}' has role regular` };
    const problem = add(c, i, init);
    if (problem !== undefined) return { status: 'invalid', reason: problem };
  }
  for (const [i, c] of spec.containers.entries()) {
    if (c.role !== 'regular') return { status: 'invalid', reason: `container '${c.name}' must have role regular` };
    const problem = add(c, i, regular);
    if (problem !== undefined) return { status: 'invalid', reason: problem };
  }
  if (regular.length === 0) return { status: 'invalid', reason: 'the pod has no regular container' };
  const grace = spec.terminationGracePeriodSeconds ?? defaultTerminationGracePeriodSeconds;
  if (grace < 0) return { status: 'invalid', reason: 'terminationGracePeriodSeconds is negative' };
  return {
    status: 'ok',
    pod: {
      name: spec.name,
      restartPolicy: spec.restartPolicy,
      specGraceSeconds: grace,
      activeDeadlineMs: spec.activeDeadlineSeconds === undefined ? undefined : toMs(spec.activeDeadlineSeconds),
      runtimeClassName: spec.runtimeClassName,
      all,
      init,
      regular,
      hasSidecar: init.some((c) => c.role === 'sidecar'),
    },
  };
}

/** API validation the lifecycle depends on (KUBELET-FACTS §6.1): what a real API server would reject. */
function validateContainer(c: Container): string | undefined {
  if (c.role === 'init') {
    if (c.postStart !== undefined || c.preStop !== undefined)
      return `init container '${c.name}' may not have lifecycle hooks`;
    if (c.startupProbe !== undefined || c.livenessProbe !== undefined || c.readinessProbe !== undefined) {
      return `init container '${c.name}' may not have probes`;
    }
  }
  return (
    validateProbe(c, 'startupProbe', c.startupProbe) ??
    validateProbe(c, 'livenessProbe', c.livenessProbe) ??
    validateProbe(c, 'readinessProbe', c.readinessProbe)
  );
}

function validateProbe(c: Container, type: ProbeType, probe: Probe | undefined): string | undefined {
  if (probe === undefined) return undefined;
  if (probe.periodSeconds < 1 || probe.timeoutSeconds < 1 || probe.failureThreshold < 1 || probe.successThreshold < 1) {
    return `${c.name}.${type}: periodSeconds, timeoutSeconds and thresholds must be at least 1`;
  }
  if (type !== 'readinessProbe' && probe.successThreshold !== 1) return `${c.name}.${type}: successThreshold must be 1`;
  return undefined;
}
