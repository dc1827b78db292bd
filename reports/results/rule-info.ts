/** The catalogue's entries as the report explains them, copied into results.json so renderers need nothing else. */
import { allRules, type Rule, type RuleSource } from '../../specs/rules/index.ts';
import type { RuleInfo } from './schema.ts';

function sourceLine(source: RuleSource): string {
  return source.type === 'document'
    ? `${source.file}: "${source.quote}"`
    : `KUBELET-FACTS ${source.section.replace(/^KUBELET-FACTS /, '')} (${source.code})`;
}

function info(rule: Rule): RuleInfo {
  return {
    id: rule.id,
    area: rule.area,
    statement: rule.statement,
    standing: rule.standing,
    origin: rule.origin,
    sources: rule.sources.map(sourceLine),
    ...(rule.divergence === undefined ? {} : { divergence: rule.divergence }),
  };
}

const byId = new Map(allRules.map((r) => [r.id, r]));

/** The catalogue's entries for these ids, sorted; an id the catalogue lacks is kept with what is known. */
export function rulesInfo(ids: Iterable<string>): RuleInfo[] {
  return [...new Set(ids)].sort().map((id) => {
    const rule = byId.get(id);
    return rule === undefined
      ? {
          id,
          area: 'unknown',
          statement: '(not in this podconform’s catalogue)',
          standing: 'unknown',
          origin: 'unknown',
          sources: [],
        }
      : info(rule);
  });
}

/** Every rule where the documents and the kubelet part ways: the report lists them apart from failures. */
export function documentationDivergences(): RuleInfo[] {
  return allRules.filter((r) => r.divergence !== undefined).map(info);
}
