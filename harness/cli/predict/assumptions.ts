/**
 * The assumptions of one prediction: for a plain manifest, a default for every process, hook and probe whose
 * behaviour it does not say (default-assumptions.ts); then the pod's `podconform.dev/…` annotations; then the flags,
 * each replacing what came before for the same subject. The result is the scenario the model predicts and the list
 * `predict` prints first, each entry with the flag and the annotation that would change it.
 */
import {
  allContainers,
  type Container,
  type Hook,
  type Probe,
  type ProbeFailing,
  type RunBehavior,
  type Scenario,
  type TermHandling,
} from '../../../specs/vocabulary/index.ts';
import {
  behaviorUnwritten,
  defaultExit,
  defaultHook,
  defaultOnTerm,
  hookUnwritten,
  probePasses,
  probeUnwritten,
} from './default-assumptions.ts';
import { parseAnnotationSetting, settingSpellings, type ExitSetting, type Setting } from './settings.ts';
import { formatSeconds } from './time-text.ts';

export type AssumptionSource = 'default' | 'flag' | 'annotation';

export interface Assumption {
  /** what the assumption is about, in words: `migrate (init container): how it ends` */
  readonly subject: string;
  /** the value, in words: `exits 0 after 2s` */
  readonly assumed: string;
  /** why a default was chosen (defaults only) */
  readonly why?: string;
  readonly source: AssumptionSource;
  /** the flag that sets this value, e.g. `--exits migrate=0@2s` */
  readonly flag: string;
  /** the annotation that sets this value, e.g. `podconform.dev/exits.migrate: "0@2s"` */
  readonly annotation: string;
  readonly setting: Setting;
}

/** A flag's setting with the text the user wrote, for error messages. */
export interface FlagSetting {
  readonly setting: Setting;
  readonly text: string;
}

export type AssumptionsResult =
  | { readonly status: 'ok'; readonly scenario: Scenario; readonly assumptions: ReadonlyArray<Assumption> }
  | {
      readonly status: 'error';
      /** `--exits nosuch=0@2s` or `metadata.annotations["podconform.dev/exits.nosuch"]` */
      readonly where: string;
      readonly message: string;
    };

function settingKey(s: Setting): string {
  switch (s.type) {
    case 'exits':
    case 'on-term':
      return `${s.type}:${s.container}`;
    case 'hook':
      return `hook:${s.container}.${s.hook}`;
    case 'probe':
      return `probe:${s.container}.${s.probe}`;
  }
}

const probeWord = { startupProbe: 'startup', livenessProbe: 'liveness', readinessProbe: 'readiness' } as const;

/** The setting's value in the flag grammar (settings.ts), so the printed flag parses back to the same value. */
export function settingValueText(s: Setting): string {
  switch (s.type) {
    case 'exits':
      return s.value.type === 'never' ? 'never' : `${s.value.exitCode}@${formatSeconds(s.value.afterSeconds)}`;
    case 'on-term': {
      const v = s.value;
      if (v.type === 'ignore') return 'ignore';
      return v.afterSeconds === 0 ? `exit:${v.exitCode}` : `exit:${v.exitCode}@${formatSeconds(v.afterSeconds)}`;
    }
    case 'hook': {
      const takes = s.value.takesSeconds ?? 0;
      return s.value.result === 'success' ? formatSeconds(takes) : `fail@${formatSeconds(takes)}`;
    }
    case 'probe':
      return probeFailingText(s.value).flag;
  }
}

function probeFailingText(f: ProbeFailing): { readonly flag: string; readonly words: string } {
  switch (f.type) {
    case 'never':
      return { flag: 'passes', words: 'passes every time' };
    case 'always':
      return { flag: 'fails', words: 'fails every time' };
    case 'from':
      return {
        flag: `fails-from:${formatSeconds(f.seconds)}`,
        words: `passes, then fails from ${formatSeconds(f.seconds)} after each start`,
      };
    case 'until':
      return {
        flag: `fails-until:${formatSeconds(f.seconds)}`,
        words: `fails until ${formatSeconds(f.seconds)} after each start, then passes`,
      };
    case 'afterTerm':
      return {
        flag: `fails-after-term:${formatSeconds(f.seconds)}`,
        words: `passes, then fails from ${formatSeconds(f.seconds)} after TERM`,
      };
  }
}

function termWords(t: TermHandling): string {
  if (t.type === 'ignore') return 'ignores its stop signal: SIGKILL at grace end, exit 137';
  return t.afterSeconds === 0
    ? `exits ${t.exitCode} at once on its stop signal`
    : `exits ${t.exitCode} ${formatSeconds(t.afterSeconds)} after its stop signal`;
}

function roleWords(c: Container): string {
  return c.role === 'init' ? 'init container' : c.role === 'sidecar' ? 'sidecar' : 'container';
}

/** The subject and value of a setting in words. */
export function describeSetting(s: Setting, c: Container): { readonly subject: string; readonly assumed: string } {
  switch (s.type) {
    case 'exits':
      return {
        subject: `${c.name} (${roleWords(c)}): how its process ends`,
        assumed:
          s.value.type === 'never'
            ? 'runs until stopped'
            : `exits ${s.value.exitCode} after ${formatSeconds(s.value.afterSeconds)}`,
      };
    case 'on-term':
      return { subject: `${c.name} (${roleWords(c)}): stop signal`, assumed: termWords(s.value) };
    case 'hook': {
      const takes = formatSeconds(s.value.takesSeconds ?? 0);
      return {
        subject: `${c.name} ${s.hook} hook`,
        assumed: s.value.result === 'success' ? `takes ${takes} and succeeds` : `fails after ${takes}`,
      };
    }
    case 'probe':
      return { subject: `${c.name} ${probeWord[s.probe]} probe`, assumed: probeFailingText(s.value).words };
  }
}

function withExit(run: RunBehavior, exit: ExitSetting): RunBehavior {
  return exit.type === 'never'
    ? { onTerm: run.onTerm }
    : { onTerm: run.onTerm, exit: { exitCode: exit.exitCode, afterSeconds: exit.afterSeconds } };
}

function applyToContainer(c: Container, s: Setting): Container | string {
  switch (s.type) {
    case 'exits':
      return { ...c, behavior: { ...c.behavior, base: withExit(c.behavior.base, s.value) } };
    case 'on-term': {
      const onTerm = s.value;
      const restarts = c.behavior.restarts.map((r) => ({ ...r, behavior: { ...r.behavior, onTerm } }));
      return { ...c, behavior: { base: { ...c.behavior.base, onTerm }, restarts } };
    }
    case 'hook': {
      const hook: Hook | undefined = c[s.hook];
      if (hook === undefined) return `container ${c.name} has no ${s.hook} hook`;
      const takesSeconds = s.value.takesSeconds ?? defaultHook(hook.action).value.takesSeconds;
      return { ...c, [s.hook]: { ...hook, takesSeconds, result: s.value.result } };
    }
    case 'probe': {
      const probe: Probe | undefined = c[s.probe];
      if (probe === undefined) return `container ${c.name} has no ${s.probe}`;
      return { ...c, [s.probe]: { ...probe, fails: s.value } };
    }
  }
}

/** The scenario with one setting applied, or why it cannot be (no such container, hook or probe). */
export function applySetting(scenario: Scenario, s: Setting): Scenario | string {
  const names = allContainers(scenario.pod).map((c) => c.name);
  if (!names.includes(s.container)) return `no container named "${s.container}" (the pod has ${names.join(', ')})`;
  let problem: string | undefined;
  const apply = (c: Container): Container => {
    if (c.name !== s.container) return c;
    const changed = applyToContainer(c, s);
    if (typeof changed === 'string') {
      problem = changed;
      return c;
    }
    return changed;
  };
  const pod = {
    ...scenario.pod,
    initContainers: scenario.pod.initContainers.map(apply),
    containers: scenario.pod.containers.map(apply),
  };
  return problem ?? { ...scenario, pod };
}

/** The defaults a plain manifest gets, one per unwritten process, hook and probe, in spec order. */
function defaults(scenario: Scenario): { readonly setting: Setting; readonly why: string }[] {
  const out: { setting: Setting; why: string }[] = [];
  for (const c of allContainers(scenario.pod)) {
    if (behaviorUnwritten(c)) {
      const exit = defaultExit(scenario.pod, c);
      out.push({ setting: { type: 'exits', container: c.name, value: exit.value }, why: exit.why });
      const term = defaultOnTerm(c);
      out.push({ setting: { type: 'on-term', container: c.name, value: term.value }, why: term.why });
    }
    for (const hook of ['postStart', 'preStop'] as const) {
      const h = c[hook];
      if (h === undefined || !hookUnwritten(h)) continue;
      const d = defaultHook(h.action);
      out.push({ setting: { type: 'hook', container: c.name, hook, value: d.value }, why: d.why });
    }
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      const p = c[probe];
      if (p === undefined || !probeUnwritten(p)) continue;
      out.push({ setting: { type: 'probe', container: c.name, probe, value: { type: 'never' } }, why: probePasses });
    }
  }
  return out;
}

function annotationsOf(scenario: Scenario): [string, unknown][] {
  const metadata = scenario.pod.metadataExtra['annotations'];
  return metadata !== null && typeof metadata === 'object' ? Object.entries(metadata) : [];
}

/**
 * The assumptions of a prediction and the scenario they give. `plainManifest`: the input was a manifest, whose
 * unwritten behaviour gets defaults; a case file's `behavior` blocks (and FORMAT.md's defaults) stand as written.
 */
export function resolveAssumptions(
  scenario: Scenario,
  options: { readonly plainManifest: boolean; readonly flags: ReadonlyArray<FlagSetting> },
): AssumptionsResult {
  const chosen = new Map<string, { setting: Setting; source: AssumptionSource; why?: string; where: string }>();
  if (options.plainManifest) {
    for (const d of defaults(scenario)) {
      chosen.set(settingKey(d.setting), { setting: d.setting, source: 'default', why: d.why, where: 'default' });
    }
  }
  for (const [key, value] of annotationsOf(scenario)) {
    const parsed = parseAnnotationSetting(key, value);
    if (parsed === undefined) continue;
    const where = `metadata.annotations["${key}"]`;
    if (parsed.status === 'error') return { status: 'error', where, message: parsed.message };
    chosen.set(settingKey(parsed.setting), { setting: parsed.setting, source: 'annotation', where });
  }
  for (const f of options.flags)
    chosen.set(settingKey(f.setting), { setting: f.setting, source: 'flag', where: f.text });

  let assumed = scenario;
  const assumptions: Assumption[] = [];
  const byName = new Map(allContainers(scenario.pod).map((c) => [c.name, c]));
  for (const entry of chosen.values()) {
    const applied = applySetting(assumed, entry.setting);
    if (typeof applied === 'string') return { status: 'error', where: entry.where, message: applied };
    assumed = applied;
    const container = byName.get(entry.setting.container) as Container;
    const spelled = settingSpellings(entry.setting.type, targetOf(entry.setting), settingValueText(entry.setting));
    assumptions.push({
      ...describeSetting(entry.setting, container),
      ...(entry.why !== undefined ? { why: entry.why } : {}),
      source: entry.source,
      ...spelled,
      setting: entry.setting,
    });
  }
  return { status: 'ok', scenario: assumed, assumptions };
}

/** The flag's target of a setting: `migrate`, `proxy.postStart`, `app.readiness`. */
export function targetOf(s: Setting): string {
  switch (s.type) {
    case 'exits':
    case 'on-term':
      return s.container;
    case 'hook':
      return `${s.container}.${s.hook}`;
    case 'probe':
      return `${s.container}.${probeWord[s.probe]}`;
  }
}
