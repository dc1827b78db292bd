import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCaseText } from '/work/main/harness/cases/load-case.ts';
import { predict, nominalObservation } from '/work/main/specs/model/index.ts';
import { evaluateExpectation } from '/work/main/harness/diff/evaluate-expectation.ts';
const dirs = ['/work/shared/cases/docs', '/work/shared/cases/k8s-e2e'];
let pass = 0,
  fail = 0;
const only = process.argv[2];
for (const d of dirs)
  for (const f of readdirSync(d)
    .filter((x) => x.endsWith('.case.yaml'))
    .sort()) {
    if (only && !f.includes(only)) continue;
    const r = loadCaseText(readFileSync(join(d, f), 'utf8'), f);
    if (r.status !== 'ok') {
      console.log('LOAD', f, JSON.stringify(r.problems).slice(0, 300));
      fail++;
      continue;
    }
    try {
      const p = predict(r.caseFile.scenario);
      const obs = nominalObservation(p);
      const v = evaluateExpectation(r.caseFile.expect, obs);
      if (v.status === 'pass') pass++;
      else {
        fail++;
        console.log('FAIL', f);
        for (const e of v.entries.filter((e) => e.status !== 'pass')) console.log('   ', e.expect, '::', e.message);
      }
      if (only) {
        for (const pt of obs.points) console.log('  ', pt.t.toFixed(3), pt.point);
        console.log(JSON.stringify(obs.final, null, 0));
        for (const e of obs.events ?? []) console.log('   ev', e.t?.toFixed(2), e.reason, e.container, e.message);
      }
    } catch (e) {
      fail++;
      console.log('CRASH', f, (e as Error).stack?.split('\n').slice(0, 6).join('\n'));
    }
  }
console.log(`${pass} passed, ${fail} failed`);
