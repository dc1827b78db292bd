import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiRules } from '../../../specs/rules/api.ts';
import { credentialRules } from '../../../specs/rules/credentials.ts';
import { environmentRules } from '../../../specs/rules/environment.ts';
import { eventRules } from '../../../specs/rules/events.ts';
import { hookRules } from '../../../specs/rules/hooks.ts';
import { imageRules } from '../../../specs/rules/images.ts';
import type { Rule, RuleArea } from '../../../specs/rules/index.ts';
import { allRules, isRuleId, ruleAreas, ruleById, ruleIdPattern } from '../../../specs/rules/index.ts';
import { initRules } from '../../../specs/rules/init.ts';
import { probeRules } from '../../../specs/rules/probes.ts';
import { pullRules } from '../../../specs/rules/pulls.ts';
import { restartRules } from '../../../specs/rules/restart.ts';
import { runRules } from '../../../specs/rules/run.ts';
import { runtimeClassRules } from '../../../specs/rules/runtime-class.ts';
import { sidecarRules } from '../../../specs/rules/sidecars.ts';
import { statusRules } from '../../../specs/rules/status.ts';
import { terminationRules } from '../../../specs/rules/termination.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sharedDir = resolve(repoRoot, '../shared');
const rulesMdPath = resolve(sharedDir, 'RULES.md');
const seedsDir = resolve(sharedDir, 'seeds');

/** The 136 ids of shared/RULES.md, checked in so the catalogue test runs without ../shared. */
const rulesMdIds: ReadonlyArray<string> = readFileSync(
  fileURLToPath(new URL('fixtures/rules-md-ids.txt', import.meta.url)),
  'utf8',
)
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '');

/** The kubelet ids the reference model refers to; renaming one breaks the model. */
const idsTheModelNeeds: ReadonlyArray<string> = [
  'kubelet.sync.status-before-actions',
  'kubelet.sync.pleg-relist',
  'kubelet.sync.error-requeue',
  'kubelet.sync.relist-before-termination',
  'kubelet.start.serial',
  'kubelet.start.events',
  'kubelet.poststart.failure-kill',
  'kubelet.init.never-failure-kills-pod',
  'kubelet.sidecar.start-gate',
  'kubelet.sidecar.restart-any-exit',
  'kubelet.sidecar.termination-order',
  'kubelet.restart.should-restart',
  'kubelet.backoff.sequence',
  'kubelet.backoff.event',
  'kubelet.backoff.reset',
  'kubelet.backoff.first-restart-immediate',
  'kubelet.image.pull-backoff',
  'kubelet.image.never-pull',
  'kubelet.image.present',
  'kubelet.image.serial-within-pod',
  'kubelet.grace.effective',
  'kubelet.grace.minimum',
  'kubelet.grace.prestop-bounded',
  'kubelet.grace.probe-override',
  'kubelet.kill.only-running',
  'kubelet.kill.parallel',
  'kubelet.kill.whole-pod-never',
  'kubelet.probe.worker-ticks',
  'kubelet.probe.initial-delay',
  'kubelet.probe.startup-gates',
  'kubelet.probe.threshold',
  'kubelet.probe.liveness-kill',
  'kubelet.probe.startup-kill',
  'kubelet.probe.readiness',
  'kubelet.probe.stop-on-delete',
  'kubelet.probe.unhealthy-event',
  'kubelet.status.not-refreshed-while-terminating',
  'kubelet.status.reason-cache',
  'kubelet.status.container-state',
  'kubelet.phase.get-phase',
  'kubelet.phase.terminal-on-delete',
  'kubelet.status-column.print-pod',
  'kubelet.conditions.generate',
  'kubelet.api.force-delete',
  'kubelet.api.gone-after-terminated',
  'kubelet.sandbox.runtime-class',
  'kubelet.deadline.active-deadline',
  'kubelet.process.exit-codes',
  'kubelet.pod.created',
  'kubelet.api.delete',
];

const modules: ReadonlyArray<readonly [RuleArea, ReadonlyArray<Rule>]> = [
  ['images', imageRules],
  ['pulls', pullRules],
  ['init', initRules],
  ['run', runRules],
  ['hooks', hookRules],
  ['probes', probeRules],
  ['termination', terminationRules],
  ['restart', restartRules],
  ['sidecars', sidecarRules],
  ['status', statusRules],
  ['events', eventRules],
  ['runtime-class', runtimeClassRules],
  ['credentials', credentialRules],
  ['environment', environmentRules],
  ['api', apiRules],
];

const documentRules = allRules.filter((rule) => rule.origin === 'documents');
const kubeletRules = allRules.filter((rule) => rule.origin === 'kubelet');

describe('the rule catalogue', () => {
  it('has unique ids made of dotted kebab-case segments', () => {
    const ids = allRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(ruleIdPattern);
  });

  it('is exactly the concatenation of the area modules, each holding only its own area', () => {
    expect(modules.map(([area]) => area)).toEqual(ruleAreas);
    expect(allRules).toEqual(modules.flatMap(([, rules]) => rules));
    for (const [area, rules] of modules) {
      expect(rules.length, area).toBeGreaterThan(0);
      for (const rule of rules) expect(rule.area, rule.id).toBe(area);
    }
  });

  it('looks rules up by id', () => {
    expect(ruleById('init.sequential')?.area).toBe('init');
    expect(ruleById('no.such-rule')).toBeUndefined();
    expect(isRuleId('cred.glob-label-count')).toBe(true);
    expect(isRuleId('cred.glob')).toBe(false);
  });

  it('gives every rule a statement, at least one source, and a reason for any standing but firm', () => {
    for (const rule of allRules) {
      expect(rule.statement.trim().length, rule.id).toBeGreaterThan(10);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      if (rule.standing !== 'firm') expect(rule.standingNote?.trim() ?? '', rule.id).not.toBe('');
      for (const source of rule.sources) {
        if (source.type === 'document') {
          expect(source.file, rule.id).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
          expect(source.quote.trim(), rule.id).not.toBe('');
        } else {
          expect(source.section, rule.id).toMatch(/^(KUBELET-FACTS §\d+(\.\d+)?|Corrections \d+)$/);
          expect(source.code.trim(), rule.id).not.toBe('');
        }
      }
    }
  });

  it('keeps document rules quoted from the documents and kubelet rules cited from KUBELET-FACTS', () => {
    for (const rule of documentRules) {
      expect(rule.id.startsWith('kubelet.'), rule.id).toBe(false);
      expect(
        rule.sources.some((source) => source.type === 'document'),
        rule.id,
      ).toBe(true);
    }
    for (const rule of kubeletRules) {
      expect(rule.id.startsWith('kubelet.'), rule.id).toBe(true);
      expect(
        rule.sources.every((source) => source.type === 'kubelet'),
        rule.id,
      ).toBe(true);
      expect(rule.divergence, rule.id).toBeUndefined();
    }
  });

  it('backs every divergence with a KUBELET-FACTS citation', () => {
    const diverging = allRules.filter((rule) => rule.divergence !== undefined);
    expect(diverging.length).toBeGreaterThan(5);
    for (const rule of diverging) {
      expect(
        rule.sources.some((source) => source.type === 'kubelet'),
        rule.id,
      ).toBe(true);
      expect(rule.divergence?.documented.trim(), rule.id).not.toBe('');
      expect(rule.divergence?.kubelet.trim(), rule.id).not.toBe('');
    }
  });

  it('marks the known contradictions as divergences', () => {
    for (const id of [
      'term.grace-zero-skips-prestop',
      'status.poststart-fail-never-completed',
      'rtc.unknown-fails',
      'term.prestop-hang-killed-at-grace',
      'pull.default-ifnotpresent-blanket',
      'events.failed-poststart',
    ]) {
      expect(ruleById(id)?.divergence, id).toBeDefined();
    }
  });

  it('holds every rule of RULES.md (checked-in list) as a document rule, and no other document rule', () => {
    expect(rulesMdIds).toHaveLength(136);
    expect(new Set(rulesMdIds).size).toBe(136);
    for (const id of rulesMdIds) expect(ruleById(id)?.origin, id).toBe('documents');
    expect(documentRules.map((rule) => rule.id).sort()).toEqual([...rulesMdIds].sort());
  });

  it('holds every kubelet rule the model refers to', () => {
    for (const id of idsTheModelNeeds) expect(ruleById(id)?.origin, id).toBe('kubelet');
  });

  it('covers the kubelet topics RULES.md lacks', () => {
    const prefixes = [
      'kubelet.sidecar.',
      'kubelet.backoff.',
      'kubelet.grace.',
      'kubelet.kill.',
      'kubelet.probe.',
      'kubelet.phase.',
      'kubelet.status.',
      'kubelet.conditions.',
      'kubelet.image.',
      'kubelet.api.',
    ];
    for (const prefix of prefixes) {
      expect(
        kubeletRules.some((rule) => rule.id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });
});

interface RulesMdEntry {
  readonly id: string;
  readonly statement: string;
  readonly standing: string;
  readonly quotes: ReadonlyArray<{ readonly file: string; readonly quote: string }>;
}

function parseRulesMd(text: string): ReadonlyArray<RulesMdEntry> {
  const entries: RulesMdEntry[] = [];
  for (const block of text.split(/^### /m).slice(1)) {
    const id = /^`([^`]+)`/.exec(block)?.[1];
    if (id === undefined) continue;
    const statement = /^\*\*Rule\.\*\* (.*)$/m.exec(block)?.[1] ?? '';
    const standing = /^- \*\*Standing:\*\* (.*)$/m.exec(block)?.[1] ?? '';
    const sourceLine = /^- \*\*Source:\*\* (.*)$/m.exec(block)?.[1] ?? '';
    // Sources read `file`: "quote"; `file`: "quote" and a quote may itself hold double quotes.
    const quotes = sourceLine.split(/; (?=`[0-9a-f_]+\.txt`: ")/).map((part) => {
      const match = /^`([^`]+)`: "(.*)"$/.exec(part);
      return { file: match?.[1] ?? '', quote: match?.[2] ?? '' };
    });
    entries.push({ id, statement, standing, quotes });
  }
  return entries;
}

/** What RULES.md's mechanical quote check did: drop markdown markup, fold whitespace and typographic quotes. */
function normalise(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_\\]/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe.runIf(existsSync(rulesMdPath))('the catalogue against shared/RULES.md', () => {
  const entries = existsSync(rulesMdPath) ? parseRulesMd(readFileSync(rulesMdPath, 'utf8')) : [];

  it('has the same ids as RULES.md and the checked-in list', () => {
    expect(entries.map((entry) => entry.id)).toEqual(rulesMdIds);
  });

  it('keeps every RULES.md quote verbatim and restates every rule', () => {
    for (const entry of entries) {
      const rule = ruleById(entry.id);
      expect(rule, entry.id).toBeDefined();
      if (rule === undefined) continue;
      const quotes = rule.sources.flatMap((source) => (source.type === 'document' ? [source] : []));
      for (const { file, quote } of entry.quotes) {
        expect(quotes, entry.id).toContainEqual({ type: 'document', file, quote });
      }
      expect(rule.statement, entry.id).not.toBe(entry.statement);
    }
  });

  it('takes the standing from RULES.md', () => {
    for (const entry of entries) {
      const declared = /^(firm|vague|version-dependent|disputed|inferred)/.exec(entry.standing)?.[1];
      const rule = ruleById(entry.id);
      // RULES.md writes these two as "firm (examples); ... vague" and counts them as vague in its summary.
      const expected = /^firm \(examples\); \w+ vague/.test(entry.standing) ? 'vague' : declared;
      expect(rule?.standing, entry.id).toBe(expected);
    }
  });

  it('matches the non-firm counts of the RULES.md summary', () => {
    const text = readFileSync(rulesMdPath, 'utf8');
    const line = /Rules not marked firm: (.*?)\./.exec(text)?.[1] ?? '';
    for (const part of line.split(', ')) {
      const [standing, count] = part.split(' ');
      expect(documentRules.filter((rule) => rule.standing === standing).length, part).toBe(Number(count));
    }
  });
});

describe.runIf(existsSync(seedsDir))('document quotes against the seed texts', () => {
  it('finds every quote in its seed file', () => {
    const seeds = new Map(
      readdirSync(seedsDir).map((file) => [file, normalise(readFileSync(resolve(seedsDir, file), 'utf8'))]),
    );
    for (const rule of allRules) {
      for (const source of rule.sources) {
        if (source.type !== 'document') continue;
        expect(seeds.get(source.file) ?? '', `${rule.id}: ${source.quote}`).toContain(normalise(source.quote));
      }
    }
  });
});
