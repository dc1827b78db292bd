/**
 * A container's main script (`sh -c SCRIPT`, busybox ash): it acts out the container's behaviour block — the run
 * behaviour of this start, its exit code and timing, its TERM handling — and marks what it does.
 *
 * - A TERM that arrives before the real trap is set is remembered and handled once it is: PID 1 ignores a
 *   signal it has no handler for, so without the first `trap` an early TERM would be lost.
 * - The start number is the count of this container's `started` markers, its own included: the marker file
 *   outlives restarts and deleted init containers, and a `while read` loop needs no grep.
 * - The behaviour of each start is chosen with `runBehaviorForStart` at compile time, one branch per range of
 *   start numbers that share it, so the script cannot disagree with the vocabulary about which entry applies.
 * - The start time (µs) and the first TERM time go to files beside the markers, where probes read them; both are
 *   rewritten at each start (podman restarts a container in place, keeping its filesystem).
 * - TERM with `exit`: the trap marks `term`, waits `afterSeconds` from the FIRST TERM and exits with the code —
 *   unless the run's own exit comes first, then that exit happens at its own time with its own code, as in the
 *   model and the simulator (whichever exit is scheduled first ends the process; a second TERM, from a second
 *   StopContainer, schedules nothing earlier). TERM with `ignore`: the trap
 *   only marks `term` and returns; `zz` waits again, so the run goes on as if nothing had happened.
 * - HTTP servers for httpGet handlers start first of all, even before the start is marked (a fork, well under a
 *   millisecond), because the kubelet sends a postStart GET as soon as the runtime reports the start and does not
 *   retry it (KUBELET-FACTS §2.1 step i, §2.3): a refused connection would be a FailedPostStartHook the case does
 *   not expect. busybox nc still needs some milliseconds to listen, so that race is narrowed, not closed.
 *   tcpSocket listeners start once the start time S is known: they are timed from it, and probes come later.
 * - Every wait is `sleep & wait` (PODMAN.md §3: the trap then runs within a millisecond of the signal).
 */
import {
  runBehaviorForStart,
  type Container,
  type ContainerBehavior,
  type RunBehavior,
} from '../../../specs/vocabulary/index.ts';
import { scriptPrelude, stateFile } from './script-prelude.ts';
import { microseconds } from './shell-words.ts';
import { Unexpressible } from './unexpressible.ts';

/** What a container's main script must start beside its behaviour (servers and listeners for its handlers). */
export interface ScriptExtras {
  /** HTTP servers: started before anything else */
  readonly servers: ReadonlyArray<string>;
  /** listeners timed from the start (S) */
  readonly atStart: ReadonlyArray<string>;
  readonly onTerm: ReadonlyArray<string>;
}

function exitCode(code: number, where: string): number {
  if (!Number.isInteger(code) || code < 0 || code > 255) {
    throw new Unexpressible(`${where} exit code ${code} cannot be returned by a process (0-255)`);
  }
  return code;
}

// One run behaviour as shell variables: X own exit (1/0), XC its code, XU its time since the start in µs;
// TT the TERM handling (exit/ignore), TC its code, TU its delay in µs.
function assignments(run: RunBehavior, container: string): string {
  const own = run.exit
    ? `X=1 XC=${exitCode(run.exit.exitCode, container)} XU=${microseconds(run.exit.afterSeconds)}`
    : 'X=0 XC=0 XU=0';
  const term =
    run.onTerm.type === 'exit'
      ? `TT=exit TC=${exitCode(run.onTerm.exitCode, `${container} onTerm`)} TU=${microseconds(run.onTerm.afterSeconds)}`
      : 'TT=ignore TC=0 TU=0';
  return `${own} ${term}`;
}

/** The `if` that picks the run behaviour for start number `$n`, one branch per range of starts sharing one. */
export function behaviorChoice(behavior: ContainerBehavior, container: string): string {
  const bounds = [...new Set(behavior.restarts.map((r) => r.fromStart).filter((n) => Number.isInteger(n) && n > 1))];
  bounds.sort((a, b) => a - b);
  const starts = [1, ...bounds];
  const branches = starts.map((from, i) => {
    const line = assignments(runBehaviorForStart(behavior, from), container);
    const next = starts[i + 1];
    if (i === 0) return next === undefined ? line : `if [ $n -lt ${next} ]; then ${line}`;
    return next === undefined ? `else ${line}` : `elif [ $n -lt ${next} ]; then ${line}`;
  });
  return starts.length === 1 ? (branches[0] ?? '') : `${branches.join('\n')}\nfi`;
}

/** The main script of `container`. */
export function mainScript(container: Container, extras: ScriptExtras): string {
  const name = container.name;
  return [
    "trap 'P=1' TERM",
    scriptPrelude(name),
    ...extras.servers,
    'm started',
    `us; S=$U; K=; echo $S >${stateFile(name, 'start')}; : >${stateFile(name, 'term')}`,
    ...extras.atStart,
    `n=0; while read -r c e r; do [ "$c $e" = "${name} started" ] && n=$((n+1)); done <$F`,
    behaviorChoice(container.behavior, name),
    'onterm(){',
    'm term; us',
    `[ -n "$K" ] || { K=$U; echo $U >${stateFile(name, 'term')}; }`,
    ...extras.onTerm,
    '[ $TT = exit ] || return 0',
    'R=$((K+TU-U)) C=$TC',
    'if [ $X = 1 ] && [ $((S+XU-U)) -lt $R ]; then R=$((S+XU-U)) C=$XC; fi',
    'zz $R; m exiting $C; exit $C',
    '}',
    'trap onterm TERM',
    '[ -n "$P" ] && onterm',
    'if [ $X = 1 ]; then us; zz $((S+XU-U)); m exiting $XC; exit $XC; fi',
    'while :; do zz 86400000000; done',
  ].join('\n');
}
