/** The CLI run inside the test's process, as a user would run it from the repository root, with what it printed. */
import { fileURLToPath } from 'node:url';
import { main } from '../../../harness/cli/run-cli.ts';

/** The repository root, the working directory the CLI is given. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What one CLI call printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `podconform ARGV…` with standard output and error captured; not a terminal. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTty: false }, repoRoot);
  return { code, out, err };
}
