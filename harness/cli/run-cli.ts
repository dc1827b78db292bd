/**
 * The `podconform` command line as a function: `main(argv, io, cwd)` returns the exit code and writes only
 * through `io`, so tests can run it in-process. `main.ts` is the thin entry that calls it with the process.
 */
import { benchCommand } from './commands/bench.ts';
import { checkCommand } from './commands/check.ts';
import { deviationsCommand } from './commands/deviations.ts';
import { predictCommand } from './commands/predict.ts';
import { rulesCommand } from './commands/rules.ts';
import { runCommand } from './commands/run.ts';
import { exitCodes, type CliIo } from './io.ts';
import { registerBackends } from './register-backends.ts';

const usage = `podconform — conformance suite for the Kubernetes pod lifecycle

Usage:
  podconform check [FILES|DIRS...] [--backend model|sim|exec:'CMD'] [--tolerance SECONDS] [--json] [--verbose]
      Judge each case's expect block; no argument: the built-in case library.
  podconform predict FILE [--json] [--observe-for 120s] [--delete-at 30s] [--grace 10]
      What a conformant kubelet does with a case file or a plain Pod manifest.
  podconform rules [--json] [--area AREA]
      The lifecycle rules the model implements, with sources and standing.
  podconform run [--backend sim|exec:'CMD'] [--runs N] [--seed S] [--path P] [--rules GLOB]
                 [--deviation NAME] [--scenarios FAMILY] [--no-jitter] [--tolerance SECONDS] [--json] [--out DIR]
      The case library, then generated scenarios: predict, run on the backend, diff; shrinks a failure
      to a minimal case file and prints the replay command first.
  podconform deviations [--json]
      The non-conformances the sim backend can be told to have (run --deviation NAME).
  podconform bench [--json] [--seconds N] [--deviations [--differential]]
      Generated scenarios per second through the whole loop on sim; with --deviations, how long each
      deviation takes to be caught, shrunk and reported.

Exit codes: 0 all passed, 1 a case or property failed, 2 bad input, 3 backend unavailable (or nothing it
observed could be judged), 4 internal error.
`;

type Command = (argv: ReadonlyArray<string>, io: CliIo, cwd: string) => Promise<number> | number;

const commands: Readonly<Record<string, Command>> = {
  check: checkCommand,
  predict: predictCommand,
  rules: rulesCommand,
  run: runCommand,
  deviations: deviationsCommand,
  bench: benchCommand,
};

/** Runs one `podconform` command and returns its exit code; all output goes through `io`. */
export async function main(argv: ReadonlyArray<string>, io: CliIo, cwd: string): Promise<number> {
  registerBackends();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? exitCodes.badInput : exitCodes.ok;
  }
  const command = commands[name];
  if (!command) {
    io.err(
      `podconform: unknown command '${name}' (known: ${Object.keys(commands).join(', ')}); see podconform --help\n`,
    );
    return exitCodes.badInput;
  }
  return command(rest, io, cwd);
}
