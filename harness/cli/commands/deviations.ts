/** `podconform deviations [--json]`: the non-conformances the sim backend can be told to have (`run --deviation`). */
import { simDeviations } from '../../backends/sim/index.ts';
import { parseArgs } from '../args.ts';
import { exitCodes, type CliIo } from '../io.ts';

/** Lists every sim deviation with the rule it breaks. */
export function deviationsCommand(argv: ReadonlyArray<string>, io: CliIo): number {
  const parsed = parseArgs(argv, { flags: ['json'], values: [] });
  if (parsed.status === 'error') {
    io.err(`podconform deviations: ${parsed.message}\n`);
    return exitCodes.badInput;
  }
  const list = simDeviations.map(({ name, rule, description }) => ({ name, rule, description }));
  if (parsed.args.flags.has('json')) {
    io.out(`${JSON.stringify(list)}\n`);
    return exitCodes.ok;
  }
  const width = Math.max(...list.map((d) => d.name.length));
  for (const d of list) io.out(`${d.name.padEnd(width)}  ${d.rule}\n${' '.repeat(width)}  ${d.description}\n`);
  return exitCodes.ok;
}
