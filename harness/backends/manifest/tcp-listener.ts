/**
 * A tcpSocket probe acted out by a listener: the kubelet's check is a TCP connect, so the probe succeeds while
 * something listens on the port and fails (connection refused) while nothing does. busybox `nc -ll -p PORT -e true`
 * accepts every connection and closes it. The listener runs while the behaviour says the probe succeeds, relative
 * to the container's start (S, set by the main script) or, for `afterTerm`, stopped from the TERM trap.
 *
 * What cannot be faithful is marked as such: a refused connect runs nothing in the container, so
 * `<type>.ran` cannot be marked for failing runs, and marking only the passing ones would report a partial
 * history; the compiler lists the point as unmarked instead and marks none. A connect completes in the kernel
 * before any program sees it, so a run cannot be made to take time: a probe that must time out is unexpressible.
 */
import type { Probe } from '../../../specs/vocabulary/index.ts';
import { microseconds } from './shell-words.ts';
import { Unexpressible } from './unexpressible.ts';

/** The lines a listener adds to the main script: at its start, and in its TERM trap. */
export interface ListenerLines {
  readonly atStart: ReadonlyArray<string>;
  readonly onTerm: ReadonlyArray<string>;
}

/** The listener for a tcpSocket probe (`what` names it) on `port`; `slot` makes its variable unique in the script. */
export function tcpListenerLines(what: string, probe: Probe, port: number, slot: number): ListenerLines {
  if (probe.takesSeconds > probe.timeoutSeconds) {
    throw new Unexpressible(
      `${what} tcpSocket must time out (takes ${probe.takesSeconds}s > timeoutSeconds ${probe.timeoutSeconds}), but a TCP connect is accepted by the kernel at once`,
    );
  }
  const listen = `nc -ll -p ${port} -e true`;
  const pid = `L${slot}`;
  const fails = probe.fails;
  switch (fails.type) {
    case 'never':
      return { atStart: [`${listen} &`], onTerm: [] };
    case 'always':
      return { atStart: [], onTerm: [] };
    case 'from':
      return {
        atStart: [`${listen} & ${pid}=$!`, `( us; zz $((S+${microseconds(fails.seconds)}-U)); kill $${pid} ) &`],
        onTerm: [],
      };
    case 'until':
      return { atStart: [`( us; zz $((S+${microseconds(fails.seconds)}-U)); exec ${listen} ) &`], onTerm: [] };
    case 'afterTerm':
      return {
        atStart: [`${listen} & ${pid}=$!`],
        onTerm: [`( zz ${microseconds(fails.seconds)}; kill $${pid} ) &`],
      };
  }
}
