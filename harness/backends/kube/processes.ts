/**
 * Running `kind` and `docker`: execa with `reject: false`, so a failing command is a value (exit code, output),
 * never an exception (STYLE.md 8).
 */
import { execa } from 'execa';

/** What a finished command gave. */
export interface CommandResult {
  readonly ok: boolean;
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** one line for a report: the command and why it failed */
  readonly summary: string;
}

export type RunCommand = (
  file: string,
  args: ReadonlyArray<string>,
  options?: { readonly input?: string; readonly timeoutSeconds?: number },
) => Promise<CommandResult>;

/** The real runner. */
export const runCommand: RunCommand = async (file, args, options = {}) => {
  const result = await execa(file, [...args], {
    reject: false,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    timeout: (options.timeoutSeconds ?? 600) * 1000,
    stripFinalNewline: true,
  });
  const stdout = typeof result.stdout === 'string' ? result.stdout : '';
  const stderr = typeof result.stderr === 'string' ? result.stderr : '';
  const ok = result.exitCode === 0 && !result.timedOut;
  const why = result.timedOut ? 'timed out' : `exit ${result.exitCode ?? result.signal ?? '?'}`;
  const lastLine = stderr.trim().split('\n').pop() ?? '';
  return {
    ok,
    exitCode: result.exitCode,
    stdout,
    stderr,
    summary: `${[file, ...args].join(' ')}: ${why}${lastLine === '' ? '' : `: ${lastLine}`}`,
  };
};
