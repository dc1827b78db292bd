/**
 * The backend the conformance suites run on: `PODCONFORM_BACKEND` (`sim` by default, or `exec:COMMAND`),
 * `PODCONFORM_RUNS` generated scenarios per property (default 200) and an optional `PODCONFORM_SEED`.
 */
import { createExecBackend } from '../../harness/backends/exec/index.ts';
import type { Backend } from '../../harness/backends/backend.ts';
import { backendTarget, simTarget, type RunTarget } from '../../harness/run/target.ts';

/** What the environment asks for. */
export interface ConformanceSettings {
  readonly backend: string;
  readonly runs: number;
  readonly seed?: number;
}

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be a whole number, got '${text}'`);
  return n;
}

/** Reads PODCONFORM_BACKEND, PODCONFORM_RUNS and PODCONFORM_SEED. */
export function conformanceSettings(env: NodeJS.ProcessEnv = process.env): ConformanceSettings {
  const seed = wholeNumber('PODCONFORM_SEED', env['PODCONFORM_SEED']);
  return {
    backend: env['PODCONFORM_BACKEND'] ?? 'sim',
    runs: Math.max(1, wholeNumber('PODCONFORM_RUNS', env['PODCONFORM_RUNS']) ?? 200),
    ...(seed === undefined ? {} : { seed }),
  };
}

/** The target for the backend, with its set-up and tear-down (both no-ops for the in-process sim). */
export interface BackendUnderTest {
  readonly target: RunTarget;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

/** The backend under test; an unknown name or a backend that cannot start throws at set-up, where vitest shows it. */
export function backendUnderTest(settings: ConformanceSettings): BackendUnderTest {
  if (settings.backend === 'sim') {
    // the simulator as `run` drives it by default: a realistic node of its own per scenario
    return {
      target: simTarget({ realistic: true }),
      setUp: () => Promise.resolve(),
      tearDown: () => Promise.resolve(),
    };
  }
  if (!settings.backend.startsWith('exec:')) {
    throw new Error(`PODCONFORM_BACKEND: unknown backend '${settings.backend}' (known: sim, exec:COMMAND)`);
  }
  const backend: Backend = createExecBackend(settings.backend.slice('exec:'.length));
  return {
    target: backendTarget(backend),
    setUp: async () => {
      const ready = await backend.setUp();
      if (ready.status === 'unavailable') throw new Error(`${backend.name} is not available: ${ready.reason}`);
    },
    tearDown: () => backend.tearDown(),
  };
}
