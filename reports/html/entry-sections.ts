/**
 * The entries, failures first, then errors and unknowns, then passes: each group its own section. The first
 * failures are open when the page loads; the case files and manifests ride along for the first entries that did not
 * pass, so a run with a thousand failures still makes a page that opens quickly (results.json holds them all).
 */
import type { EntryStatus, ResultEntry } from '../results/schema.ts';
import { renderEntry } from './entry.ts';
import { markup, type Html } from './escape.ts';
import type { RuleExplanations } from './rule-explanation.ts';

/** How many failures are open on load, and how many entries that did not pass carry their files. */
export interface EntryLimits {
  readonly openFailures: number;
  readonly entriesWithFiles: number;
}

// Forty: a case file and its manifest take 10–15 kB, so a run where a thousand entries fail still makes a page under
// 5 MB with room to spare (test/reports/html/size.test.ts); a person reads the first failures, results.json has all.
export const defaultEntryLimits: EntryLimits = { openFailures: 10, entriesWithFiles: 40 };

const sections: ReadonlyArray<{ readonly status: EntryStatus; readonly id: string; readonly title: string }> = [
  { status: 'fail', id: 'failures', title: 'Failures' },
  { status: 'error', id: 'errors', title: 'Errors' },
  { status: 'unknown', id: 'unknown', title: 'Unknown' },
  { status: 'pass', id: 'passes', title: 'Passes' },
  { status: 'no expectations', id: 'no-expectations', title: 'No expectations' },
];

/** Every entry in reading order, grouped by status; the original index stays the entry's id in the page. */
export function renderEntrySections(
  entries: ReadonlyArray<ResultEntry>,
  rules: RuleExplanations,
  limits: EntryLimits = defaultEntryLimits,
): Html {
  let opened = 0;
  let withFiles = 0;
  const notPassed = entries.filter((e) => e.status === 'fail' || e.status === 'error' || e.status === 'unknown').length;
  const capNote =
    notPassed > limits.entriesWithFiles
      ? markup`<p class="muted files-cap">The page carries the case file and manifest of the first ${limits.entriesWithFiles} of the ${notPassed} entries that did not pass; results.json holds them all (<code>podconform report</code> re-renders it).</p>`
      : '';
  return markup`${capNote}${sections.map(({ status, id, title }) => {
    const members = entries.flatMap((entry, index) => (entry.status === status ? [{ entry, index }] : []));
    if (members.length === 0) return '';
    const rendered = members.map(({ entry, index }) => {
      const open = status === 'fail' && opened < limits.openFailures;
      if (open) opened += 1;
      const files = status !== 'pass' && status !== 'no expectations' && withFiles < limits.entriesWithFiles;
      if (files) withFiles += 1;
      return renderEntry(index, entry, rules, { open, withFiles: files });
    });
    return markup`<section id="${id}" class="entries"><h2>${title} (${members.length})</h2>
${rendered}
</section>
`;
  })}`;
}
