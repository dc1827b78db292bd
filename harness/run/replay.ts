/** The one-line command that replays a run (STYLE practice 13: reproducibility on the first line). */

/** What identifies a run for replay. */
export interface ReplayHeader {
  readonly backend: string;
  readonly seed: number;
  /** fast-check's path to the shrunk counterexample; absent for a run that did not fail */
  readonly path?: string;
  readonly deviations: ReadonlyArray<string>;
  /** `--focus` (or `--rules`, its older name) and `--skip` as given */
  readonly focus?: string;
  readonly skip?: string;
  /** the generator family, when not the default `any` */
  readonly scenarios?: string;
  readonly jitter: boolean;
  /** the sim ran in its realistic mode (`run`'s default); false: `--sim-mode jitter` or `--no-jitter` */
  readonly realistic?: boolean;
  /** options that pick where the backend runs (`--context CTX`, `--cluster NAME`), repeated after `--backend` */
  readonly backendArgs?: ReadonlyArray<string>;
}

/** A word for a POSIX shell. */
// Single quotes keep a shell from expanding anything; a quote inside is closed, escaped and reopened.
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function backendArg(backend: string): string {
  return backend.startsWith('exec:') ? `exec:${shellQuote(backend.slice('exec:'.length))}` : shellQuote(backend);
}

/** `npx podconform run --backend sim --seed S --path P [--deviation D] --runs 1` */
export function replayCommand(header: ReplayHeader): string {
  const parts = [
    'npx podconform run',
    `--backend ${backendArg(header.backend)}`,
    ...(header.backendArgs ?? []).map(shellQuote),
    `--seed ${header.seed}`,
  ];
  if (header.path !== undefined) parts.push(`--path ${shellQuote(header.path)}`);
  if (header.deviations.length > 0) parts.push(`--deviation ${shellQuote(header.deviations.join(','))}`);
  if (header.scenarios !== undefined) parts.push(`--scenarios ${shellQuote(header.scenarios)}`);
  if (header.focus !== undefined) parts.push(`--focus ${shellQuote(header.focus)}`);
  if (header.skip !== undefined) parts.push(`--skip ${shellQuote(header.skip)}`);
  // Only the sim draws latencies from the seed; other backends have no --no-jitter to repeat.
  if (header.backend === 'sim' && !header.jitter) parts.push('--no-jitter');
  else if (header.backend === 'sim' && header.realistic === false) parts.push('--sim-mode jitter');
  if (header.path !== undefined) parts.push('--runs 1');
  return parts.join(' ');
}

/** `npx podconform check FILE --backend B`: judges one case file again on a backend (`model`: the default). */
export function checkReplayCommand(file: string, backend: string, backendArgs: ReadonlyArray<string> = []): string {
  const where = backendArgs.map((a) => ` ${shellQuote(a)}`).join('');
  return `npx podconform check ${shellQuote(file)}${backend === 'model' ? '' : ` --backend ${backendArg(backend)}${where}`}`;
}
