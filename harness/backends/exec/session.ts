/**
 * One running COMMAND of an exec: backend: lines in on stdin, lines out on stdout, stderr kept. Every
 * wait ends in a value (a line, the command's exit, a timeout, an abort); nothing here throws.
 */
import { spawn as spawnProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/** What came back for one request. */
export type Reply =
  | { readonly type: 'line'; readonly line: string }
  | { readonly type: 'exited'; readonly how: string }
  | { readonly type: 'timeout' }
  | { readonly type: 'aborted' };

// Kept per session so a chatty command cannot grow memory without bound; the tail is what explains a crash.
const stderrLimitChars = 64_000;

// node:child_process rather than a wrapper package: loading one costs a tenth of a second on every CLI start.
function spawn(command: string, cwd: string | undefined): ChildProcessWithoutNullStreams {
  // detached: the command runs in its own process group, so a kill reaches what the shell started too.
  return spawnProcess(command, { shell: true, detached: true, stdio: 'pipe', cwd: cwd ?? process.cwd() });
}

/**
 * How the command ended, once it has exited and its output streams are closed (so every line it printed has
 * been read first); `could not be started` when the spawn itself failed.
 */
function whenDone(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve) => {
    child.once('error', (error) => {
      // An error after a successful spawn (a failed kill) is not an exit; 'close' still follows.
      if (child.pid === undefined) resolve(`could not be started: ${error.message}`);
    });
    child.once('close', (code, signal) => {
      resolve(signal ? `was killed by ${signal}` : `exited with code ${code ?? 'unknown'}`);
    });
  });
}

/** A started command; `start` never throws, a command that cannot start shows up as an `exited` reply. */
export class ExecSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private waiter: ((line: string | undefined) => void) | undefined;
  private stderrText = '';
  private exitHow: string | undefined;
  private readonly exited: Promise<string>;
  private readonly killOnExit = (): void => {
    this.kill();
  };

  private constructor(command: string, cwd: string | undefined) {
    this.child = spawn(command, cwd);
    // A write to a command that just died fails with EPIPE; the exit is reported through the reply instead.
    this.child.stdin.on('error', () => undefined);
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderrText = (this.stderrText + chunk).slice(-stderrLimitChars);
    });
    const reader = createInterface({ input: this.child.stdout, crlfDelay: Infinity });
    reader.on('line', (line) => {
      if (line.trim() === '') return;
      if (this.waiter) {
        const wake = this.waiter;
        this.waiter = undefined;
        wake(line);
      } else {
        this.lines.push(line);
      }
    });
    this.exited = whenDone(this.child).then((how) => {
      this.exitHow = how;
      process.off('exit', this.killOnExit);
      return how;
    });
    process.on('exit', this.killOnExit);
  }

  /** Starts COMMAND through the shell. */
  static start(command: string, cwd?: string): ExecSession {
    return new ExecSession(command, cwd);
  }

  /** Whether the command is still running. */
  get alive(): boolean {
    return this.exitHow === undefined;
  }

  /** Everything kept from stderr so far (the last 64 000 characters). */
  get stderr(): string {
    return this.stderrText;
  }

  /** Lines printed before a request was sent (a protocol slip); taken out so they do not answer the next case. */
  takeStrayLines(): string[] {
    return this.lines.splice(0, this.lines.length);
  }

  /** Sends one line and waits for one line back, the command's exit, the timeout or the abort. */
  async request(line: string, timeoutMs: number, signal?: AbortSignal): Promise<Reply> {
    if (this.exitHow !== undefined) return { type: 'exited', how: this.exitHow };
    this.child.stdin.write(`${line}\n`);
    const queued = this.lines.shift();
    if (queued !== undefined) return { type: 'line', line: queued };
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const answered = new Promise<Reply>((resolve) => {
      this.waiter = (text) => {
        resolve(text === undefined ? { type: 'timeout' } : { type: 'line', line: text });
      };
    });
    const timedOut = new Promise<Reply>((resolve) => {
      timer = setTimeout(() => {
        resolve({ type: 'timeout' });
      }, timeoutMs);
    });
    const aborted = new Promise<Reply>((resolve) => {
      if (!signal) return;
      if (signal.aborted) resolve({ type: 'aborted' });
      onAbort = () => {
        resolve({ type: 'aborted' });
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    // An exit is only an answer once stdout is drained: a command may print its last line and exit at once.
    const died = this.exited.then(async (how): Promise<Reply> => {
      await new Promise((resolve) => setImmediate(resolve));
      return { type: 'exited', how };
    });
    try {
      return await Promise.race([answered, timedOut, aborted, died]);
    } finally {
      this.waiter = undefined;
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Closes stdin (the protocol's "done") and waits up to `graceMs` for the command to exit, then kills it. */
  async close(graceMs: number): Promise<void> {
    this.child.stdin.end();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => {
        resolve('late');
      }, graceMs);
    });
    const outcome = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      this.kill();
      await this.exited;
    }
  }

  /** Kills the command's whole process group at once. */
  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined || this.exitHow !== undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone between the check and the kill.
      this.child.kill('SIGKILL');
    }
  }

  /** Waits for the command to have exited (after `kill`). */
  async whenExited(): Promise<string> {
    return this.exited;
  }
}
