/**
 * `podconform bench`: generated scenarios per second through the whole loop on sim — in one thread, then on
 * worker threads — with the time per stage; `--compare` measures the judging variants side by side; `--identity N`
 * counts verdict differences between them; `--deviations` times each sim deviation to caught, shrunk and reported.
 */
import { availableParallelism } from 'node:os';
import { benchDeviations, benchLoop, combineLoops, type LoopBench } from '../../run/bench.ts';
import { compareNominalFirst } from '../../run/nominal-first-identity.ts';
import { benchOnPool, WorkerPool } from '../../run/parallel.ts';
import { freshSeed } from '../../run/property.ts';
import { simDeviations } from '../../backends/sim/index.ts';
import { parseArgs } from '../args.ts';
import { exitCodes, type CliIo } from '../io.ts';

/** The speed goals (issue 6), printed beside the figures: a bench reports, it never fails on speed. */
const goals = { oneThread: 3000, workers: 5000 };

function ms(n: number): string {
  return `${n.toFixed(3)} ms`;
}

function loopLine(label: string, loop: LoopBench, goal?: number): string {
  const t = loop.msPerScenario;
  const against = goal === undefined ? '' : ` (goal ${goal}/s)`;
  return (
    `${label}: ${Math.round(loop.scenariosPerSecond)} scenarios/s${against} — ${loop.scenarios} in ${loop.seconds.toFixed(1)} s\n` +
    `  per scenario: generate ${ms(t.generate)}, simulate ${ms(t.simulate)}, judge (predict + diff) ${ms(t.judge)}\n`
  );
}

function rounded(loop: LoopBench): LoopBench & { readonly scenariosPerSecond: number } {
  return { ...loop, scenariosPerSecond: Math.round(loop.scenariosPerSecond * 10) / 10 };
}

/**
 * Both judging variants in alternating slices of one second each (after one warm-up slice of each, and in
 * alternating order), so that whatever else the machine does falls on both alike. Each slice starts a seed afresh,
 * so it weighs the small scenarios fast-check draws first more than a long run does: compare, do not quote.
 */
function compareVariants(
  seconds: number,
  seed: number,
): { readonly full: LoopBench; readonly nominalFirst: LoopBench } {
  const full: LoopBench[] = [];
  const nominalFirst: LoopBench[] = [];
  benchLoop(1, seed, { nominalFirst: false });
  benchLoop(1, seed, { nominalFirst: true });
  const slices = Math.max(1, Math.round(seconds));
  for (let i = 0; i < slices; i++) {
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const first of order) {
      const loop = benchLoop(1, seed + i, { nominalFirst: first });
      (first ? nominalFirst : full).push(loop);
    }
  }
  const sum = (loops: LoopBench[]): LoopBench => {
    const c = combineLoops(loops);
    const totalSeconds = loops.reduce((s, l) => s + l.seconds, 0);
    return { ...c, seconds: totalSeconds, scenariosPerSecond: totalSeconds > 0 ? c.scenarios / totalSeconds : 0 };
  };
  return { full: sum(full), nominalFirst: sum(nominalFirst) };
}

/** Prints the loop's throughput (and per-stage, per-variant and per-deviation figures); exit 0, or 2 on bad input. */
export async function benchCommand(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ['json', 'deviations', 'differential', 'compare'],
    values: ['seconds', 'seed', 'workers', 'identity'],
  });
  const bad = (message: string): number => {
    io.err(`podconform bench: ${message}\n`);
    return exitCodes.badInput;
  };
  if (parsed.status === 'error') return bad(parsed.message);
  const { args } = parsed;
  if (args.positionals.length > 0) return bad(`unexpected argument '${args.positionals[0] ?? ''}'`);
  const secondsText = args.values.get('seconds') ?? '5';
  const seconds = Number(secondsText);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    return bad(`--seconds must be a positive number, got '${secondsText}'`);
  }
  const seedText = args.values.get('seed');
  const seed = seedText === undefined ? freshSeed() : Number(seedText);
  if (!Number.isSafeInteger(seed)) return bad(`--seed must be a whole number, got '${seedText ?? ''}'`);
  const workersText = args.values.get('workers');
  const workers = workersText === undefined ? availableParallelism() : Number(workersText);
  if (!Number.isSafeInteger(workers) || workers < 1) {
    return bad(`--workers must be a whole number >= 1, got '${workersText ?? ''}'`);
  }
  const identityText = args.values.get('identity');
  const identity = identityText === undefined ? undefined : Number(identityText);
  if (identity !== undefined && (!Number.isSafeInteger(identity) || identity < 1)) {
    return bad(`--identity must be a whole number >= 1, got '${identityText ?? ''}'`);
  }
  const json = args.flags.has('json');

  if (identity !== undefined) return identityBench(identity, seed, json, io);

  const result: Record<string, unknown> = {};
  const text: string[] = [];
  if (args.flags.has('compare')) {
    const { full, nominalFirst } = compareVariants(seconds, seed);
    result['variants'] = { full: rounded(full), nominalFirst: rounded(nominalFirst) };
    text.push(`Side by side, one thread, alternating 1 s slices (seed ${seed}):\n`);
    text.push(loopLine('  full prediction', full));
    text.push(loopLine('  nominal first  ', nominalFirst));
  } else {
    const one = benchLoop(seconds, seed, { nominalFirst: true });
    Object.assign(result, rounded(one));
    text.push(loopLine('one thread', one, goals.oneThread));
    if (workers > 1) {
      const pool = new WorkerPool(workers);
      try {
        const loops = await benchOnPool(pool, seconds, seed, true);
        const all = combineLoops(loops);
        result['workers'] = { threads: workers, ...rounded(all) };
        text.push(loopLine(`${workers} worker threads`, all, goals.workers));
      } finally {
        await pool.close();
      }
    }
  }
  if (args.flags.has('deviations')) {
    const deviations = await benchDeviations({ seed, differential: args.flags.has('differential') });
    result['deviations'] = deviations;
    const how = args.flags.has('differential')
      ? 'caught only by a violation of a rule the deviation breaks, on a scenario the conformant sim passes'
      : 'run --deviation NAME --runs 300';
    text.push(`Deviations (${how}):\n`);
    for (const d of deviations) {
      const when =
        d.msToFailure === undefined
          ? 'NOT CAUGHT'
          : `caught after ${d.runs} runs in ${Math.round(d.msToFailure)} ms, ${d.shrinks ?? 0} shrinks`;
      text.push(
        `  ${d.name.padEnd(38)} ${when}, reported in ${Math.round(d.msTotal)} ms  [${d.violatedRules.join(', ')}]\n`,
      );
    }
  }
  io.out(json ? `${JSON.stringify(result)}\n` : text.join(''));
  return exitCodes.ok;
}

/** `--identity N`: N conformant scenarios and N per deviation, each judged both ways; exit 1 if any verdict differs. */
function identityBench(n: number, seed: number, json: boolean, io: CliIo): number {
  const runs = [[], ...simDeviations.map((d) => [d.name])].map((deviations) => ({
    deviations,
    report: compareNominalFirst(n, seed, deviations),
  }));
  const scenarios = runs.reduce((s, r) => s + r.report.scenarios, 0);
  const shortcut = runs.reduce((s, r) => s + r.report.shortcut, 0);
  const different = runs.flatMap((r) => r.report.different.map((d) => ({ deviations: r.deviations, ...d })));
  if (json) {
    io.out(`${JSON.stringify({ seed, scenarios, shortcut, different })}\n`);
  } else {
    io.out(
      `Nominal-first against full prediction (seed ${seed}): ${scenarios} scenarios (${n} conformant, ${n} per deviation), ` +
        `${shortcut} judged on the nominal prediction alone, ${different.length} verdicts differ\n`,
    );
    for (const d of different.slice(0, 10)) {
      io.out(
        `  ${d.deviations.join(',') || 'conformant'} ${d.scenarioId}: full ${d.full} / nominal first ${d.nominalFirst}\n`,
      );
    }
  }
  // A difference means the shortcut changed a verdict: that is a failure of the check, not a speed figure.
  return different.length > 0 ? exitCodes.failed : exitCodes.ok;
}
