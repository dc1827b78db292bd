/**
 * The main process of a container as the case describes it: it exits on its own after `after`, and
 * reacts to SIGTERM by exiting (143 or its code) or ignoring it; SIGKILL ends it with 137
 * (KUBELET-FACTS §5.6; kubelet.process.exit-codes, term.term-handling-decides-duration).
 */
import { runBehaviorForStart, type RuleId } from '../vocabulary/index.ts';
import { advance, type Delay, type Moment } from './engine/delay.ts';
import { latencies, runtimeOverheadSeconds } from './latencies.ts';
import { containerPoint } from './record.ts';
import type { ContainerModel, PodModel } from './state.ts';
import { requestSync } from './sync-requests.ts';

/** A process exit is seen a little after its planned moment (runtimeOverheadSeconds.processExit). */
function reaction(afterSeconds: number): Delay {
  return {
    minSeconds: afterSeconds,
    nominalSeconds: afterSeconds + 0.01,
    maxSeconds: afterSeconds + runtimeOverheadSeconds.processExit,
    rule: 'kubelet.process.exit-codes',
  };
}

/** Schedules the exit the behaviour plans for the process that just started at `startedAt`. */
export function planOwnExit(pod: PodModel, c: ContainerModel, startedAt: Moment): void {
  const run = runBehaviorForStart(c.spec.behavior, c.starts);
  if (!run.exit) return;
  const token = c.processToken;
  const { exitCode, afterSeconds } = run.exit;
  // a process that "exits after 0 s" still runs for a few milliseconds
  const delay = reaction(afterSeconds);
  pod.engine.at(advance(startedAt, delay, pod.engine.pick(delay)), (m) => {
    if (c.processToken !== token || c.runtime !== 'running') return;
    processExited(pod, c, exitCode, m);
  });
}

/** The process is gone: the runtime records the exit and the next relist wakes the pod worker. */
export function processExited(pod: PodModel, c: ContainerModel, exitCode: number, at: Moment): Moment {
  c.exitCode = exitCode;
  c.finishedAtSeconds = at.t;
  c.processToken += 1;
  const m = containerPoint(pod, c.spec.name, 'exited', at, 'kubelet.process.exit-codes');
  // the state changes only once the exit is recorded: a chain woken by it (a kill waiting for the exit) must see
  // this exit as the newest, not the one before
  c.exitedAt = m;
  c.runtime = 'exited';
  requestSync(pod, m, latencies.relist);
  return m;
}

/** SIGTERM reaches the main process; `rule` bounds the wait it follows (a hook, the grace, a sidecar's turn, the kill). */
export function deliverTerm(pod: PodModel, c: ContainerModel, at: Moment, rule: RuleId): Moment {
  const m = containerPoint(pod, c.spec.name, 'term', at, rule);
  c.termAtSeconds = m.t;
  const run = runBehaviorForStart(c.spec.behavior, c.starts);
  if (run.onTerm.type === 'exit') {
    const token = c.processToken;
    const code = run.onTerm.exitCode;
    const delay = reaction(run.onTerm.afterSeconds);
    pod.engine.at(advance(m, delay, pod.engine.pick(delay)), (e) => {
      if (c.processToken !== token || c.runtime !== 'running') return;
      processExited(pod, c, code, e);
    });
  }
  return m;
}

/** SIGKILL ends the main process at once with 137; `rule` bounds its delay (the grace, or the 2 s floor). */
export function deliverKill(pod: PodModel, c: ContainerModel, at: Moment, rule: RuleId): void {
  const m = containerPoint(pod, c.spec.name, 'kill', at, rule);
  const token = c.processToken;
  pod.engine.at(advance(m, latencies.reap, pod.engine.pick(latencies.reap)), (e) => {
    if (c.processToken !== token || c.runtime !== 'running') return;
    processExited(pod, c, 137, e);
  });
}
