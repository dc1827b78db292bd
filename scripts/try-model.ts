/**
 * Developer tool: runs the shared cases (or those whose file name contains ARG) on the model and, for a
 * single case, prints its nominal timeline, final state and Events. `npx tsx scripts/try-model.ts [ARG]`
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCaseText } from '../harness/cases/index.ts';
import { evaluateExpectation } from '../harness/diff/evaluate-expectation.ts';
import { nominalObservation, predict } from '../specs/model/index.ts';

const shared = fileURLToPath(new URL('../../shared/cases/', import.meta.url));
const dirs = ['docs', 'k8s-e2e'].map((d) => join(shared, d)).filter((d) => existsSync(d));
const only = process.argv[2];
let pass = 0;
let fail = 0;
for (const dir of dirs) {
  for (const file of readdirSync(dir)
    .filter((x) => x.endsWith('.case.yaml'))
    .sort()) {
    if (only && !file.includes(only)) continue;
    const loaded = loadCaseText(readFileSync(join(dir, file), 'utf8'), file);
    if (loaded.status !== 'ok') {
      console.log('LOAD', file, JSON.stringify(loaded.problems));
      fail++;
      continue;
    }
    const observation = nominalObservation(predict(loaded.caseFile.scenario));
    const verdict = evaluateExpectation(loaded.caseFile.expect, observation);
    if (verdict.status === 'pass') pass++;
    else {
      fail++;
      console.log('FAIL', file);
      for (const e of verdict.entries.filter((x) => x.status !== 'pass')) console.log('   ', e.expect, '::', e.message);
    }
    if (only) {
      for (const p of observation.points) console.log('  ', p.t.toFixed(3), p.point);
      console.log(JSON.stringify(observation.final));
      for (const e of observation.events ?? []) console.log('   ev', e.t?.toFixed(2), e.reason, e.container, e.message);
    }
  }
}
console.log(`${pass} passed, ${fail} failed`);
