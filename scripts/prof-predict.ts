/** Developer tool: times predict() over generated scenarios (run with --cpu-prof to profile). */
import fc from 'fast-check';
import { scenario } from '../generators/index.ts';
import { predict } from '../specs/model/index.ts';

const scenarios = fc.sample(scenario(), { seed: 5, numRuns: Number(process.argv[2] ?? 600) });
const t0 = performance.now();
for (const s of scenarios) predict(s);
console.log(`${((performance.now() - t0) / scenarios.length).toFixed(3)} ms per predict`);
