/**
 * The text `predict` prints: the assumptions first (each with the flag and annotation that change it, and what it
 * decides), then what a person watches — `kubectl get pod -w` lines and the outcome — then the timeline with probe
 * runs folded, and the Events as `kubectl describe pod` lists them.
 */
import {
  formatPointRef,
  goneStatus,
  holeDescriptions,
  holeTypes,
  templateParts,
  type HoleType,
  type MessageTemplate,
  type PredictedPoint,
} from '../../../specs/vocabulary/index.ts';
import type { ReportedAssumption, PredictReport } from './predict-report.ts';
import type { Outcome, OutcomeContainer } from './outcomes.ts';
import type { DecidedOutcome, OutcomeColumns } from './decisive-assumptions.ts';
import type { FoldedEvent } from './folded-events.ts';
import type { ProbeRuns } from './folded-probes.ts';
import { formatSeconds, formatSpan, formatWindow } from './time-text.ts';

function table(rows: ReadonlyArray<ReadonlyArray<string>>, indent: string): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) =>
    `${indent}${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2))).join('')}`.trimEnd(),
  );
}

/** A final state as one phrase: `Completed (phase Succeeded, READY 0/1, RESTARTS 0)`. */
export function columnsText(o: OutcomeColumns): string {
  if (o.status === goneStatus) return `gone (last phase ${o.phase})`;
  return `${o.status} (phase ${o.phase}, READY ${o.ready}, RESTARTS ${o.restarts})`;
}

function assumptionLines(a: ReportedAssumption): string[] {
  const origin = a.source === 'default' ? '' : `  [from ${a.source}]`;
  const lines = [`  ${a.subject}: ${a.assumed}${origin}`];
  if (a.why !== undefined) lines.push(`      why: ${a.why}`);
  lines.push(`      set with: ${a.flag}   or annotation ${a.annotation}`);
  if (a.decidesOutcome !== undefined) lines.push(`      this assumption decides: ${decidesText(a.decidesOutcome)}`);
  return lines;
}

/** What the other reading of an assumption changes: `if it exits 1 after 2s (--exits …), the pod ends …`. */
export function decidesText(d: DecidedOutcome): string {
  return `if it ${d.alternative} (${d.alternativeFlag}), the pod ends ${columnsText(d.alternativeOutcome)} instead of ${columnsText(d.assumedOutcome)}`;
}

/** One container at the outcome: `app: running, restarts 0, ready`. */
export function containerText(name: string, c: OutcomeContainer): string {
  const parts = [c.state];
  if (c.reason !== undefined) parts.push(c.reason);
  if (c.exitCode !== undefined) parts.push(`exit ${c.exitCode}`);
  parts.push(`restarts ${c.restartCount}`);
  if (c.ready) parts.push('ready');
  return `${name}: ${parts.join(', ')}`;
}

/** The latency profiles of the model as the output names them. */
export const profileWords = { nominal: 'nominal timing', early: 'earliest timing', late: 'latest timing' } as const;

/** An outcome's pod columns in one line (without its containers). */
export function outcomeHeadline(o: Outcome): string {
  return o.gone
    ? `gone (the pod object was removed; its last STATUS ${o.status}, phase ${o.phase})`
    : `STATUS ${o.status}   phase ${o.phase}   READY ${o.ready}   RESTARTS ${o.restarts}`;
}

function outcomeLines(o: Outcome, indent: string): string[] {
  const head = `${indent}${outcomeHeadline(o)}`;
  return [head, ...Object.entries(o.containers).map(([name, c]) => `${indent}  ${containerText(name, c)}`)];
}

function pointLine(p: PredictedPoint): ReadonlyArray<string> {
  const after = !p.follows
    ? 'at once'
    : `${formatWindow(p.window.minSeconds, p.window.maxSeconds)} ${formatPointRef(p.follows)}`;
  const maybe = p.certainty === 'possible' ? '  (timing-dependent)' : '';
  return [formatSeconds(p.atSeconds), formatPointRef(p.ref), after, `${p.rule}${maybe}`];
}

const probeWords = { startupProbe: 'startup', livenessProbe: 'liveness', readinessProbe: 'readiness' } as const;

function holesOf(message: MessageTemplate): HoleType[] {
  return templateParts(message).flatMap((p) => (p.type === 'hole' ? [p.hole] : []));
}

function assumptionsSection(report: PredictReport): string[] {
  if (report.assumptions.length === 0) {
    return ['Assumptions: none (every process, hook and probe behaviour is written in the case)'];
  }
  return [
    'Assumptions (what the manifest does not say; change each with its flag or pod annotation):',
    ...report.assumptions.flatMap(assumptionLines),
  ];
}

function watchSection(report: PredictReport): string[] {
  const name = report.scenario.pod.name;
  const rows = [['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']];
  for (const w of report.watch) rows.push([name, w.ready, w.status, String(w.restarts), formatSeconds(w.atSeconds)]);
  return [`kubectl get pod ${name} -w   (AGE = time since the pod was created, nominal timing)`, ...table(rows, '  ')];
}

function outcomeSection(report: PredictReport): string[] {
  const out: string[] = [];
  const at = formatSeconds(report.prediction.observeForSeconds);
  if (report.outcomes.length === 1) {
    out.push(`Outcome at ${at} (the same on every timing):`);
    out.push(...outcomeLines(report.outcomes[0] as Outcome, '  '));
  } else {
    out.push(`Outcome at ${at} depends on the timing; the values that go together:`);
    for (const [i, o] of report.outcomes.entries()) {
      out.push(`  ${i === 0 ? 'either' : 'or'} (${o.profiles.map((p) => profileWords[p]).join(', ')}):`);
      out.push(...outcomeLines(o, '    '));
    }
  }
  if (report.looseValues.length > 0) {
    out.push('  a status written just before or after that moment may also show:');
    for (const l of report.looseValues) out.push(`    ${l.field}: ${l.values.join(' | ')}`);
  }
  return out;
}

/** A probe's runs folded into one phrase: `app readiness probe: every 10s from 10.6s to 80.6s (8 runs), passes`. */
export function probeText(p: ProbeRuns): string {
  const span =
    p.runs === 1
      ? `once at ${formatSeconds(p.firstSeconds)}`
      : `every ${formatSeconds(p.periodSeconds)} from ${formatSeconds(p.firstSeconds)} to ${formatSeconds(p.lastSeconds)} (${p.runs} runs)`;
  const result = p.failures === 0 ? 'passes' : `fails ${p.failures} of ${p.runs} times`;
  return `${p.container} ${probeWords[p.probe]} probe: ${span}, ${result}`;
}

function probeLine(p: ProbeRuns): string {
  return `    ${probeText(p)}`;
}

/** When a folded Event happened: `12s`, or `12s (x3 over 20s)`. */
export function eventWhen(e: FoldedEvent): string {
  return e.count === 1
    ? formatSeconds(e.firstSeconds)
    : `${formatSeconds(e.firstSeconds)} (x${e.count} over ${formatSpan(e.lastSeconds - e.firstSeconds)})`;
}

/** The hole types the Events' messages use, each with what it stands for, in the vocabulary's order. */
export function eventHoles(events: ReadonlyArray<FoldedEvent>): ReadonlyArray<readonly [HoleType, string]> {
  const holes = new Set(events.flatMap((e) => holesOf(e.message)));
  return holeTypes.filter((h) => holes.has(h)).map((h) => [h, holeDescriptions[h]] as const);
}

function timelineSection(report: PredictReport): string[] {
  const isProbeRun = (p: PredictedPoint): boolean => p.ref.name.endsWith('Probe.ran');
  const points = report.prediction.points
    .filter((p) => p.nominal && !isProbeRun(p))
    .sort((a, b) => a.atSeconds - b.atSeconds);
  const out = [
    'Timeline (nominal time; the window after the point it follows; the rule):',
    ...table(points.map(pointLine), '  '),
  ];
  if (report.probes.length > 0) out.push('  probe runs (folded):', ...report.probes.map(probeLine));
  const others = report.prediction.points.filter((p) => !p.nominal && !isProbeRun(p));
  if (others.length > 0) {
    out.push('  only with other timings within the windows:');
    for (const p of others) out.push(`    ${formatPointRef(p.ref)} (${p.rule})`);
  }
  return out;
}

function eventsSection(report: PredictReport): string[] {
  const rows = [['Type', 'Reason', 'At', 'From', 'Container', 'Message']];
  for (const e of report.events) {
    rows.push([e.type, e.reason, eventWhen(e), e.from, e.container ?? '-', e.message]);
  }
  const out = [
    'Events (as kubectl describe pod lists them; At = time since creation, nominal timing):',
    ...table(rows, '  '),
  ];
  // what only the node knows is a hole in the message; say once what each hole used stands for
  for (const [h, description] of eventHoles(report.events)) out.push(`  {${h}}: ${description}`);
  return out;
}

/** The human-readable form of a prediction report. */
export function renderPredictText(report: PredictReport): string {
  const { prediction, scenario } = report;
  const where = report.namespace !== undefined ? ` in namespace ${report.namespace}` : '';
  const observed = formatSeconds(prediction.observeForSeconds);
  const sections = [
    [`Prediction for pod ${scenario.pod.name}${where} (Kubernetes 1.35 kubelet, observed for ${observed})`],
    assumptionsSection(report),
    watchSection(report),
    outcomeSection(report),
    timelineSection(report),
    eventsSection(report),
  ];
  if (prediction.undetermined.length > 0) {
    sections.push(['Left open by the rules:', ...prediction.undetermined.map((u) => `  ${u.subject}: ${u.why}`)]);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
