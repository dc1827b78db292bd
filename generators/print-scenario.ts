/**
 * A compact one-line rendering of a scenario, used as fast-check's `toString` for counterexamples, e.g.
 * `pod[Always g=5] init1(exit0@1s) app(run,TERM:exit) del@3s(g=0) obs=14s`.
 */
import type {
  Container,
  Hook,
  Probe,
  ProbeFailing,
  RunBehavior,
  Scenario,
  TermHandling,
} from '../specs/vocabulary/index.ts';
import { defaultImage } from './image.ts';
import { termExitCode } from './term-handling.ts';

/** Digests are abbreviated to their first 12 hex digits: enough to tell two apart when reading a counterexample. */
function short(image: string): string {
  return image.replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}$/, '@sha256:$1…');
}

function secs(seconds: number): string {
  return `${seconds}s`;
}

function printTerm(onTerm: TermHandling): string {
  if (onTerm.type === 'ignore') return 'TERM:ignore';
  const code = onTerm.exitCode === termExitCode ? '' : String(onTerm.exitCode);
  const delay = onTerm.afterSeconds === 0 ? '' : `@${secs(onTerm.afterSeconds)}`;
  return `TERM:exit${code}${delay}`;
}

function printRun(run: RunBehavior): string {
  return run.exit === undefined ? 'run' : `exit${run.exit.exitCode}@${secs(run.exit.afterSeconds)}`;
}

function printHook(h: Hook): string {
  if (h.action.type === 'sleep') return `sleep:${secs(h.action.seconds)}`;
  return `${h.action.type}:${secs(h.takesSeconds)}${h.result === 'fail' ? ':fail' : ''}`;
}

function printFails(fails: ProbeFailing): string {
  switch (fails.type) {
    case 'never':
      return 'ok';
    case 'always':
      return 'fail';
    case 'from':
    case 'until':
    case 'afterTerm':
      return `${fails.type}${secs(fails.seconds)}`;
  }
}

function printProbe(p: Probe): string {
  let text = `${printFails(p.fails)}/p${p.periodSeconds}f${p.failureThreshold}`;
  if (p.successThreshold !== 1) text += `s${p.successThreshold}`;
  if (p.initialDelaySeconds !== 0) text += `d${p.initialDelaySeconds}`;
  if (p.timeoutSeconds !== 1) text += `t${p.timeoutSeconds}`;
  if (p.terminationGracePeriodSeconds !== undefined) text += `g${p.terminationGracePeriodSeconds}`;
  if (p.takesSeconds !== 0) text += `~${secs(p.takesSeconds)}`;
  if (p.action.type !== 'exec') text += `/${p.action.type}`;
  return text;
}

/** One container: `name(side,exit1@4s,#2:run,TERM:ignore,post=exec:3s:fail,live=from20s/p5f3,img=nginx:latest)`. */
export function printContainer(c: Container): string {
  const parts: string[] = [];
  if (c.role === 'sidecar') parts.push('side');
  parts.push(printRun(c.behavior.base));
  for (const entry of c.behavior.restarts) {
    const term = entry.behavior.onTerm === c.behavior.base.onTerm ? '' : `/${printTerm(entry.behavior.onTerm)}`;
    parts.push(`#${entry.fromStart}:${printRun(entry.behavior)}${term}`);
  }
  parts.push(printTerm(c.behavior.base.onTerm));
  if (c.postStart !== undefined) parts.push(`post=${printHook(c.postStart)}`);
  if (c.preStop !== undefined) parts.push(`pre=${printHook(c.preStop)}`);
  if (c.startupProbe !== undefined) parts.push(`startup=${printProbe(c.startupProbe)}`);
  if (c.livenessProbe !== undefined) parts.push(`live=${printProbe(c.livenessProbe)}`);
  if (c.readinessProbe !== undefined) parts.push(`ready=${printProbe(c.readinessProbe)}`);
  if (c.image !== defaultImage || c.imagePullPolicy !== undefined) parts.push(`img=${short(c.image)}`);
  if (c.imagePullPolicy !== undefined) parts.push(`pull=${c.imagePullPolicy}`);
  return `${c.name}(${parts.join(',')})`;
}

/** The whole scenario on one line: pod header, node (when not the healthy default), containers, actions, observeFor. */
export function printScenario(s: Pick<Scenario, 'pod' | 'node' | 'actions' | 'observeForSeconds'>): string {
  const { pod, node } = s;
  const header: string[] = [pod.restartPolicy];
  if (pod.terminationGracePeriodSeconds !== undefined) header.push(`g=${pod.terminationGracePeriodSeconds}`);
  if (pod.activeDeadlineSeconds !== undefined) header.push(`dl=${secs(pod.activeDeadlineSeconds)}`);
  const words = [`${pod.name}[${header.join(' ')}]`];
  const nodeParts: string[] = [];
  if (node.registry === 'down') nodeParts.push('down');
  if (node.cached.length > 0) nodeParts.push(`cached=${node.cached.map(short).join(',')}`);
  if (node.unpullable.length > 0) nodeParts.push(`unpullable=${node.unpullable.map(short).join(',')}`);
  if (node.pullTakesSeconds !== 0) nodeParts.push(`pull=${secs(node.pullTakesSeconds)}`);
  if (nodeParts.length > 0) words.push(`node[${nodeParts.join(' ')}]`);
  for (const c of [...pod.initContainers, ...pod.containers]) words.push(printContainer(c));
  for (const a of s.actions) {
    words.push(`del@${secs(a.atSeconds)}${a.gracePeriodSeconds === undefined ? '' : `(g=${a.gracePeriodSeconds})`}`);
  }
  words.push(`obs=${secs(s.observeForSeconds)}`);
  return words.join(' ');
}
