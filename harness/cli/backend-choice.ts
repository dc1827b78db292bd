/**
 * Turns `--backend NAME` into something that observes a scenario: the model itself (its nominal
 * observation), or a real backend behind the Backend interface.
 */
import { nominalObservation, predict } from '../../specs/model/index.ts';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import type { Backend, RunOutcome } from '../backends/backend.ts';
import { exitCodes } from './io.ts';

export interface ObservationSource {
  readonly name: string;
  observe(scenario: Scenario): Promise<RunOutcome>;
  close(): Promise<void>;
}

export type BackendChoice =
  | {
      readonly status: 'ok';
      readonly source: ObservationSource;
      readonly backend?: Backend;
      /** what the backend's set-up told the user (a cluster's version and rule profile) */
      readonly notices?: ReadonlyArray<string>;
    }
  | { readonly status: 'error'; readonly message: string; readonly exitCode: number };

function modelObservation(scenario: Scenario): RunOutcome {
  try {
    return { status: 'observed', observation: nominalObservation(predict(scenario)) };
  } catch (error) {
    // The model is podconform's own code: an exception is an error to report, never an unknown.
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'error', reason: `the model failed on case ${scenario.id}: ${message}` };
  }
}

const modelSource: ObservationSource = {
  name: 'model',
  observe: (scenario) => Promise.resolve(modelObservation(scenario)),
  close: () => Promise.resolve(),
};

/** What the command line says about a backend beyond its name (`--context`, `--cluster` for a cluster backend). */
export interface BackendOptions {
  readonly context?: string;
  readonly cluster?: string;
}

/** `--context` and `--cluster` as the command line gave them. */
/** `--context`/`--cluster` as given, for replay lines: the same backend on the same cluster. */
export function backendArgsOf(values: ReadonlyMap<string, string>): string[] {
  return ['context', 'cluster'].flatMap((name) => {
    const value = values.get(name);
    return value === undefined ? [] : [`--${name}`, value];
  });
}

export function backendOptions(values: ReadonlyMap<string, string>): BackendOptions {
  const context = values.get('context');
  const cluster = values.get('cluster');
  return { ...(context === undefined ? {} : { context }), ...(cluster === undefined ? {} : { cluster }) };
}

/** Backends registered at run time (name → factory); they take precedence over the built-in ones. */
export const backendFactories = new Map<string, (spec: string, options: BackendOptions) => Backend>();

// The built-in backends, loaded only when named (the exec: backend's process handling, the whole simulator).
const builtinFactories: Readonly<Record<string, (spec: string, options: BackendOptions) => Promise<Backend>>> = {
  sim: async () => (await import('../backends/sim/index.ts')).createSimBackend(),
  podman: async () => (await import('../backends/podman/index.ts')).createPodman(),
  kube: async (_spec, options) =>
    (await import('../backends/kube/index.ts')).createKubeBackend({ ...options, kind: false }),
  kind: async (_spec, options) =>
    (await import('../backends/kube/index.ts')).createKubeBackend({ ...options, kind: true }),
  // `exec:COMMAND`: everything after the first colon is the shell command, as the user quoted it.
  exec: async (spec) => (await import('../backends/exec/index.ts')).createExecBackend(spec.slice('exec:'.length)),
};

export async function resolveBackend(spec: string, options: BackendOptions = {}): Promise<BackendChoice> {
  if (spec === 'model') return { status: 'ok', source: modelSource };
  const key = spec.startsWith('exec:') ? 'exec' : spec;
  const registered = backendFactories.get(key);
  const builtin = Object.hasOwn(builtinFactories, key) ? builtinFactories[key] : undefined;
  const factory = registered ? (s: string, o: BackendOptions) => Promise.resolve(registered(s, o)) : builtin;
  if (!factory) {
    const names = new Set(['model', ...Object.keys(builtinFactories), ...backendFactories.keys()]);
    const known = [...names].map((k) => (k === 'exec' ? "exec:'COMMAND'" : k));
    return {
      status: 'error',
      message: `unknown backend '${spec}' (known: ${known.join(', ')})`,
      exitCode: exitCodes.badInput,
    };
  }
  const backend = await factory(spec, options);
  const ready = await backend.setUp();
  if (ready.status === 'unavailable') {
    return {
      status: 'error',
      message: `${backend.name} is not available: ${ready.reason}`,
      exitCode: exitCodes.backendUnavailable,
    };
  }
  return {
    status: 'ok',
    backend,
    notices: ready.notices ?? [],
    source: {
      name: backend.name,
      observe: (scenario) => backend.run(scenario),
      close: () => backend.tearDown(),
    },
  };
}
