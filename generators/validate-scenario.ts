/**
 * Checks a scenario against what FORMAT.md and Kubernetes validation require, and optionally against the timing
 * margins the generators promise. Problems are returned as values (`[]` = valid); nothing throws.
 */
import type {
  Action,
  Container,
  ContainerBehavior,
  HandlerAction,
  Hook,
  NodeWorld,
  PodSpec,
  Probe,
  ProbeType,
  RunBehavior,
  Scenario,
  TermHandling,
} from '../specs/vocabulary/index.ts';
import { pullPolicies, restartPolicies } from '../specs/vocabulary/index.ts';
import { exitMustAvoid, gracesFor, stopWindowAfterTerm } from './harmonise-container.ts';
import { effectiveGrace } from './pod-spec.ts';
import { decidingWindow } from './probe-timing.ts';
import { deleteGrace, interruptionsOf, sketchUndisturbed, sketchWith, terminationShadows } from './timeline-sketch.ts';
import { TIMING_MARGIN_SECONDS as M, at, isNear } from './timing.ts';

/** One thing wrong with a generated value: where (a dotted path) and what. */
export interface ScenarioProblem {
  readonly path: string;
  readonly message: string;
}

/** Options for {@link validateScenario}. */
export interface ValidateOptions {
  /** Also check the timing margins (default false: a hand-written case need not keep them). */
  readonly margins?: boolean;
}

type Problems = ScenarioProblem[];

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const imageReference = new RegExp(
  `^(?:${component}(?::[0-9]+)?/)?${component}(?:/${component})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`,
);

function isWhole(n: number, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

function isDuration(n: number): boolean {
  return Number.isFinite(n) && n >= 0;
}

/** Whether a string is a DNS-1123 label (what Kubernetes requires of container names). */
export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && dnsLabel.test(name);
}

/** Whether a string is an image reference Kubernetes and the runtimes accept (registry, path, tag, digest). */
export function isImageReference(reference: string): boolean {
  return reference.length <= 255 && imageReference.test(reference);
}

function checkTerm(onTerm: TermHandling, path: string, out: Problems): void {
  if (onTerm.type === 'ignore') return;
  if (!isWhole(onTerm.exitCode, 0, 255)) out.push({ path: `${path}.exitCode`, message: 'exit code must be 0–255' });
  if (!isDuration(onTerm.afterSeconds)) out.push({ path: `${path}.afterSeconds`, message: 'must be a duration ≥ 0' });
}

function checkRun(run: RunBehavior, path: string, out: Problems): void {
  if (run.exit !== undefined) {
    if (!isWhole(run.exit.exitCode, 0, 255))
      out.push({ path: `${path}.exit.exitCode`, message: 'exit code must be 0–255' });
    if (!isDuration(run.exit.afterSeconds))
      out.push({ path: `${path}.exit.afterSeconds`, message: 'must be a duration ≥ 0' });
  }
  checkTerm(run.onTerm, `${path}.onTerm`, out);
}

/** Problems of a container behaviour: codes in range, durations ≥ 0, distinct `restarts` starts from 2 on. */
export function validateContainerBehavior(b: ContainerBehavior, path = 'behavior'): ScenarioProblem[] {
  const out: Problems = [];
  checkRun(b.base, `${path}.base`, out);
  const seen = new Set<number>();
  b.restarts.forEach((entry, i) => {
    const p = `${path}.restarts[${i}]`;
    if (!isWhole(entry.fromStart, 2)) out.push({ path: `${p}.fromStart`, message: 'must be a whole start number ≥ 2' });
    if (seen.has(entry.fromStart))
      out.push({ path: `${p}.fromStart`, message: `start ${entry.fromStart} given twice` });
    seen.add(entry.fromStart);
    checkRun(entry.behavior, `${p}.behavior`, out);
  });
  return out;
}

function checkAction(
  action: HandlerAction,
  allowed: ReadonlyArray<HandlerAction['type']>,
  path: string,
  out: Problems,
): void {
  if (!allowed.includes(action.type)) {
    out.push({ path, message: `handler ${action.type} not allowed here (allowed: ${allowed.join(', ')})` });
  }
  switch (action.type) {
    case 'exec':
      if (action.command.length === 0) out.push({ path: `${path}.command`, message: 'must not be empty' });
      return;
    case 'httpGet':
    case 'tcpSocket':
      if (typeof action.port === 'number' ? !isWhole(action.port, 1, 65535) : action.port === '') {
        out.push({ path: `${path}.port`, message: 'must be 1–65535 or a port name' });
      }
      return;
    case 'grpc':
      if (!isWhole(action.port, 1, 65535)) out.push({ path: `${path}.port`, message: 'must be 1–65535' });
      return;
    case 'sleep':
      if (!isWhole(action.seconds, 1)) out.push({ path: `${path}.seconds`, message: 'must be a whole number ≥ 1' });
      return;
  }
}

/** Problems of a hook in a pod with this grace: handler, sleep within the grace, sleep behaviour, duration. */
export function validateHook(h: Hook, podGraceSeconds: number, path = 'hook'): ScenarioProblem[] {
  const out: Problems = [];
  checkAction(h.action, ['exec', 'httpGet', 'sleep'], `${path}.action`, out);
  if (!isDuration(h.takesSeconds)) out.push({ path: `${path}.takesSeconds`, message: 'must be a duration ≥ 0' });
  if (h.result !== 'success' && h.result !== 'fail')
    out.push({ path: `${path}.result`, message: 'must be success or fail' });
  if (h.action.type === 'sleep') {
    if (h.action.seconds > podGraceSeconds) {
      out.push({
        path: `${path}.action.seconds`,
        message: `Kubernetes rejects a sleep longer than the grace period (${podGraceSeconds} s)`,
      });
    }
    if (h.takesSeconds !== h.action.seconds || h.result !== 'success') {
      out.push({ path, message: 'a sleep handler takes its seconds and succeeds (FORMAT.md)' });
    }
  }
  return out;
}

/** Problems of a probe of the given type: handler, Kubernetes' integer ranges and the liveness/startup rules. */
export function validateProbe(p: Probe, type: ProbeType, path: string = type): ScenarioProblem[] {
  const out: Problems = [];
  checkAction(p.action, ['exec', 'httpGet', 'tcpSocket', 'grpc'], `${path}.action`, out);
  const ints: Array<[keyof Probe, number]> = [
    ['initialDelaySeconds', 0],
    ['periodSeconds', 1],
    ['timeoutSeconds', 1],
    ['successThreshold', 1],
    ['failureThreshold', 1],
  ];
  for (const [key, min] of ints) {
    const value = p[key];
    if (typeof value !== 'number' || !isWhole(value, min))
      out.push({ path: `${path}.${key}`, message: `must be a whole number ≥ ${min}` });
  }
  if (type !== 'readinessProbe' && p.successThreshold !== 1) {
    out.push({ path: `${path}.successThreshold`, message: `must be 1 for a ${type}` });
  }
  if (p.terminationGracePeriodSeconds !== undefined) {
    if (type === 'readinessProbe')
      out.push({ path: `${path}.terminationGracePeriodSeconds`, message: 'not allowed on a readinessProbe' });
    else if (!isWhole(p.terminationGracePeriodSeconds, 1)) {
      out.push({ path: `${path}.terminationGracePeriodSeconds`, message: 'must be a whole number ≥ 1' });
    }
  }
  if (p.fails.type !== 'never' && p.fails.type !== 'always' && !isDuration(p.fails.seconds)) {
    out.push({ path: `${path}.fails.seconds`, message: 'must be a duration ≥ 0' });
  }
  if (!isDuration(p.takesSeconds)) out.push({ path: `${path}.takesSeconds`, message: 'must be a duration ≥ 0' });
  return out;
}

/** Problems of one container in a pod with this grace period. */
export function validateContainer(c: Container, podGraceSeconds: number, path = 'container'): ScenarioProblem[] {
  const out: Problems = [];
  if (!isDnsLabel(c.name)) out.push({ path: `${path}.name`, message: `'${c.name}' is not a DNS label` });
  if (!isImageReference(c.image))
    out.push({ path: `${path}.image`, message: `'${c.image}' is not an image reference` });
  if (c.imagePullPolicy !== undefined && !pullPolicies.includes(c.imagePullPolicy)) {
    out.push({ path: `${path}.imagePullPolicy`, message: 'must be Always, IfNotPresent or Never' });
  }
  out.push(...validateContainerBehavior(c.behavior, `${path}.behavior`));
  const hooks = [c.postStart, c.preStop];
  const probes = [c.startupProbe, c.livenessProbe, c.readinessProbe];
  if (c.role === 'init' && (hooks.some((h) => h !== undefined) || probes.some((p) => p !== undefined))) {
    out.push({ path, message: 'a regular init container may have neither lifecycle hooks nor probes' });
  }
  if (c.postStart !== undefined) out.push(...validateHook(c.postStart, podGraceSeconds, `${path}.postStart`));
  if (c.preStop !== undefined) out.push(...validateHook(c.preStop, podGraceSeconds, `${path}.preStop`));
  for (const type of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
    const p = c[type];
    if (p !== undefined) out.push(...validateProbe(p, type, `${path}.${type}`));
  }
  return out;
}

/** Problems of a pod spec: roles in the right lists, unique names, Kubernetes' field ranges. */
export function validatePodSpec(pod: PodSpec, path = 'pod'): ScenarioProblem[] {
  const out: Problems = [];
  if (!isDnsLabel(pod.name)) out.push({ path: `${path}.name`, message: `'${pod.name}' is not a DNS label` });
  if (!restartPolicies.includes(pod.restartPolicy))
    out.push({ path: `${path}.restartPolicy`, message: 'unknown restart policy' });
  if (pod.terminationGracePeriodSeconds !== undefined && !isWhole(pod.terminationGracePeriodSeconds, 0)) {
    out.push({ path: `${path}.terminationGracePeriodSeconds`, message: 'must be a whole number ≥ 0' });
  }
  if (pod.activeDeadlineSeconds !== undefined && !isWhole(pod.activeDeadlineSeconds, 1)) {
    out.push({ path: `${path}.activeDeadlineSeconds`, message: 'must be a whole number ≥ 1' });
  }
  if (pod.containers.length === 0)
    out.push({ path: `${path}.containers`, message: 'a pod needs at least one container' });
  const grace = effectiveGrace(pod);
  const names = new Set<string>();
  const check = (c: Container, p: string, roles: ReadonlyArray<Container['role']>): void => {
    if (!roles.includes(c.role))
      out.push({ path: `${p}.role`, message: `role ${c.role} does not belong in this list` });
    if (names.has(c.name)) out.push({ path: `${p}.name`, message: `container name '${c.name}' used twice` });
    names.add(c.name);
    out.push(...validateContainer(c, grace, p));
  };
  pod.initContainers.forEach((c, i) => {
    check(c, `${path}.initContainers[${i}]`, ['init', 'sidecar']);
  });
  pod.containers.forEach((c, i) => {
    check(c, `${path}.containers[${i}]`, ['regular']);
  });
  return out;
}

/** Problems of a node world: registry state, image references, pull duration. */
export function validateNodeWorld(node: NodeWorld, path = 'node'): ScenarioProblem[] {
  const out: Problems = [];
  if (node.registry !== 'up' && node.registry !== 'down')
    out.push({ path: `${path}.registry`, message: 'must be up or down' });
  for (const key of ['cached', 'unpullable'] as const) {
    node[key].forEach((image, i) => {
      if (!isImageReference(image))
        out.push({ path: `${path}.${key}[${i}]`, message: `'${image}' is not an image reference` });
    });
  }
  if (!isDuration(node.pullTakesSeconds))
    out.push({ path: `${path}.pullTakesSeconds`, message: 'must be a duration ≥ 0' });
  return out;
}

/** Problems of one action. */
export function validateAction(action: Action, path = 'action'): ScenarioProblem[] {
  const out: Problems = [];
  if (action.type !== 'delete') out.push({ path: `${path}.type`, message: 'only delete is known' });
  if (!isDuration(action.atSeconds)) out.push({ path: `${path}.atSeconds`, message: 'must be a duration ≥ 0' });
  if (action.gracePeriodSeconds !== undefined && !isWhole(action.gracePeriodSeconds, 0)) {
    out.push({ path: `${path}.gracePeriodSeconds`, message: 'must be a whole number ≥ 0' });
  }
  return out;
}

/** Whether two independent timings are kept apart as the generators promise (TIMING_MARGIN_SECONDS and friends). */
export function marginProblems(s: Scenario): ScenarioProblem[] {
  const out: Problems = [];
  const pod = s.pod;
  const podGrace = effectiveGrace(pod);
  const deleteGraces = s.actions.map((a) => deleteGrace(pod, a.gracePeriodSeconds));
  const containers = [...pod.initContainers, ...pod.containers];
  for (const c of containers) {
    const path = `pod.${c.name}`;
    const graces = gracesFor(c, podGrace, deleteGraces);
    if (c.preStop !== undefined) {
      for (const g of graces) {
        if (g > 0 && isNear(c.preStop.takesSeconds, at(g), M)) {
          out.push({
            path: `${path}.preStop`,
            message: `takes ${c.preStop.takesSeconds} s, within ${M} s of a grace of ${g} s`,
          });
        }
      }
    }
    const runs = [c.behavior.base, ...c.behavior.restarts.map((r) => r.behavior)];
    for (const run of runs) {
      const onTerm = run.onTerm;
      if (onTerm.type === 'exit' && onTerm.afterSeconds > 0) {
        if (c.role === 'sidecar')
          out.push({ path: `${path}.onTerm`, message: 'a sidecar exits at once on TERM or ignores it' });
        for (const g of graces) {
          const window = stopWindowAfterTerm(c, g);
          if (isNear(onTerm.afterSeconds, at(window), M)) {
            out.push({
              path: `${path}.onTerm`,
              message: `exits ${onTerm.afterSeconds} s after TERM, within ${M} s of its ${window} s stop window`,
            });
          }
        }
      }
      if (run.exit !== undefined) {
        for (const w of exitMustAvoid(c, run, podGrace)) {
          if (isNear(run.exit.afterSeconds, w, M)) {
            out.push({
              path: `${path}.exit`,
              message: `exit at ${run.exit.afterSeconds} s is within ${M} s of [${w.lo}, ${w.hi}]`,
            });
          }
        }
      }
    }
    for (const type of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      const p = c[type];
      const decide = decidingWindow(c, type);
      if (p === undefined || decide === undefined || (p.fails.type !== 'from' && p.fails.type !== 'until')) continue;
      if (isNear(p.fails.seconds, decide, M)) {
        out.push({
          path: `${path}.${type}.fails`,
          message: `boundary ${p.fails.seconds} s within ${M} s of the deciding tick [${decide.lo}, ${decide.hi}]`,
        });
      }
    }
  }
  const undisturbed = sketchUndisturbed(pod, s.node);
  for (const text of undisturbed.ambiguities) out.push({ path: 'pod', message: text });
  const interruptions = interruptionsOf(s).sort((a, b) => a.atSeconds - b.atSeconds);
  interruptions.forEach((interruption, i) => {
    const before = sketchWith(undisturbed, pod, interruptions.slice(0, i));
    for (const m of before.moments) {
      if (m.decides === 'lifecycle' && isNear(interruption.atSeconds, m.window, M)) {
        out.push({
          path: interruption.type,
          message: `at ${interruption.atSeconds} s, within ${M} s of ${m.label} [${m.window.lo}, ${m.window.hi}]`,
        });
      }
    }
    for (const w of terminationShadows(pod, before, interruption.graceSeconds)) {
      if (isNear(interruption.atSeconds, w, M)) {
        out.push({
          path: interruption.type,
          message: `at ${interruption.atSeconds} s, a container's own exit would race its TERM or its kill (${w.lo}–${w.hi} s)`,
        });
      }
    }
  });
  const final = sketchWith(undisturbed, pod, interruptions);
  for (const m of final.moments) {
    if (isNear(s.observeForSeconds, m.window, M)) {
      out.push({
        path: 'observeFor',
        message: `${s.observeForSeconds} s is within ${M} s of ${m.label} [${m.window.lo}, ${m.window.hi}]`,
      });
    }
  }
  return out;
}

/** Every problem of a scenario: format and Kubernetes validity, and with `margins` the timing promises too. */
export function validateScenario(s: Scenario, options: ValidateOptions = {}): ScenarioProblem[] {
  const out: Problems = [];
  if (!kebab.test(s.id)) out.push({ path: 'id', message: `'${s.id}' is not kebab-case` });
  s.rules.forEach((rule, i) => {
    if (rule.length === 0) out.push({ path: `rules[${i}]`, message: 'empty rule id' });
  });
  out.push(...validateNodeWorld(s.node));
  out.push(...validatePodSpec(s.pod));
  s.actions.forEach((a, i) => {
    out.push(...validateAction(a, `actions[${i}]`));
    const previous = s.actions[i - 1];
    if (previous !== undefined && previous.atSeconds > a.atSeconds)
      out.push({ path: `actions[${i}]`, message: 'actions must be in time order' });
    if (a.atSeconds >= s.observeForSeconds)
      out.push({ path: `actions[${i}]`, message: 'happens at or after observeFor' });
  });
  if (!(Number.isFinite(s.observeForSeconds) && s.observeForSeconds > 0))
    out.push({ path: 'observeFor', message: 'must be a duration > 0' });
  if (options.margins === true && out.length === 0) out.push(...marginProblems(s));
  return out;
}
