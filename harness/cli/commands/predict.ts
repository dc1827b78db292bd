/**
 * `podconform predict <file|->`: what a conformant kubelet will do with a case, or with each pod of a stream of
 * manifests (a Pod, a workload's pod template: harness/cases/load-manifest-stream.ts reads them, predict-input.ts
 * keeps the limits) — the assumptions made for what a manifest does not say, the STATUS/READY columns over time, the
 * outcome, the timeline and the Events (rendering in harness/cli/predict/). `--json` for machines; `--html FILE` also
 * writes the same as a page with each pod's timeline drawn (harness/cli/predict/render-html.ts).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { podHoldingKinds, readManifestStream, type StreamPod } from '../../cases/index.ts';
import { allContainers, type Scenario } from '../../../specs/vocabulary/index.ts';
import { parseArgs } from '../args.ts';
import { exitCodes, type CliIo } from '../io.ts';
import {
  defaultObserveForSeconds,
  limitsOnCaseFile,
  place,
  podHeading,
  problemLine,
  readInputText,
  readPredictLimits,
  skippedLine,
} from '../predict-input.ts';
import { withProgress } from '../predict-progress.ts';
import { resolveAssumptions, type FlagSetting } from '../predict/assumptions.ts';
import { buildPredictReport, type PredictReport } from '../predict/predict-report.ts';
import { renderPredictHtml } from '../predict/render-html.ts';
import { predictJsonDocument } from '../predict/render-json.ts';
import { loadHtmlAssets } from '../../../reports/html/assets.ts';
import { renderPredictText } from '../predict/render-text.ts';
import { takeSettingFlags } from '../predict/setting-flags.ts';
import { settingKinds } from '../predict/settings.ts';

/** Where `--html` writes, and the command line the page names (so it says how it was made). */
interface HtmlOutput {
  readonly path: string;
  readonly shownPath: string;
  readonly commandLine: string;
}

// A word a shell would split or expand is quoted, so the page's command line can be pasted back.
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export async function predictCommand(argv: ReadonlyArray<string>, io: CliIo, cwd = process.cwd()): Promise<number> {
  const settingFlags = takeSettingFlags(argv);
  if (settingFlags.status === 'error') {
    io.err(`podconform predict: ${settingFlags.message}\n`);
    return exitCodes.badInput;
  }
  // the setting flags were taken out above; naming them here only lists them in an unknown option's message
  const parsed = parseArgs(settingFlags.rest, {
    flags: ['json'],
    values: ['observe-for', 'delete-at', 'grace', 'html', ...settingKinds],
  });
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
  const htmlPath = args.values.get('html');
  if (htmlPath === '-' || htmlPath === '') {
    io.err(
      'podconform predict: --html needs a file name to write the page to (- for standard output is not supported)\n',
    );
    return exitCodes.badInput;
  }
  const html: HtmlOutput | undefined =
    htmlPath === undefined
      ? undefined
      : {
          path: resolve(cwd, htmlPath),
          shownPath: htmlPath,
          commandLine: ['podconform', 'predict', ...argv].map(shellWord).join(' '),
        };
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
  const json = args.flags.has('json');
  const flags = settingFlags.settings;
  if (read.status === 'case') {
    const conflict = limitsOnCaseFile(args.values, input.name);
    if (conflict !== undefined) {
      io.err(`${conflict}\n`);
      return exitCodes.badInput;
    }
    // a case file says what it means (FORMAT.md's defaults included): nothing is assumed for it
    return showPredictions(
      [{ scenario: read.caseFile.scenario, plainManifest: false }],
      input.name,
      flags,
      { json, html },
      io,
    );
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
    plainManifest: true,
  }));
  return showPredictions(pods, input.name, flags, { json, html }, io);
}

/** One pod to predict, with where it came from when that was a stream of manifests. */
interface PodToPredict {
  readonly source?: StreamPod;
  readonly scenario: Scenario;
  /** whether the pod's unwritten behaviour gets assumed defaults (a manifest's) */
  readonly plainManifest: boolean;
}

/**
 * Predicts each pod with its assumptions and prints it, headed when it came from a stream. JSON: the one pod's
 * document, or an array of documents when the input held several pods; each says where its pod came from (`source`).
 * With `--html` the page is written first, so a path that cannot be written stops before anything is printed.
 */
async function showPredictions(
  pods: ReadonlyArray<PodToPredict>,
  file: string,
  flags: ReadonlyArray<FlagSetting>,
  output: { readonly json: boolean; readonly html: HtmlOutput | undefined },
  io: CliIo,
): Promise<number> {
  // In a stream a setting flag is for the pods that have its container; a flag no pod can take is a mistake.
  const containersOf = (scenario: Scenario) => new Set(allContainers(scenario.pod).map((c) => c.name));
  const several = pods.length > 1;
  const unmatched = flags.find((f) => !pods.some((p) => containersOf(p.scenario).has(f.setting.container)));
  if (several && unmatched !== undefined) {
    io.err(
      `podconform predict: ${unmatched.text}: no pod in ${file} has a container '${unmatched.setting.container}'\n`,
    );
    return exitCodes.badInput;
  }
  const reports: Array<{ readonly source: StreamPod | undefined; readonly report: PredictReport }> = [];
  for (const { source, scenario, plainManifest } of pods) {
    const own = several ? flags.filter((f) => containersOf(scenario).has(f.setting.container)) : flags;
    const assumed = resolveAssumptions(scenario, { plainManifest, flags: own });
    if (assumed.status === 'error') {
      const inFile = source === undefined ? file : `${file}: ${place(source)}`;
      io.err(
        `${assumed.where.startsWith('--') ? 'podconform predict' : inFile}: ${assumed.where}: ${assumed.message}\n`,
      );
      return exitCodes.badInput;
    }
    const report = withProgress(io, scenario.pod.name, (onProgress) =>
      buildPredictReport(assumed.scenario, assumed.assumptions, onProgress),
    );
    reports.push({ source, report });
  }
  if (output.html !== undefined) {
    const { path, shownPath, commandLine } = output.html;
    const headed = reports.map(({ source, report }) => ({
      ...(source === undefined ? {} : { heading: podHeading(source) }),
      report,
    }));
    const page = renderPredictHtml(headed, commandLine, await loadHtmlAssets());
    try {
      await writeFile(path, page);
    } catch (error) {
      const why = error instanceof Error && 'code' in error ? String(error.code) : 'cannot write';
      io.err(`podconform predict: --html ${shownPath}: cannot write the page (${why})\n`);
      return exitCodes.badInput;
    }
  }
  if (output.json) {
    const documents = reports.map(({ source, report }) => ({
      ...predictJsonDocument(report),
      ...(source === undefined ? {} : { source: jsonSource(source) }),
    }));
    io.out(`${JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2)}\n`);
    return exitCodes.ok;
  }
  const rendered = reports.map(({ source, report }) => {
    const heading = source === undefined ? '' : `${podHeading(source)}\n\n`;
    return `${heading}${renderPredictText(report)}`;
  });
  io.out(rendered.join('\n'));
  return exitCodes.ok;
}

function jsonSource(source: StreamPod): Record<string, unknown> {
  const { document, item, kind, objectName: name, nameChosen: podNameChosen } = source;
  return { document, ...(item === undefined ? {} : { item }), kind, name, podNameChosen };
}
