/**
 * The shell lines that decide one probe run's answer from the behaviour block (FORMAT.md `fails`): they set `v` to
 * `ok` or `fail` and mark `<type>.ran` with it, then take the run's time. The answer is decided when the run starts,
 * as the model and the simulator decide it (specs/model/probes.ts `checkFails`), against the container's current
 * start (`from`/`until`) or its first TERM (`afterTerm`), both read from the files its main script writes.
 */
import type { Probe, ProbeType } from '../../../specs/vocabulary/index.ts';
import { stateFile } from './script-prelude.ts';
import { microseconds } from './shell-words.ts';

function failsTest(probe: Probe): string | undefined {
  // A run longer than its timeout fails whatever the check says (the kubelet gives up on it; checkFails does the
  // same): the marker's detail says what the kubelet concludes.
  if (probe.takesSeconds > probe.timeoutSeconds) return 'true';
  const fails = probe.fails;
  switch (fails.type) {
    case 'never':
      return undefined;
    case 'always':
      return 'true';
    case 'from':
      return `[ $((U-s0)) -ge ${microseconds(fails.seconds)} ]`;
    case 'until':
      return `[ $((U-s0)) -lt ${microseconds(fails.seconds)} ]`;
    case 'afterTerm':
      return `[ -n "$k" ] && [ $((U-k)) -ge ${microseconds(fails.seconds)} ]`;
  }
}

/** Lines that mark the run, leave its answer in `v` and sleep `takesSeconds` (prelude functions assumed). */
export function probeRunLines(container: string, type: ProbeType, probe: Probe): string[] {
  const test = failsTest(probe);
  return [
    `us; s0=; k=; read -r s0 <${stateFile(container, 'start')}; read -r k <${stateFile(container, 'term')}`,
    test === undefined ? 'v=ok' : `v=ok; ${test} && v=fail`,
    `m ${type}.ran $v`,
    `zz ${microseconds(probe.takesSeconds)}`,
  ];
}
