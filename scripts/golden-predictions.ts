/**
 * Developer tool: a golden-equality guard for optimising the reference model. It predicts a fixed corpus (every
 * `*.case.yaml` under ../shared/cases and specs/cases, plus 2,000 generated scenarios with seed 11) and either
 * writes a digest of every prediction or checks the current model against one. Not wired into any test or CI
 * step: run it by hand before and after a change that must not alter a single prediction.
 *
 *   npx tsx scripts/golden-predictions.ts --write /tmp/golden.json   (on the commit you trust)
 *   npx tsx scripts/golden-predictions.ts --check /tmp/golden.json   (after each change; exit 1 on a difference)
 *
 * The digest holds a SHA-256 per scenario of its prediction's JSON, and the full JSON of every prediction so the
 * first difference can be shown field by field.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { scenario } from '../generators/index.ts';
import { findCaseFiles, loadCaseFile } from '../harness/cases/index.ts';
import { predict } from '../specs/model/index.ts';
import type { Scenario } from '../specs/vocabulary/index.ts';

interface Golden {
  readonly entries: ReadonlyArray<{
    readonly key: string;
    /** digest of the scenario itself, so a corpus that moved (e.g. a generator change) is told from a model change */
    readonly scenarioHash: string;
    readonly hash: string;
    readonly json: string;
  }>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const caseDirs = [fileURLToPath(new URL('../../shared/cases', import.meta.url)), `${root}specs/cases`];

/** The corpus, each scenario under a stable key: case files by path, generated scenarios by index. */
async function corpus(): Promise<Array<{ key: string; scenario: Scenario }>> {
  const out: Array<{ key: string; scenario: Scenario }> = [];
  const { files, problems } = await findCaseFiles(caseDirs);
  for (const p of problems) console.error(`warning: ${p.file}: ${p.message}`);
  for (const file of files) {
    const loaded = await loadCaseFile(file);
    if (loaded.status !== 'ok') {
      console.error(`warning: ${file} does not load; left out`);
      continue;
    }
    out.push({ key: `case:${relative(root, file)}`, scenario: loaded.caseFile.scenario });
  }
  fc.sample(scenario(), { seed: 11, numRuns: 2000 }).forEach((s, i) => out.push({ key: `gen:${i}`, scenario: s }));
  return out;
}

/** The prediction as JSON; a model that throws is recorded as its error, so a change in what throws is caught too. */
function predictionJson(s: Scenario): string {
  try {
    return JSON.stringify(predict(s));
  } catch (error) {
    return JSON.stringify({ threw: error instanceof Error ? error.message : String(error) });
  }
}

function digest(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** The first path at which two JSON values differ, with both sides, for a readable report. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}\n  golden:  ${JSON.stringify(a)}\n  current: ${JSON.stringify(b)}`;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join(',') !== kb.join(',') && !Array.isArray(a)) {
    return `${path} keys\n  golden:  ${ka.join(', ')}\n  current: ${kb.join(', ')}`;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return `${path} length golden ${a.length}, current ${b.length}; first extra: ${JSON.stringify(a.length > b.length ? a[b.length] : b[a.length])}`;
  }
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

async function main(): Promise<number> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== '--write' && mode !== '--check') || !file) {
    console.error('usage: golden-predictions.ts --write FILE | --check FILE');
    return 2;
  }
  const items = await corpus();
  if (mode === '--write') {
    const entries = items.map(({ key, scenario: s }) => {
      const json = predictionJson(s);
      return { key, scenarioHash: digest(JSON.stringify(s)), hash: digest(json), json };
    });
    writeFileSync(file, JSON.stringify({ entries } satisfies Golden));
    console.log(`wrote ${entries.length} predictions to ${file}`);
    return 0;
  }
  const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
  const keys = items.map((x) => x.key);
  const goldenKeys = golden.entries.map((x) => x.key);
  if (keys.join('\n') !== goldenKeys.join('\n')) {
    console.error(`corpus differs from the golden (${keys.length} now, ${goldenKeys.length} in ${file})`);
    return 1;
  }
  for (const [i, { key, scenario: s }] of items.entries()) {
    const json = predictionJson(s);
    const want = golden.entries[i];
    if (want && digest(json) === want.hash) continue;
    if (want && want.scenarioHash !== digest(JSON.stringify(s))) {
      console.error(`the scenario ${key} itself differs from the golden's: the corpus moved (generators or cases),`);
      console.error('so write the golden again from the model you trust');
      return 1;
    }
    console.error(`DIFFERENT prediction for ${key} (scenario ${s.id}):`);
    console.error(
      firstDifference(JSON.parse(want?.json ?? 'null'), JSON.parse(json)) ?? '(same value, different JSON)',
    );
    return 1;
  }
  console.log(`${items.length} predictions identical to ${file}`);
  return 0;
}

process.exitCode = await main();
