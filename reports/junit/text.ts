/** How results read as plain text inside a JUnit file: one-line messages, finding lines, seconds. */
import type { EntryFinding, ResultEntry } from '../results/schema.ts';

/** The text on one line, whitespace runs collapsed: a `message` attribute is shown as a single line by reporters. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Milliseconds as JUnit's `time`: seconds with millisecond precision; absent stays absent. */
export function seconds(durationMs: number | undefined): string | undefined {
  if (durationMs === undefined || !Number.isFinite(durationMs) || durationMs < 0) return undefined;
  return (durationMs / 1000).toFixed(3);
}

/** `fail kubelet.grace.minimum [window] at app.kill, 3.20 s: app.kill should follow …` */
export function findingLine(finding: EntryFinding): string {
  const where = [
    finding.subject === undefined ? undefined : `at ${finding.subject}`,
    finding.atSeconds === undefined ? undefined : `${finding.atSeconds.toFixed(2)} s`,
  ].filter((part) => part !== undefined);
  return `${finding.status} ${finding.rule ?? '(no rule)'} [${finding.check}]${where.length > 0 ? ` ${where.join(', ')}` : ''}: ${finding.message}`;
}

/** The name a generated entry is known by in a report: `counterexample <id> #<index>` or `<id> #<index>`. */
export function generatedName(entry: ResultEntry): string {
  const indexed = entry.index === undefined ? entry.id : `${entry.id} #${entry.index}`;
  return entry.kind === 'counterexample' ? `counterexample ${indexed}` : indexed;
}

/**
 * What a person needs to act on an entry that did not pass: every finding in reading order, the documents' claims
 * it contradicts, why the backend saw nothing, the replay line and where the case lives (for a generated scenario,
 * the case file itself, ready to save as a regression case).
 */
export function entryDetails(entry: ResultEntry): string {
  const lines: string[] = [];
  if (entry.outcomeReason !== undefined) lines.push(`backend: ${entry.outcomeReason}`);
  if (entry.findings.length > 0) lines.push('findings:', ...entry.findings.map((f) => `  ${findingLine(f)}`));
  if (entry.divergences.length > 0) {
    lines.push('documentation divergences:', ...entry.divergences.map((d) => `  ${d.check}: ${d.message}`));
  }
  if (entry.replay !== undefined) lines.push(`replay: ${entry.replay}`);
  if (entry.file !== undefined) lines.push(`case file: ${entry.file}`);
  else if (entry.caseYaml !== '') lines.push('case file (save as NAME.case.yaml):', entry.caseYaml.trimEnd());
  return `${lines.join('\n')}\n`;
}
