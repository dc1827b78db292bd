/**
 * One entry (a case or a generated scenario) as a `<details>` element: its verdict in the summary line; inside, the
 * first divergence explained, the timeline's host (drawn by the page's script when opened), the other findings, the
 * replay line, and for failures the case YAML and the kubectl-ready manifest.
 */
import type { EntryFinding, EntryStatus, ResultEntry, TimelineWindow } from '../results/schema.ts';
import { copyBlock } from './copy-block.ts';
import { markup, type Html } from './escape.ts';
import { formatSeconds, formatWindow } from './format.ts';
import type { RuleExplanations } from './rule-explanation.ts';
import { timelineHost } from './timeline-host.ts';

/** How much of an entry the page carries. */
export interface EntryRenderOptions {
  /** drawn open when the page loads */
  readonly open: boolean;
  /** carries the case YAML and the manifest (capped so a run of a thousand failures still makes a small page) */
  readonly withFiles: boolean;
}

const statusLabel: Readonly<Record<EntryStatus, string>> = {
  fail: 'FAIL',
  unknown: 'UNKNOWN',
  error: 'ERROR',
  pass: 'PASS',
  'no expectations': 'NO EXPECTATIONS',
};

/** The CSS class of a status: one per outcome (STYLE practice 14). */
export function statusClass(status: EntryStatus): string {
  return status === 'no expectations' ? 'st-none' : `st-${status}`;
}

/** The badge a status is shown with. */
export function statusBadge(status: EntryStatus): Html {
  return markup`<span class="badge ${statusClass(status)}">${statusLabel[status]}</span>`;
}

function windowOf(entry: ResultEntry, subject: string | undefined): TimelineWindow | undefined {
  if (subject === undefined) return undefined;
  return entry.timeline?.windows.find((w) => w.point === subject);
}

function windowSentence(subject: string, window: TimelineWindow | undefined): Html {
  if (!window) return markup`<p>No window was predicted for <code>${subject}</code>.</p>`;
  const from = window.follows ?? 'pod creation';
  return markup`<p>Predicted window of <code>${subject}</code>: <b>${formatWindow(window.fromSeconds, window.toSeconds)}</b> (${window.certainty}), counted from <code>${from}</code>, by rule <code>${window.rule}</code>.</p>`;
}

function firstDivergence(entry: ResultEntry, finding: EntryFinding, rules: RuleExplanations): Html {
  const window = windowOf(entry, finding.subject);
  const rule = finding.rule ?? window?.rule;
  const subject = finding.subject === undefined ? '' : markup` · subject <code>${finding.subject}</code>`;
  const at = finding.atSeconds === undefined ? '' : markup` · at <b>t = ${formatSeconds(finding.atSeconds)}</b>`;
  const windowLine = finding.subject === undefined ? '' : windowSentence(finding.subject, window);
  const explanation = rule === undefined ? '' : rules.reference(rule);
  return markup`<div class="first-divergence"><h4>First divergence ${statusBadge(finding.status)}</h4><p class="muted">check <code>${finding.check}</code>${subject}${at}</p>${windowLine}${explanation}</div>`;
}

function findingLine(f: EntryFinding): Html {
  const rule = f.rule === undefined ? '' : markup` <span class="muted">rule</span> <code>${f.rule}</code>`;
  const at = f.atSeconds === undefined ? '' : markup` <span class="muted">at ${formatSeconds(f.atSeconds)}</span>`;
  return markup`<li>${statusBadge(f.status)} <code>${f.check}</code>${rule}${at}: ${f.message}</li>`;
}

function otherFindings(findings: ReadonlyArray<EntryFinding>): Html | '' {
  if (findings.length === 0) return '';
  return markup`<h4>Further findings (${findings.length})</h4><ol class="findings">${findings.map(findingLine)}</ol>`;
}

function manifestBlock(index: number, manifest: ResultEntry['manifest']): Html | '' {
  if (manifest === undefined) return '';
  if ('yaml' in manifest) {
    return markup`<h4>Manifest <span class="muted">(ready for kubectl apply -f)</span></h4>${copyBlock(`manifest-${String(index)}`, manifest.yaml)}`;
  }
  return markup`<h4>Manifest</h4><p class="muted">Not available: ${manifest.unavailable}</p>`;
}

function files(index: number, entry: ResultEntry, options: EntryRenderOptions): Html | '' {
  if (entry.status === 'pass' || entry.status === 'no expectations') return '';
  if (!options.withFiles) return '';
  return markup`<h4>Case file</h4>${copyBlock(`case-${String(index)}`, entry.caseYaml)}${manifestBlock(index, entry.manifest)}`;
}

function summaryLine(entry: ResultEntry): Html {
  const first = entry.findings[0];
  const file = entry.file === undefined ? '' : markup` <span class="muted">${entry.file}</span>`;
  const index = entry.index === undefined ? '' : markup` <span class="muted">#${entry.index}</span>`;
  const message = first === undefined ? '' : markup` <span class="entry-first">${first.message}</span>`;
  return markup`<summary>${statusBadge(entry.status)} <span class="entry-kind">${entry.kind}</span> <span class="entry-id">${entry.id}</span>${file}${index}${message}</summary>`;
}

/** One entry as a `<details>` element whose id is `entry-INDEX`. */
export function renderEntry(
  index: number,
  entry: ResultEntry,
  rules: RuleExplanations,
  options: EntryRenderOptions,
): Html {
  const [first, ...further] = entry.findings;
  const reason =
    entry.outcomeReason === undefined
      ? ''
      : markup`<p class="outcome-reason"><b>Why nothing was judged:</b> ${entry.outcomeReason}</p>`;
  const timeline =
    entry.timeline === undefined ? markup`<p class="muted">No timeline in the record.</p>` : timelineHost(index);
  const divergences =
    entry.divergences.length === 0
      ? ''
      : markup`<p class="muted">Documentation divergences seen here: ${entry.divergences.length} (see <a href="#divergences">Documentation divergences</a>).</p>`;
  // A pass's replay line stays in results.json: a thousand copy blocks nobody needs would slow the page down.
  const replay =
    entry.replay === undefined || entry.status === 'pass'
      ? ''
      : markup`<h4>Replay</h4>${copyBlock(`replay-${String(index)}`, entry.replay)}`;
  // No line breaks between the elements: each would be a text node, and a thousand entries make thousands of them.
  const body = [reason, first === undefined ? '' : firstDivergence(entry, first, rules), timeline];
  const tail = [otherFindings(further), divergences, replay, files(index, entry, options)];
  return markup`<details class="entry ${statusClass(entry.status)}" id="entry-${index}"${options.open ? markup` open` : ''}>${summaryLine(entry)}<div class="entry-body">${body}${tail}</div></details>
`;
}
