/**
 * Documentation divergences, kept apart from failures: where the documents claim one thing and the kubelet does
 * another (the catalogue's list), and the documented claims this run's observations did not bear out.
 */
import type { ResultEntry, RuleInfo } from '../results/schema.ts';
import { markup, type Html } from './escape.ts';
import { documentedVersusKubelet } from './rule-explanation.ts';

function catalogued(rules: ReadonlyArray<RuleInfo>): Html {
  if (rules.length === 0) return markup`<p class="muted">None in the catalogue for the rules of this run.</p>`;
  const items = rules.map((r) => {
    const sides = r.divergence ? documentedVersusKubelet(r.divergence) : '';
    const sources =
      r.sources.length === 0 ? '' : markup`<div class="muted sources-inline">${r.sources.join(' · ')}</div>`;
    return markup`<li><code>${r.id}</code> <span class="muted">(${r.area})</span>: ${r.statement}${sides}${sources}</li>`;
  });
  return markup`<ul class="divergence-list">${items}</ul>`;
}

function seen(entries: ReadonlyArray<ResultEntry>): Html {
  const rows = entries.flatMap((entry, index) => entry.divergences.map((d) => ({ entry, index, d })));
  if (rows.length === 0) return markup`<p class="muted">No entry's documented claims went unmet.</p>`;
  const body = rows.map(
    ({ entry, index, d }) =>
      markup`<tr><td><a href="#entry-${index}">${entry.id}</a></td><td><code>${d.check}</code></td><td>${d.message}</td></tr>`,
  );
  return markup`<table class="divergences"><thead><tr><th>Entry</th><th>Documented claim</th><th>What was seen</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** The divergences section. */
export function renderDivergences(results: {
  readonly entries: ReadonlyArray<ResultEntry>;
  readonly documentationDivergences: ReadonlyArray<RuleInfo>;
}): Html {
  return markup`<section id="divergences"><h2>Documentation divergences</h2>
<p class="muted">Not failures: where the Kubernetes documents and the kubelet disagree. The model follows the kubelet.</p>
<h3>In the catalogue (${results.documentationDivergences.length})</h3>
${catalogued(results.documentationDivergences)}
<h3>Documented claims this run did not bear out</h3>
${seen(results.entries)}
</section>`;
}
