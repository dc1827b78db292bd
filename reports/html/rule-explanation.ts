/** A rule explained from the catalogue's copy in results.rules: statement, standing, sources, documented-vs-kubelet. */
import type { RuleInfo } from '../results/schema.ts';
import { markup, type Html } from './escape.ts';

/** The rule's explanation, or a line saying the record does not hold it. */
export function ruleExplanation(ruleId: string, rules: ReadonlyMap<string, RuleInfo>): Html {
  const rule = rules.get(ruleId);
  if (!rule) {
    return markup`<div class="rule"><p><code>${ruleId}</code>: not in this record's rule catalogue.</p></div>`;
  }
  const sources =
    rule.sources.length === 0
      ? ''
      : markup`<p class="muted">Sources:</p><ul class="sources">${rule.sources.map((s) => markup`<li>${s}</li>`)}</ul>`;
  return markup`<div class="rule">
<p>Rule <code>${rule.id}</code> <span class="muted">(${rule.area}; ${rule.standing}; from the ${rule.origin})</span></p>
<p>${rule.statement}</p>
${sources}
${rule.divergence ? documentedVersusKubelet(rule.divergence) : ''}
</div>`;
}

/** The two sides of a documentation divergence, side by side. */
export function documentedVersusKubelet(divergence: NonNullable<RuleInfo['divergence']>): Html {
  return markup`<dl class="doc-vs-kubelet"><dt>Documents say</dt><dd>${divergence.documented}</dd><dt>Kubelet does</dt><dd>${divergence.kubelet}</dd></dl>`;
}

/** results.rules indexed by id. */
export function rulesById(rules: ReadonlyArray<RuleInfo>): ReadonlyMap<string, RuleInfo> {
  return new Map(rules.map((r) => [r.id, r]));
}
