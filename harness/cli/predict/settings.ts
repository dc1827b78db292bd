/**
 * What a user may say about a plain manifest's processes, hooks and probes — one grammar for the `predict` flags
 * (`--exits migrate=0@20s`) and the pod annotations (`podconform.dev/exits.migrate: "0@20s"`), parsed into the
 * scenario's own vocabulary (specs/vocabulary/scenario.ts) so nothing downstream knows where a value came from.
 */
import type { HookResult, ProbeFailing, ProbeType, TermHandling } from '../../../specs/vocabulary/index.ts';
import { parseDuration } from '../../cases/index.ts';

/** The four things a setting may change; each is a flag `--KIND` and an annotation `podconform.dev/KIND.TARGET`. */
export type SettingKind = 'exits' | 'on-term' | 'hook' | 'probe';
export const settingKinds: ReadonlyArray<SettingKind> = ['exits', 'on-term', 'hook', 'probe'];

export const annotationPrefix = 'podconform.dev/';

export type HookName = 'postStart' | 'preStop';

/** How a container's main process ends on its own: with a code after a while, or never (runs until stopped). */
export type ExitSetting =
  { readonly type: 'exits'; readonly exitCode: number; readonly afterSeconds: number } | { readonly type: 'never' };

/** A hook's result; `takesSeconds` absent: the usual duration for its handler (assumptions.ts). */
export interface HookSetting {
  readonly result: HookResult;
  readonly takesSeconds?: number;
}

export type Setting =
  | { readonly type: 'exits'; readonly container: string; readonly value: ExitSetting }
  | { readonly type: 'on-term'; readonly container: string; readonly value: TermHandling }
  | { readonly type: 'hook'; readonly container: string; readonly hook: HookName; readonly value: HookSetting }
  | { readonly type: 'probe'; readonly container: string; readonly probe: ProbeType; readonly value: ProbeFailing };

export type SettingParse =
  { readonly status: 'ok'; readonly setting: Setting } | { readonly status: 'error'; readonly message: string };

const probeNames: Readonly<Record<string, ProbeType>> = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startupProbe: 'startupProbe',
  livenessProbe: 'livenessProbe',
  readinessProbe: 'readinessProbe',
};

/** The grammar of each kind, for error messages and `--help`. */
export const settingGrammar: Readonly<Record<SettingKind, string>> = {
  exits: 'CONTAINER=CODE@DURATION (exits with CODE after DURATION) or CONTAINER=never (runs until stopped)',
  'on-term': 'CONTAINER=exit (143 at once), exit:CODE, exit:CODE@DURATION, exit@DURATION or ignore',
  hook: 'CONTAINER.postStart|preStop=DURATION (succeeds after it), fail, fail@DURATION or ok@DURATION',
  probe:
    'CONTAINER.startup|liveness|readiness=passes, fails, fails-from:DURATION, fails-until:DURATION or fails-after-term:DURATION',
};

type Parsed<T> = { readonly status: 'ok'; readonly value: T } | { readonly status: 'error'; readonly message: string };

function fail<T>(message: string): Parsed<T> {
  return { status: 'error', message };
}

function duration(text: string): Parsed<number> {
  const d = parseDuration(text);
  return d.status === 'ok' ? { status: 'ok', value: d.seconds } : fail(d.message);
}

function exitCode(text: string): Parsed<number> {
  if (!/^\d+$/.test(text) || Number(text) > 255) return fail(`exit code "${text}" is not a whole number 0..255`);
  return { status: 'ok', value: Number(text) };
}

function parseExit(value: string): Parsed<ExitSetting> {
  if (value === 'never') return { status: 'ok', value: { type: 'never' } };
  const [code = '', after, ...rest] = value.split('@');
  if (after === undefined || rest.length > 0) return fail(`"${value}" is not CODE@DURATION or never`);
  const c = exitCode(code);
  if (c.status === 'error') return c;
  const d = duration(after);
  if (d.status === 'error') return d;
  return { status: 'ok', value: { type: 'exits', exitCode: c.value, afterSeconds: d.value } };
}

function parseOnTerm(value: string): Parsed<TermHandling> {
  if (value === 'ignore') return { status: 'ok', value: { type: 'ignore' } };
  const m = /^exit(?::([^@]*))?(?:@(.*))?$/.exec(value);
  if (m === null) return fail(`"${value}" is not exit, exit:CODE, exit:CODE@DURATION, exit@DURATION or ignore`);
  const code = m[1] === undefined ? { status: 'ok' as const, value: 143 } : exitCode(m[1]);
  if (code.status === 'error') return code;
  const after = m[2] === undefined ? { status: 'ok' as const, value: 0 } : duration(m[2]);
  if (after.status === 'error') return after;
  return { status: 'ok', value: { type: 'exit', exitCode: code.value, afterSeconds: after.value } };
}

function parseHookValue(value: string): Parsed<HookSetting> {
  const [head = '', after, ...rest] = value.split('@');
  if (rest.length > 0) return fail(`"${value}" has more than one @`);
  if (head === 'fail' || head === 'ok') {
    const result: HookResult = head === 'fail' ? 'fail' : 'success';
    if (after === undefined) return { status: 'ok', value: { result } };
    const d = duration(after);
    return d.status === 'error' ? d : { status: 'ok', value: { result, takesSeconds: d.value } };
  }
  if (after !== undefined) return fail(`"${value}" is not DURATION, fail, fail@DURATION or ok@DURATION`);
  const d = duration(head);
  return d.status === 'error' ? d : { status: 'ok', value: { result: 'success', takesSeconds: d.value } };
}

function parseProbeValue(value: string): Parsed<ProbeFailing> {
  if (value === 'passes') return { status: 'ok', value: { type: 'never' } };
  if (value === 'fails') return { status: 'ok', value: { type: 'always' } };
  const m = /^fails-(from|until|after-term):(.*)$/.exec(value);
  if (m === null) return fail(`"${value}" is not passes, fails, fails-from:D, fails-until:D or fails-after-term:D`);
  const d = duration(m[2] ?? '');
  if (d.status === 'error') return d;
  const type = m[1] === 'after-term' ? 'afterTerm' : (m[1] as 'from' | 'until');
  return { status: 'ok', value: { type, seconds: d.value } };
}

/** A container name as Kubernetes allows it (a DNS label), so a target cannot hide a typo behind odd characters. */
function containerName(text: string): Parsed<string> {
  return /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(text)
    ? { status: 'ok', value: text }
    : fail(`"${text}" is not a container name`);
}

/** Parses one setting from its target (`migrate`, `proxy.postStart`, `app.readiness`) and its value. */
export function parseSetting(kind: SettingKind, target: string, value: string): SettingParse {
  const withTarget = (message: string): SettingParse => ({ status: 'error', message });
  const dot = target.indexOf('.');
  const name = containerName(dot < 0 ? target : target.slice(0, dot));
  if (name.status === 'error') return withTarget(name.message);
  const sub = dot < 0 ? undefined : target.slice(dot + 1);
  switch (kind) {
    case 'exits':
    case 'on-term': {
      if (sub !== undefined) return withTarget(`"${target}" names a container, without a dot`);
      if (kind === 'exits') {
        const v = parseExit(value);
        return v.status === 'ok'
          ? { status: 'ok', setting: { type: 'exits', container: name.value, value: v.value } }
          : withTarget(v.message);
      }
      const v = parseOnTerm(value);
      return v.status === 'ok'
        ? { status: 'ok', setting: { type: 'on-term', container: name.value, value: v.value } }
        : withTarget(v.message);
    }
    case 'hook': {
      if (sub !== 'postStart' && sub !== 'preStop')
        return withTarget(`"${target}" is not CONTAINER.postStart or CONTAINER.preStop`);
      const v = parseHookValue(value);
      return v.status === 'ok'
        ? { status: 'ok', setting: { type: 'hook', container: name.value, hook: sub, value: v.value } }
        : withTarget(v.message);
    }
    case 'probe': {
      const probe = sub === undefined ? undefined : probeNames[sub];
      if (probe === undefined) return withTarget(`"${target}" is not CONTAINER.startup, .liveness or .readiness`);
      const v = parseProbeValue(value);
      return v.status === 'ok'
        ? { status: 'ok', setting: { type: 'probe', container: name.value, probe, value: v.value } }
        : withTarget(v.message);
    }
  }
}

/** Parses a flag's argument `TARGET=VALUE`. */
export function parseFlagSetting(kind: SettingKind, argument: string): SettingParse {
  const eq = argument.indexOf('=');
  if (eq <= 0) return { status: 'error', message: `"${argument}" is not ${settingGrammar[kind]}` };
  return parseSetting(kind, argument.slice(0, eq), argument.slice(eq + 1));
}

/**
 * Parses an annotation `podconform.dev/KIND.TARGET: VALUE`; `undefined` for annotations outside podconform.dev/
 * (they belong to someone else).
 */
export function parseAnnotationSetting(key: string, value: unknown): SettingParse | undefined {
  if (!key.startsWith(annotationPrefix)) return undefined;
  const rest = key.slice(annotationPrefix.length);
  const dot = rest.indexOf('.');
  const kind = settingKinds.find((k) => k === rest.slice(0, dot));
  if (dot < 0 || kind === undefined) {
    return {
      status: 'error',
      message: `unknown annotation; podconform.dev/ knows ${settingKinds.map((k) => `${k}.…`).join(', ')}`,
    };
  }
  if (typeof value !== 'string') return { status: 'error', message: 'the value must be a string' };
  return parseSetting(kind, rest.slice(dot + 1), value);
}

/** How a setting is written as a flag and as an annotation (for the assumptions list: "change it with …"). */
export function settingSpellings(
  kind: SettingKind,
  target: string,
  value: string,
): { readonly flag: string; readonly annotation: string } {
  return { flag: `--${kind} ${target}=${value}`, annotation: `${annotationPrefix}${kind}.${target}: "${value}"` };
}
