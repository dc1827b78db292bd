/**
 * The `podconform` command line as a function: `main(argv, io, cwd)` returns the exit code and writes only
 * through `io`, so tests can run it in-process. `main.ts` is the thin entry that calls it with the process.
 */
import { commandHelp } from './help.ts';
import { exitCodes, type CliIo } from './io.ts';

const usage = `podconform — conformance suite for the Kubernetes pod lifecycle

Usage:
  podconform check [FILES|DIRS...] [--backend model|sim|exec:'CMD'] [--tolerance SECONDS] [--json] [--verbose]
                   [--focus GLOB] [--skip GLOB] [--report DIR] [--rerun-failed results.json]
      Judge each case's expect block; no argument: the built-in case library.
  podconform predict FILE|- [--json] [--html FILE] [--observe-for 120s] [--delete-at 30s] [--grace 10]
      What a conformant kubelet does with each pod of a manifest (Pod, Deployment, Job, … or a
      multi-document stream such as rendered Helm output) or with a case file.
  podconform rules [--json] [--area AREA]
      The lifecycle rules the model implements, with sources and standing.
  podconform run [--backend sim|exec:'CMD'] [--runs N] [--seed S] [--path P] [--rules GLOB]
                 [--deviation NAME] [--scenarios FAMILY] [--workers N] [--sim-mode realistic|jitter|nominal] [--tolerance SECONDS]
                 [--focus GLOB] [--skip GLOB] [--report DIR] [--rerun-failed results.json] [--json] [--out DIR]
      The case library, then generated scenarios: predict, run on the backend, diff; shrinks a failure
      to a minimal case file and prints the replay command first.
  podconform report results.json --out DIR
      Render a report (junit.xml, report.html) again from a results.json, running nothing.
  podconform manifest CASE [--backend kube|podman]
      The Pod a real backend runs for a case, as YAML for kubectl apply -f - (or podman kube play).
  podconform deviations [--json]
      The non-conformances the sim backend can be told to have (run --deviation NAME).
  podconform bench [--json] [--seconds N] [--workers N] [--compare] [--identity N] [--deviations]
      Generated scenarios per second through the whole loop on sim, in one thread and on worker threads;
      with --deviations, how long each deviation takes to be caught, shrunk and reported.

Each command takes --help.

Exit codes: 0 all passed, 1 a case or property failed, 2 bad input, 3 nothing could be judged (the backend could
not run, or observed nothing judgeable), 4 podconform itself failed (a bug, or a report that could not be rendered;
please report it).
`;

type Command = (argv: ReadonlyArray<string>, io: CliIo, cwd: string) => Promise<number> | number;

// Each command is loaded only when called: `podconform rules` never loads fast-check, yaml or the simulator,
// which keeps the start of every command short (the compiled CLI keeps one chunk per command).
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./commands/check.ts')).checkCommand,
  predict: async () => (await import('./commands/predict.ts')).predictCommand,
  rules: async () => (await import('./commands/rules.ts')).rulesCommand,
  run: async () => (await import('./commands/run.ts')).runCommand,
  manifest: async () => (await import('./commands/manifest.ts')).manifestCommand,
  deviations: async () => (await import('./commands/deviations.ts')).deviationsCommand,
  bench: async () => (await import('./commands/bench.ts')).benchCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
};

/** Every command's name, in the order `podconform --help` lists them. */
export const commandNames: ReadonlyArray<string> = Object.keys(commands);

/** Runs one `podconform` command and returns its exit code; all output goes through `io`. */
export async function main(argv: ReadonlyArray<string>, io: CliIo, cwd: string): Promise<number> {
  const [name, ...rest] = argv;
  // `podconform help predict` is `podconform predict --help`
  if (name === 'help' && rest[0] !== undefined) return main([rest[0], '--help'], io, cwd);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? exitCodes.badInput : exitCodes.ok;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(
      `podconform: unknown command '${name}' (known: ${Object.keys(commands).join(', ')}); see podconform --help\n`,
    );
    return exitCodes.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp[name] ?? usage);
    return exitCodes.ok;
  }
  const command = await load();
  return command(rest, io, cwd);
}
