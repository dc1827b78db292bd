/**
 * `renderHtml(results, assets)`: report.html from a results.json, and nothing else (STYLE practice 14). Pure: the
 * same record and assets give the same page. Static HTML for everything a person reads; the timelines travel as one
 * compact JSON block and are drawn by the page when an entry is opened.
 */
import type { ResultsFile } from '../results/schema.ts';
import type { HtmlAssets } from './assets.ts';
import { renderCoverage } from './coverage.ts';
import { renderDivergences } from './divergences.ts';
import { defaultEntryLimits, renderEntrySections, type EntryLimits } from './entry-sections.ts';
import { markup } from './escape.ts';
import { renderPage } from './page.ts';
import { ruleExplanations } from './rule-explanation.ts';
import { renderSummary } from './summary.ts';
import { packTimelines } from './timeline-data.ts';

/** The page for one results file. */
export function renderHtml(results: ResultsFile, assets: HtmlAssets, limits: EntryLimits = defaultEntryLimits): string {
  const rules = ruleExplanations(results.rules);
  const seed = results.seed === undefined ? '' : ` seed ${String(results.seed)}`;
  const title = `podconform ${results.status} — ${results.backend.name}${seed}`;
  // The entries first: the rule templates hold the rules they referred to.
  const entries = renderEntrySections(results.entries, rules, limits);
  const body = markup`<main>
${renderSummary(results)}
${entries}
${renderCoverage(results.entries, results.rules)}
${renderDivergences(results)}
</main>
${rules.templates()}`;
  return renderPage(title, body, packTimelines(results.entries), assets);
}
