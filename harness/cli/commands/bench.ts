/**
 * `podconform bench [--json] [--seconds N] [--deviations [--differential]]`: generated scenarios per second
 * through the whole loop on sim in one process, the time per stage, and with `--deviations` how long each sim
 * deviation takes to be caught, shrunk and reported (`--differential`: counting only the violations the
 * conformant sim does not also show).
 */
import { benchDeviations, benchLoop } from '../../run/bench.ts';
import { parseArgs } from '../args.ts';
import { exitCodes, type CliIo } from '../io.ts';

function ms(n: number): string {
  return `${n.toFixed(3)} ms`;
}

/** Prints `{"scenariosPerSecond": x}` (and per-stage and per-deviation figures). */
export async function benchCommand(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { flags: ['json', 'deviations', 'differential'], values: ['seconds', 'seed'] });
  if (parsed.status === 'error') {
    io.err(`podconform bench: ${parsed.message}\n`);
    return exitCodes.badInput;
  }
  const { args } = parsed;
  const secondsText = args.values.get('seconds') ?? '5';
  const seconds = Number(secondsText);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    io.err(`podconform bench: --seconds must be a positive number, got '${secondsText}'\n`);
    return exitCodes.badInput;
  }
  const seedText = args.values.get('seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    io.err(`podconform bench: --seed must be a whole number, got '${seedText ?? ''}'\n`);
    return exitCodes.badInput;
  }
  const loop = benchLoop(seconds, seed);
  const deviations = args.flags.has('deviations')
    ? await benchDeviations({
        ...(seed === undefined ? {} : { seed }),
        differential: args.flags.has('differential'),
      })
    : undefined;
  if (args.flags.has('json')) {
    io.out(
      `${JSON.stringify({
        scenariosPerSecond: Math.round(loop.scenariosPerSecond * 10) / 10,
        scenarios: loop.scenarios,
        msPerScenario: loop.msPerScenario,
        ...(deviations === undefined ? {} : { deviations }),
      })}\n`,
    );
    return exitCodes.ok;
  }
  const t = loop.msPerScenario;
  io.out(
    `${Math.round(loop.scenariosPerSecond)} scenarios/s (${loop.scenarios} in ${loop.seconds.toFixed(1)} s, one process)\n` +
      `  per scenario: generate ${ms(t.generate)}, predict ${ms(t.predict)}, simulate ${ms(t.simulate)}, diff ${ms(t.diff)}\n`,
  );
  if (deviations !== undefined) {
    const how = args.flags.has('differential')
      ? 'only violations the conformant sim does not show count'
      : 'run --deviation NAME --runs 300';
    io.out(`Deviations (${how}):\n`);
    for (const d of deviations) {
      const when =
        d.msToFailure === undefined
          ? 'NOT CAUGHT'
          : `caught after ${d.runs} runs in ${Math.round(d.msToFailure)} ms, ${d.shrinks ?? 0} shrinks`;
      io.out(
        `  ${d.name.padEnd(38)} ${when}, reported in ${Math.round(d.msTotal)} ms  [${d.violatedRules.join(', ')}]\n`,
      );
    }
  }
  return exitCodes.ok;
}
