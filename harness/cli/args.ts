/** A small argument parser: positionals, `--flag`, `--key value` and `--key=value`; unknown options are errors, not guesses. */

export interface ParsedArgs {
  readonly positionals: ReadonlyArray<string>;
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
}

export type ArgsResult =
  { readonly status: 'ok'; readonly args: ParsedArgs } | { readonly status: 'error'; readonly message: string };

export interface ArgsSpec {
  readonly flags: ReadonlyArray<string>;
  readonly values: ReadonlyArray<string>;
}

export function parseArgs(argv: ReadonlyArray<string>, spec: ArgsSpec): ArgsResult {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.flags.includes(name)) {
      if (eq >= 0) return { status: 'error', message: `--${name} takes no value` };
      flags.add(name);
    } else if (spec.values.includes(name)) {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') return { status: 'error', message: `--${name} needs a value` };
      values.set(name, v);
    } else {
      const known = [...spec.flags, ...spec.values].map((k) => `--${k}`).join(', ');
      return { status: 'error', message: `unknown option --${name} (known: ${known || 'none'})` };
    }
  }
  return { status: 'ok', args: { positionals, flags, values } };
}
