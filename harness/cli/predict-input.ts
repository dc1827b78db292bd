/**
 * What `podconform predict` reads and the limits it keeps: the input (a file or standard input), the options that
 * a manifest cannot say (how long to observe, when to delete, with what grace), and the one-line messages for each.
 */
import { readFile } from 'node:fs/promises';
import { parseDuration, type SkippedDocument, type StreamPod, type StreamProblem } from '../cases/index.ts';
import type { CliIo } from './io.ts';

/** How long a manifest is observed without `--observe-for`. */
export const defaultObserveForSeconds = 120;

/**
 * The longest `--observe-for`: a day. It covers a daily CronJob's run and the slowest rollouts; beyond it a pod
 * only repeats itself (probe ticks, back-off at its 5-minute cap), while the model's work grows with every probe
 * period — a day of 1-second probes already takes seconds per pod.
 */
export const maxObserveForSeconds = 24 * 3600;

/** The manifest-only options as given (absent: not given). */
export interface PredictLimits {
  readonly observeForSeconds?: number;
  readonly deleteAtSeconds?: number;
  readonly graceSeconds?: number;
}

export type LimitsRead =
  { readonly status: 'ok'; readonly limits: PredictLimits } | { readonly status: 'error'; readonly message: string };

const limitOptions = ['observe-for', 'delete-at', 'grace'] as const;

/** Reads and cross-checks `--observe-for`, `--delete-at` and `--grace`; the message names the option at fault. */
export function readPredictLimits(values: ReadonlyMap<string, string>): LimitsRead {
  const seconds: Partial<Record<(typeof limitOptions)[number], number>> = {};
  for (const key of limitOptions) {
    const raw = values.get(key);
    if (raw === undefined) continue;
    const parsed = parseDuration(raw);
    if (parsed.status === 'error') return { status: 'error', message: `--${key}: ${parsed.message}` };
    seconds[key] = parsed.seconds;
  }
  const observeFor = seconds['observe-for'];
  const deleteAt = seconds['delete-at'];
  const grace = seconds.grace;
  const given = (key: string): string => `--${key} ${values.get(key) ?? ''}`;
  if (observeFor !== undefined && observeFor <= 0) {
    return { status: 'error', message: `${given('observe-for')}: must be longer than 0s` };
  }
  if (observeFor !== undefined && observeFor > maxObserveForSeconds) {
    return {
      status: 'error',
      message: `${given('observe-for')} is longer than the maximum, 24h (a pod only repeats itself after that)`,
    };
  }
  const window = observeFor ?? defaultObserveForSeconds;
  if (deleteAt !== undefined && deleteAt >= window) {
    const observed = observeFor === undefined ? `the default ${window}s` : given('observe-for');
    return {
      status: 'error',
      message: `${given('delete-at')} is not before the end of the observation (${observed}): delete earlier or observe longer`,
    };
  }
  if (grace !== undefined && !Number.isInteger(grace)) {
    return {
      status: 'error',
      message: `${given('grace')}: must be a whole number of seconds (the API's gracePeriodSeconds is an integer)`,
    };
  }
  if (grace !== undefined && deleteAt === undefined) {
    return { status: 'error', message: `${given('grace')} needs --delete-at: it is the grace period of that delete` };
  }
  return {
    status: 'ok',
    limits: {
      ...(observeFor === undefined ? {} : { observeForSeconds: observeFor }),
      ...(deleteAt === undefined ? {} : { deleteAtSeconds: deleteAt }),
      ...(grace === undefined ? {} : { graceSeconds: grace }),
    },
  };
}

/** The message when manifest-only options meet a case file (which says its own actions and observeFor), if any. */
export function limitsOnCaseFile(values: ReadonlyMap<string, string>, file: string): string | undefined {
  const given = limitOptions.filter((key) => values.has(key));
  if (given.length === 0) return undefined;
  const options = given.map((key) => `--${key}`).join(', ');
  return `${file}: ${options} applies to Pod manifests and workloads only: a case file says its own observeFor and actions`;
}

/** The text of the input: a file, or standard input for `-`; its display name is `<stdin>` then. */
export type InputText =
  | { readonly status: 'ok'; readonly name: string; readonly text: string }
  | { readonly status: 'error'; readonly message: string };

export async function readInputText(file: string, io: CliIo): Promise<InputText> {
  if (file === '-') {
    if (io.readStdin === undefined) return { status: 'error', message: '<stdin>: no standard input to read' };
    try {
      return { status: 'ok', name: '<stdin>', text: await io.readStdin() };
    } catch (e) {
      return { status: 'error', message: `<stdin>: cannot be read (${e instanceof Error ? e.message : String(e)})` };
    }
  }
  try {
    return { status: 'ok', name: file, text: await readFile(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`;
    return { status: 'error', message: `${file}: ${why}` };
  }
}

/** One problem as one line: `FILE:LINE: document N: FIELD: problem` (a case file has no document number). */
export function problemLine(problem: StreamProblem): string {
  const document = problem.document === undefined ? '' : ` document ${problem.document}:`;
  return `${problem.file}:${problem.line}:${document} ${problem.field}: ${problem.message}`;
}

/** The note for a document that holds no pod: `FILE: document N (Service web): no pod template, skipped`. */
export function skippedLine(file: string, skipped: SkippedDocument): string {
  const what = skipped.objectName === undefined ? skipped.kind : `${skipped.kind} ${skipped.objectName}`;
  return `${file}: ${place(skipped)} (${what}): no pod template, skipped`;
}

/** The line above a pod's prediction: `document 1: Deployment web → pod web-pod (…)`. */
export function podHeading(pod: StreamPod): string {
  const name = pod.caseFile.scenario.pod.name;
  const source = pod.kind === 'Pod' ? `Pod ${pod.objectName}` : `${pod.kind} ${pod.objectName} → pod ${name}`;
  const chosen = pod.nameChosen ? " (the name is podconform's choice: the controller adds a random suffix)" : '';
  return `${place(pod)}: ${source}${chosen}`;
}

/** Where an object is in the input: `document 2`, or `document 1 item 3` inside a List. */
export function place(at: { readonly document: number; readonly item?: number }): string {
  return at.item === undefined ? `document ${at.document}` : `document ${at.document} item ${at.item}`;
}
