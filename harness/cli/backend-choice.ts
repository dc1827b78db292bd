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

const modelSource: ObservationSource = {
  name: 'model',
  observe: (scenario) => Promise.resolve({ status: 'observed', observation: nominalObservation(predict(scenario)) }),
  close: () => Promise.resolve(),
};

/** Backends register here as they are built (name → factory). */
export const backendFactories = new Map<string, (spec: string) => Backend>();

export async function resolveBackend(spec: string): Promise<BackendChoice> {
  if (spec === 'model') return { status: 'ok', source: modelSource };
  const key = spec.startsWith('exec:') ? 'exec' : spec;
  const factory = backendFactories.get(key);
  if (!factory) {
    const known = ['model', ...backendFactories.keys()].map((k) => (k === 'exec' ? "exec:'COMMAND'" : k));
    return {
      status: 'error',
      message: `unknown backend '${spec}' (known: ${known.join(', ')})`,
      exitCode: exitCodes.badInput,
    };
  }
  const backend = factory(spec);
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
