/**
 * Developer tool: the model's self-check at any size, tallied by rule and violation type with one example each.
 * `npx tsx scripts/self-check.ts [PER_FAMILY=30] [DRAWS=20] [SEED=1] [--cases-only|--generated-only]`
 */
import { caseCorpus, generatedCorpus, selfCheck, type SelfCheckEntry } from '../test/specs/model/self-check-harness.ts';

const [perFamily = 30, draws = 20, seed = 1] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);
const entries: SelfCheckEntry[] = [
  ...(process.argv.includes('--generated-only') ? [] : await caseCorpus()),
  ...(process.argv.includes('--cases-only') ? [] : generatedCorpus(perFamily, seed)),
];
const started = performance.now();
const byClass = new Map<string, { count: number; example: string; where: string }>();
let failedScenarios = 0;
let failedDraws = 0;
for (const entry of entries) {
  const failures = selfCheck(entry, draws, seed);
  if (failures.length > 0) failedScenarios++;
  failedDraws += failures.length;
  const seen = new Set<string>();
  for (const f of failures) {
    for (const v of f.violations) {
      const key = `${v.rule} ${v.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const c = byClass.get(key);
      if (c) c.count++;
      else byClass.set(key, { count: 1, example: v.message, where: `${entry.name} draw ${f.draw}` });
    }
  }
}
for (const [key, c] of [...byClass].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`${String(c.count).padStart(5)}  ${key}\n       ${c.example.slice(0, 300)}\n       ${c.where}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${entries.length} scenarios × ${draws} draws: ${failedScenarios} scenarios and ${failedDraws} draws rejected (${seconds} s)`,
);
