/** Makes the built-in backends known to `--backend`. */
import { createExecBackend } from '../backends/exec/index.ts';
import { createSimBackend } from '../backends/sim/index.ts';
import { backendFactories } from './backend-choice.ts';

/** Registers `sim` and `exec:COMMAND` (idempotent: a second call replaces the same factories). */
export function registerBackends(): void {
  backendFactories.set('sim', () => createSimBackend());
  // `exec:COMMAND`: everything after the first colon is the shell command, as the user quoted it.
  backendFactories.set('exec', (spec) => createExecBackend(spec.slice('exec:'.length)));
}
