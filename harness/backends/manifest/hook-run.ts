/**
 * The shell lines of one run of a postStart or preStop handler that runs inside the container (exec, or the
 * HTTP handler that answers the kubelet's GET): mark `<hook>.started`, take `takesSeconds`, mark
 * `<hook>.finished` with `ok` or `fail` and leave the result in `v`. A run the kubelet cuts short (the grace
 * period ends, the container is killed) never reaches `.finished`, exactly as on a node.
 */
import type { Hook } from '../../../specs/vocabulary/index.ts';
import { microseconds } from './shell-words.ts';

/** Which lifecycle handler. */
export type HookName = 'postStart' | 'preStop';

/** Lines that act out one run of the hook (prelude functions assumed); `v` ends as `ok` or `fail`. */
export function hookRunLines(name: HookName, hook: Hook): string[] {
  const v = hook.result === 'success' ? 'ok' : 'fail';
  return [`m ${name}.started`, `zz ${microseconds(hook.takesSeconds)}`, `v=${v}; m ${name}.finished $v`];
}
