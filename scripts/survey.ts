/**
 * Developer tool: runs N generated scenarios on the conformant sim (no jitter), tallies the model/sim
 * violations by rule and type, and writes one example case per rule to DIR.
 * `npx tsx scripts/survey.ts [N] [SEED] [DIR] [--jitter|--realistic]` (--jitter: node-like latencies; --realistic:
 * the sim's realistic mode, a node of its own with its own names, texts and overheads)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { scenario } from '../generators/index.ts';
import { writeCase } from '../harness/cases/index.ts';
import { simulate } from '../harness/backends/sim/index.ts';
import { judgeOutcome } from '../harness/run/judge.ts';

const runs = Number(process.argv[2] ?? 500);
const seed = Number(process.argv[3] ?? 1);
const dir = process.argv[4] ?? '/tmp/survey';
const jitter = process.argv.includes('--jitter');
const realistic = process.argv.includes('--realistic');
mkdirSync(dir, { recursive: true });
const scenarios = fc.sample(scenario(), { seed, numRuns: runs });
const byRule = new Map<string, { count: number; example: string; file: string }>();
let failed = 0;
for (const [i, s] of scenarios.entries()) {
  const outcome = simulate(
    s,
    realistic
      ? { realistic: true, seed: seed * 100_003 + i }
      : jitter
        ? { jitter: true, seed: seed * 100_003 + i }
        : { jitter: false },
  );
  const result = judgeOutcome(s, outcome, { toleranceSeconds: () => 0 });
  if (result.verdict.status !== 'fail') continue;
  failed++;
  const seen = new Set<string>();
  for (const v of result.verdict.violations) {
    const key = `${v.rule} ${v.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = byRule.get(key);
    if (entry) entry.count++;
    else {
      const file = join(dir, `${byRule.size}-${v.rule}.case.yaml`);
      writeFileSync(file, writeCase({ scenario: { ...s, id: `survey-${i}` } }));
      byRule.set(key, { count: 1, example: v.message, file });
    }
  }
}
for (const [key, e] of [...byRule].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`${String(e.count).padStart(5)}  ${key}\n       ${e.example.slice(0, 300)}\n       ${e.file}`);
}
console.log(`${failed} of ${runs} scenarios disagree`);
