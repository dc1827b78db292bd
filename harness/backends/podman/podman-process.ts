/**
 * Running the podman command: every call ends in a value (its output, a non-zero exit, a timeout, an abort, a
 * missing binary); nothing here throws. execa with `reject: false` (STYLE.md 8).
 */
import { execa } from 'execa';

/** How one podman command ended. */
export type CommandResult =
  | { readonly status: 'ok'; readonly stdout: string; readonly stderr: string }
  | { readonly status: 'failed'; readonly exitCode?: number; readonly stdout: string; readonly stderr: string }
  | { readonly status: 'timedOut' }
  | { readonly status: 'aborted' }
  | { readonly status: 'notFound'; readonly message: string };

/** The podman binary: `PODCONFORM_PODMAN` if set (a wrapper, another path), else `podman` on the PATH. */
export function podmanBinary(): string {
  return process.env['PODCONFORM_PODMAN'] ?? 'podman';
}

export interface CommandOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** A command started in the background: `result` settles when it ends, `kill` ends it early. */
export interface RunningCommand {
  readonly result: Promise<CommandResult>;
  readonly exited: () => boolean;
  readonly kill: () => void;
  /** what it has printed on stdout so far */
  readonly output: () => string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Starts `FILE ARGS` without waiting for it. */
export function startCommand(file: string, args: ReadonlyArray<string>, options: CommandOptions = {}): RunningCommand {
  let done = false;
  let printed = '';
  const child = execa(file, [...args], {
    reject: false,
    stdin: 'ignore',
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.signal === undefined ? {} : { cancelSignal: options.signal }),
    forceKillAfterDelay: 2000,
  });
  child.stdout.on('data', (chunk: Buffer | string) => {
    printed += chunk.toString();
  });
  const result = child.then((r): CommandResult => {
    done = true;
    if (r.code === 'ENOENT') return { status: 'notFound', message: `${file}: command not found` };
    if (r.timedOut) return { status: 'timedOut' };
    if (r.isCanceled) return { status: 'aborted' };
    if (!r.failed) return { status: 'ok', stdout: text(r.stdout), stderr: text(r.stderr) };
    return {
      status: 'failed',
      ...(r.exitCode === undefined ? {} : { exitCode: r.exitCode }),
      stdout: text(r.stdout),
      stderr: text(r.stderr) || text(r.shortMessage),
    };
  });
  return {
    result,
    exited: () => done,
    kill: () => {
      if (!done) child.kill('SIGTERM');
    },
    output: () => printed,
  };
}

/** Starts `podman ARGS` without waiting for it. */
export function startPodman(args: ReadonlyArray<string>, options: CommandOptions = {}): RunningCommand {
  return startCommand(podmanBinary(), args, options);
}

/** Runs `podman ARGS` to its end. */
export function runPodman(args: ReadonlyArray<string>, options: CommandOptions = {}): Promise<CommandResult> {
  return startPodman(args, options).result;
}

/** One line saying how a command that did not succeed ended, for a reason or a notice. */
export function describeResult(args: ReadonlyArray<string>, r: CommandResult): string {
  const command = `podman ${args.join(' ')}`;
  switch (r.status) {
    case 'ok':
      return `${command}: ok`;
    case 'failed': {
      const last = r.stderr.trim().split('\n').filter(Boolean).pop() ?? '';
      return `${command} exited with code ${r.exitCode ?? 'unknown'}${last ? `: ${last}` : ''}`;
    }
    case 'timedOut':
      return `${command} timed out`;
    case 'aborted':
      return `${command} was interrupted`;
    case 'notFound':
      return r.message;
  }
}
