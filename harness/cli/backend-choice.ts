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
  | { readonly status: 'ok'; readonly source: ObservationSource; readonly backend?: Backend }
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

/** Backends registered at run time (name → factory); they take precedence over the built-in ones. */
export const backendFactories = new Map<string, (spec: string) => Backend>();

// The built-in backends, loaded only when named (the exec: backend's process handling, the whole simulator).
const builtinFactories: Readonly<Record<string, (spec: string) => Promise<Backend>>> = {
  sim: async () => (await import('../backends/sim/index.ts')).createSimBackend(),
  kube: async () => (await import('../backends/kube/index.ts')).createKubeBackend({ kind: false }),
  kind: async () => (await import('../backends/kube/index.ts')).createKubeBackend({ kind: true }),
  // `exec:COMMAND`: everything after the first colon is the shell command, as the user quoted it.
  exec: async (spec) => (await import('../backends/exec/index.ts')).createExecBackend(spec.slice('exec:'.length)),
};

export async function resolveBackend(spec: string): Promise<BackendChoice> {
  if (spec === 'model') return { status: 'ok', source: modelSource };
  const key = spec.startsWith('exec:') ? 'exec' : spec;
  const registered = backendFactories.get(key);
  const builtin = Object.hasOwn(builtinFactories, key) ? builtinFactories[key] : undefined;
  const factory = registered ? (s: string) => Promise.resolve(registered(s)) : builtin;
  if (!factory) {
    const names = new Set(['model', ...Object.keys(builtinFactories), ...backendFactories.keys()]);
    const known = [...names].map((k) => (k === 'exec' ? "exec:'COMMAND'" : k));
    return {
      status: 'error',
      message: `unknown backend '${spec}' (known: ${known.join(', ')})`,
      exitCode: exitCodes.badInput,
    };
  }
  const backend = await factory(spec);
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
    source: {
      name: backend.name,
      observe: (scenario) => backend.run(scenario),
      close: () => backend.tearDown(),
    },
  };
}
