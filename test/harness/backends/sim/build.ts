/** Terse builders of scenarios for the sim's own tests (seconds everywhere, Kubernetes defaults filled in). */
import type {
  Action,
  Container,
  HandlerAction,
  Hook,
  NodeWorld,
  Probe,
  ProbeFailing,
  RestartPolicy,
  RunBehavior,
  Scenario,
} from '../../../../specs/vocabulary/index.ts';

/** Runs until signalled; on TERM exits with 143 after `termAfter` seconds (or ignores TERM). */
export function runs(onTerm: 'exit' | 'ignore' = 'exit', termAfter = 0, termCode = 143): RunBehavior {
  return {
    onTerm: onTerm === 'ignore' ? { type: 'ignore' } : { type: 'exit', exitCode: termCode, afterSeconds: termAfter },
  };
}

/** Exits with `code` after `after` seconds; TERM is ignored unless said otherwise. */
export function exits(code: number, after: number, onTerm: 'exit' | 'ignore' = 'ignore'): RunBehavior {
  return { exit: { exitCode: code, afterSeconds: after }, ...runs(onTerm) };
}

export const exec: HandlerAction = { type: 'exec', command: ['sh', '-c', 'true'] };
export const http: HandlerAction = { type: 'httpGet', port: 8080, path: '/' };

export function hook(takes: number, result: 'success' | 'fail' = 'success', action: HandlerAction = exec): Hook {
  return { action, takesSeconds: takes, result };
}

export function probe(fails: ProbeFailing, fields: Partial<Omit<Probe, 'fails'>> = {}): Probe {
  return {
    action: exec,
    initialDelaySeconds: 0,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    takesSeconds: 0,
    ...fields,
    fails,
  };
}

type ContainerFields = Partial<Omit<Container, 'name' | 'behavior'>> & {
  readonly restarts?: ReadonlyArray<{ readonly fromStart: number; readonly behavior: RunBehavior }>;
};

export function container(name: string, behavior: RunBehavior = runs(), fields: ContainerFields = {}): Container {
  const { restarts, ...rest } = fields;
  return {
    name,
    role: 'regular',
    image: 'busybox:1.36',
    behavior: { base: behavior, restarts: restarts ?? [] },
    extra: {},
    ...rest,
  };
}

export function init(name: string, behavior: RunBehavior = exits(0, 1), fields: ContainerFields = {}): Container {
  return { ...container(name, behavior, fields), role: 'init' };
}

export function sidecar(name: string, behavior: RunBehavior = runs(), fields: ContainerFields = {}): Container {
  return { ...container(name, behavior, fields), role: 'sidecar' };
}

export function deleteAt(at: number, grace?: number): Action {
  return grace === undefined
    ? { type: 'delete', atSeconds: at }
    : { type: 'delete', atSeconds: at, gracePeriodSeconds: grace };
}

export interface ScenarioFields {
  readonly id?: string;
  readonly restartPolicy?: RestartPolicy;
  readonly grace?: number;
  readonly initContainers?: ReadonlyArray<Container>;
  readonly containers: ReadonlyArray<Container>;
  readonly actions?: ReadonlyArray<Action>;
  readonly observeFor?: number;
  readonly node?: Partial<NodeWorld>;
  readonly activeDeadlineSeconds?: number;
  readonly runtimeClassName?: string;
  /** metadata.namespace as the manifest writes it */
  readonly namespace?: string;
}

export function scenario(f: ScenarioFields): Scenario {
  return {
    id: f.id ?? 'sim-test',
    rules: [],
    node: { registry: 'up', cached: ['busybox:1.36'], unpullable: [], pullTakesSeconds: 0, ...f.node },
    pod: {
      name: f.id ?? 'sim-test',
      restartPolicy: f.restartPolicy ?? 'Always',
      ...(f.grace === undefined ? {} : { terminationGracePeriodSeconds: f.grace }),
      ...(f.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: f.activeDeadlineSeconds }),
      ...(f.runtimeClassName === undefined ? {} : { runtimeClassName: f.runtimeClassName }),
      initContainers: f.initContainers ?? [],
      containers: f.containers,
      metadataExtra: f.namespace === undefined ? {} : { namespace: f.namespace },
      specExtra: {},
    },
    actions: f.actions ?? [],
    observeForSeconds: f.observeFor ?? 30,
  };
}
