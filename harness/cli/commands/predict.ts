/**
 * `podconform predict <file>`: what a conformant kubelet will do with a case or a plain Pod manifest —
 * the timeline (one line per point, its window and rule), the final state, the Events. `--json` for machines.
 */
import { readFile } from 'node:fs/promises';
import { formatProblem, loadInputText, parseDuration } from '../../cases/index.ts';
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
} from '../../../specs/vocabulary/index.ts';
import { parseArgs } from '../args.ts';
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
    io.err('podconform predict: give exactly one case file or Pod manifest\n');
    return exitCodes.badInput;
  }
  const durations: Record<string, number | undefined> = {};
  for (const key of ['observe-for', 'delete-at', 'grace'] as const) {
    const raw = args.values.get(key);
    if (raw === undefined) continue;
    const d = parseDuration(key === 'grace' && /^\d+$/.test(raw) ? Number(raw) : raw);
    if (d.status !== 'ok') {
      io.err(`podconform predict: --${key}: ${d.message}\n`);
      return exitCodes.badInput;
    }
    durations[key] = d.seconds;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`${file}:1: file: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)}\n`);
    return exitCodes.badInput;
  }
  const loaded = loadInputText(text, file, {
    observeForSeconds: durations['observe-for'] ?? 120,
    ...(durations['delete-at'] !== undefined ? { deleteAtSeconds: durations['delete-at'] } : {}),
    ...(durations['grace'] !== undefined ? { gracePeriodSeconds: durations['grace'] } : {}),
  });
  if (loaded.status === 'invalid') {
    for (const p of loaded.problems) io.err(`${formatProblem(p)}\n`);
    return exitCodes.badInput;
  }
  const prediction = predict(loaded.caseFile.scenario);
  io.out(args.flags.has('json') ? `${JSON.stringify(prediction, null, 2)}\n` : renderPrediction(prediction));
  return exitCodes.ok;
}
