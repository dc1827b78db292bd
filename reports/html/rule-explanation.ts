/**
 * A rule explained from the catalogue's copy in results.rules: statement, standing, sources, documented-vs-kubelet.
 * A run's failures mostly break the same few rules, so each explanation is written once, as a `<template>`, and an
 * entry carries a reference the page's script fills in when the entry is opened (a thousand copies of the same
 * sources would cost the page half a megabyte).
 */
import type { RuleInfo } from '../results/schema.ts';
import { markup, type Html } from './escape.ts';

function explanation(rule: RuleInfo): Html {
  const sources =
    rule.sources.length === 0
      ? ''
      : markup`<p class="muted">Sources:</p><ul class="sources">${rule.sources.map((s) => markup`<li>${s}</li>`)}</ul>`;
  return markup`<p>Rule <code>${rule.id}</code> <span class="muted">(${rule.area}; ${rule.standing}; from the ${rule.origin})</span></p>
<p>${rule.statement}</p>
${sources}
${rule.divergence ? documentedVersusKubelet(rule.divergence) : ''}`;
}

/** The two sides of a documentation divergence, side by side. */
export function documentedVersusKubelet(divergence: NonNullable<RuleInfo['divergence']>): Html {
  return markup`<dl class="doc-vs-kubelet"><dt>Documents say</dt><dd>${divergence.documented}</dd><dt>Kubelet does</dt><dd>${divergence.kubelet}</dd></dl>`;
}

/** Rule explanations for one page: references while the entries are written, then the templates they refer to. */
export interface RuleExplanations {
  /** the rule's statement and sources, if the record has them */
  readonly info: (ruleId: string) => RuleInfo | undefined;
  /** what an entry carries for a rule: a reference to its template, or a line saying the record lacks it */
  readonly reference: (ruleId: string) => Html;
  /** one `<template id="rule-N">` per rule referenced so far */
  readonly templates: () => Html;
}

/** Explanations over results.rules. */
export function ruleExplanations(rules: ReadonlyArray<RuleInfo>): RuleExplanations {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const referenced = new Map<string, number>();
  return {
    info: (ruleId) => byId.get(ruleId),
    reference: (ruleId) => {
      if (!byId.has(ruleId)) {
        return markup`<div class="rule"><p>Rule <code>${ruleId}</code>: not in this record's rule catalogue.</p></div>`;
      }
      let n = referenced.get(ruleId);
      if (n === undefined) {
        n = referenced.size;
        referenced.set(ruleId, n);
      }
      return markup`<div class="rule" data-rule-template="rule-${n}"><p>Rule <code>${ruleId}</code></p></div>`;
    },
    templates: () =>
      markup`${[...referenced].map(([ruleId, n]) => {
        const rule = byId.get(ruleId);
        return rule ? markup`<template id="rule-${n}">${explanation(rule)}</template>\n` : '';
      })}`,
  };
}
