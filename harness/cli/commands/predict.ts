/**
 * `podconform predict <file>`: what a conformant kubelet will do with a case or a plain Pod manifest — the
 * assumptions made for what a manifest does not say, the STATUS/READY columns over time, the outcome, the timeline
 * and the Events (rendering in harness/cli/predict/). `--json` for machines.
 */
import { readFile } from 'node:fs/promises';
import { formatProblem, loadInputText, parseDuration } from '../../cases/index.ts';
import { parseArgs } from '../args.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { resolveAssumptions } from '../predict/assumptions.ts';
import { isCaseFileText } from '../predict/input-kind.ts';
import { buildPredictReport } from '../predict/predict-report.ts';
import { renderPredictJson } from '../predict/render-json.ts';
import { renderPredictText } from '../predict/render-text.ts';
import { takeSettingFlags } from '../predict/setting-flags.ts';
import { settingKinds } from '../predict/settings.ts';

export async function predictCommand(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const settingFlags = takeSettingFlags(argv);
  if (settingFlags.status === 'error') {
    io.err(`podconform predict: ${settingFlags.message}\n`);
    return exitCodes.badInput;
  }
  // the setting flags were taken out above; naming them here only lists them in an unknown option's message
  const parsed = parseArgs(settingFlags.rest, {
    flags: ['json'],
    values: ['observe-for', 'delete-at', 'grace', ...settingKinds],
  });
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
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${file}:1: file: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}\n`);
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
  const assumed = resolveAssumptions(loaded.caseFile.scenario, {
    plainManifest: !isCaseFileText(text),
    flags: settingFlags.settings,
  });
  if (assumed.status === 'error') {
    const where = assumed.where.startsWith('--') ? 'podconform predict' : file;
    io.err(`${where}: ${assumed.where}: ${assumed.message}\n`);
    return exitCodes.badInput;
  }
  const report = buildPredictReport(assumed.scenario, assumed.assumptions);
  io.out(args.flags.has('json') ? renderPredictJson(report) : renderPredictText(report));
  return exitCodes.ok;
}
