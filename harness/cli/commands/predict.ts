/**
 * `podconform predict <file|->`: what a conformant kubelet will do with a case, or with each pod of a stream of
 * manifests (a Pod, a workload's pod template: predict-input.ts reads them) — the timeline (one line per point, its
 * window and rule), the final state, the Events. `--json` for machines.
 */
import { podHoldingKinds, readManifestStream, type StreamPod } from '../../cases/index.ts';
import { predict } from '../../../specs/model/index.ts';
import {
  formatPointRef,
  holeDescriptions,
  holeTypes,
  templateParts,
  type HoleType,
  type MessageTemplate,
  type Prediction,
  type Predicted,
  type Scenario,
} from '../../../specs/vocabulary/index.ts';
import { parseArgs } from '../args.ts';
import {
  defaultObserveForSeconds,
  limitsOnCaseFile,
  podHeading,
  problemLine,
  readInputText,
  readPredictLimits,
  skippedLine,
} from '../predict-input.ts';
import { withProgress } from '../predict-progress.ts';
import { exitCodes, type CliIo } from '../io.ts';

function seconds(n: number): string {
  return `${(Math.round(n * 100) / 100).toFixed(2)}s`;
}

function holesOf(template: MessageTemplate): HoleType[] {
  return templateParts(template).flatMap((p) => (p.type === 'hole' ? [p.hole] : []));
}

function choice<T>(p: Predicted<T>): string {
  const shown = p.possible.map((v) => (v === undefined ? '-' : String(v)));
  return shown.length > 1 ? shown.join(' | ') : (shown[0] ?? '-');
}

/** The human-readable form of a prediction. */
export function renderPrediction(prediction: Prediction): string {
  const out: string[] = [];
  out.push(
    `Prediction for ${prediction.scenarioId} (Kubernetes 1.35 kubelet, observed for ${seconds(prediction.observeForSeconds)})`,
  );
  out.push('');
  out.push('Timeline (nominal time; window after the point it follows; rule):');
  const timeline = [...prediction.points].filter((p) => p.nominal).sort((a, b) => a.atSeconds - b.atSeconds);
  for (const p of timeline) {
    const unbounded = p.window.maxSeconds >= 1e9;
    const after = !p.follows
      ? 'at once'
      : unbounded
        ? `any time after ${formatPointRef(p.follows)}`
        : `+${seconds(p.window.minSeconds)}..${seconds(p.window.maxSeconds)} after ${formatPointRef(p.follows)}`;
    const maybe = p.certainty === 'possible' ? '  (timing-dependent)' : '';
    out.push(
      `  ${seconds(p.atSeconds).padStart(9)}  ${formatPointRef(p.ref).padEnd(34)} ${after.padEnd(52)} ${p.rule}${maybe}`,
    );
  }
  const others = prediction.points.filter((p) => !p.nominal);
  if (others.length > 0) {
    out.push('');
    out.push('Only with other timings within the windows:');
    for (const p of others) out.push(`  ${formatPointRef(p.ref)} (${p.rule})`);
  }
  const f = prediction.final;
  out.push('');
  out.push('Final state:');
  out.push(`  phase ${choice(f.phase)}   STATUS ${choice(f.status)}   gone ${choice(f.gone)}`);
  for (const [name, c] of Object.entries(f.containers)) {
    const reason = choice(c.reason);
    const exit = choice(c.exitCode);
    out.push(
      `  ${name.padEnd(24)} ${choice(c.state).padEnd(11)} reason ${reason.padEnd(20)} exit ${exit.padEnd(5)} restarts ${choice(c.restartCount).padEnd(4)} ready ${choice(c.ready)}`,
    );
  }
  const conditions = Object.entries(f.conditions)
    .map(([type, c]) => `${type}=${choice(c.status)}${c.reason.nominal ? `(${choice(c.reason)})` : ''}`)
    .join('  ');
  if (conditions) out.push(`  conditions: ${conditions}`);
  out.push('');
  out.push('Events:');
  for (const e of prediction.events.filter((x) => x.nominal)) {
    out.push(
      `  ${seconds(e.atSeconds).padStart(9)}  ${e.type.padEnd(7)} ${e.reason.padEnd(22)} ${(e.container ?? '').padEnd(20)} ${e.message}`,
    );
  }
  // what only the node knows is a hole in the message; say once what each hole used stands for
  const holes = new Set(prediction.events.filter((x) => x.nominal).flatMap((e) => holesOf(e.message)));
  for (const h of holeTypes) if (holes.has(h)) out.push(`  {${h}}: ${holeDescriptions[h]}`);
  if (prediction.undetermined.length > 0) {
    out.push('');
    out.push('Left open by the rules:');
    for (const u of prediction.undetermined) out.push(`  ${u.subject}: ${u.why}`);
  }
  return `${out.join('\n')}\n`;
}

export async function predictCommand(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { flags: ['json'], values: ['observe-for', 'delete-at', 'grace'] });
  if (parsed.status === 'error') {
    io.err(`podconform predict: ${parsed.message}\n`);
    return exitCodes.badInput;
  }
  const { args } = parsed;
  const file = args.positionals[0];
  if (args.positionals.length !== 1 || file === undefined) {
    io.err(
      'podconform predict: give exactly one file (a case, a Pod or a workload manifest), or - for standard input\n',
    );
    return exitCodes.badInput;
  }
  const limits = readPredictLimits(args.values);
  if (limits.status === 'error') {
    io.err(`podconform predict: ${limits.message}\n`);
    return exitCodes.badInput;
  }
  const input = await readInputText(file, io);
  if (input.status === 'error') {
    io.err(`${input.message}\n`);
    return exitCodes.badInput;
  }
  const { observeForSeconds, deleteAtSeconds, graceSeconds } = limits.limits;
  const read = readManifestStream(input.text, input.name, {
    observeForSeconds: observeForSeconds ?? defaultObserveForSeconds,
    ...(deleteAtSeconds !== undefined ? { deleteAtSeconds } : {}),
    ...(graceSeconds !== undefined ? { gracePeriodSeconds: graceSeconds } : {}),
  });
  if (read.status === 'invalid') {
    for (const p of read.problems) io.err(`${problemLine(p)}\n`);
    return exitCodes.badInput;
  }
  if (read.status === 'case') {
    const conflict = limitsOnCaseFile(args.values, input.name);
    if (conflict !== undefined) {
      io.err(`${conflict}\n`);
      return exitCodes.badInput;
    }
    return showPredictions([{ scenario: read.caseFile.scenario }], args.flags.has('json'), io);
  }
  for (const skipped of read.skipped) io.err(`${skippedLine(input.name, skipped)}\n`);
  if (read.pods.length === 0) {
    io.err(`${input.name}: no pod to predict: no Pod or ${podHoldingKinds.slice(1).join(', ')} in it\n`);
    return exitCodes.badInput;
  }
  // A lone Pod needs no heading; a workload's pod (named by podconform) or a stream's pods do.
  const lonePod = read.pods.length === 1 && read.documents === 1 && read.pods[0]?.kind === 'Pod';
  const pods = read.pods.map((pod) => ({
    ...(lonePod ? {} : { source: pod }),
    scenario: pod.caseFile.scenario,
  }));
  return showPredictions(pods, args.flags.has('json'), io);
}

/** One pod to predict, with where it came from when that was a stream of manifests. */
interface PodToPredict {
  readonly source?: StreamPod;
  readonly scenario: Scenario;
}

/** Predicts each pod and prints it, headed when it came from a stream; JSON: one object, or an array of them. */
function showPredictions(pods: ReadonlyArray<PodToPredict>, json: boolean, io: CliIo): number {
  const predictions = pods.map(({ source, scenario }) => ({
    source,
    prediction: withProgress(io, scenario.pod.name, (onProgress) =>
      predict(scenario, onProgress === undefined ? {} : { onProgress }),
    ),
  }));
  const only = predictions.length === 1 ? predictions[0] : undefined;
  if (json) {
    const value =
      only !== undefined && only.source === undefined
        ? only.prediction
        : predictions.map(({ source, prediction }) => ({ ...jsonSource(source), prediction }));
    io.out(`${JSON.stringify(value, null, 2)}\n`);
    return exitCodes.ok;
  }
  const rendered = predictions.map(({ source, prediction }) => {
    const heading = source === undefined ? '' : `${podHeading(source)}\n\n`;
    return `${heading}${renderPrediction(prediction)}`;
  });
  io.out(rendered.join('\n'));
  return exitCodes.ok;
}

function jsonSource(source: StreamPod | undefined): Record<string, unknown> {
  if (source === undefined) return {};
  const { document, item, kind, objectName: name, nameChosen: podNameChosen } = source;
  return {
    document,
    ...(item === undefined ? {} : { item }),
    kind,
    name,
    pod: source.caseFile.scenario.pod.name,
    podNameChosen,
  };
}
