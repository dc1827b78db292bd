/**
 * `--backend exec:'COMMAND'`: any implementation under test, spoken to in JSON lines over stdio
 * (FORMAT.md "Observations and the exec: protocol"). COMMAND is started once and fed one case per line;
 * a command that dies, hangs or answers out of protocol is reported `unknown` for that case and the next
 * case gets a fresh process.
 */
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import type { Backend, RunOptions, RunOutcome, SetUpOutcome } from '../backend.ts';
import { parseAnswer, requestLine } from './protocol.ts';
import { ExecSession } from './session.ts';

/** How to run and wait for an exec: command. */
export interface ExecBackendOptions {
  /** how long one case may take before the command counts as hung, in ms (default `defaultAnswerTimeoutMs`) */
  readonly answerTimeoutMs?: (scenario: Scenario) => number;
  /** how long the command may take to exit once stdin is closed, in ms, before it is killed (default 2000) */
  readonly closeGraceMs?: number;
  /** the working directory COMMAND runs in (default: the current one) */
  readonly cwd?: string;
}

/**
 * The default wait for one answer: observeFor (the implementation may act the case out in real time) plus
 * a margin of max(5 s, 10 % of observeFor) for starting up and reporting.
 */
export function defaultAnswerTimeoutMs(scenario: Scenario): number {
  const observeFor = scenario.observeForSeconds;
  return Math.round((observeFor + Math.max(5, observeFor * 0.1)) * 1000);
}

function tail(text: string, max = 2000): string {
  const trimmed = text.trimEnd();
  return trimmed.length > max ? `...${trimmed.slice(-max)}` : trimmed;
}

/** The exec: backend for COMMAND (the text after `exec:`). */
export function createExecBackend(command: string, options: ExecBackendOptions = {}): Backend {
  const answerTimeoutMs = options.answerTimeoutMs ?? defaultAnswerTimeoutMs;
  const closeGraceMs = options.closeGraceMs ?? 2000;
  let session: ExecSession | undefined;
  // One process answers one case at a time: runs are queued behind each other.
  let queue: Promise<unknown> = Promise.resolve();

  const fresh = (): ExecSession => {
    if (!session || !session.alive) session = ExecSession.start(command, options.cwd);
    return session;
  };

  const discard = async (s: ExecSession): Promise<void> => {
    s.kill();
    await s.whenExited();
    if (session === s) session = undefined;
  };

  const runOne = async (scenario: Scenario, runOptions: RunOptions): Promise<RunOutcome> => {
    const s = fresh();
    const stderrBefore = s.stderr.length;
    const stray = s.takeStrayLines();
    const timeoutMs = answerTimeoutMs(scenario);
    const reply = await s.request(requestLine(scenario), timeoutMs, runOptions.signal);
    const stderr = tail(s.stderr.slice(Math.min(stderrBefore, s.stderr.length)));
    const strayNote = stray.length > 0 ? `\nit printed before the case: ${stray.join(' | ').slice(0, 500)}` : '';
    const detail = (stderr === '' ? 'nothing on stderr' : `stderr:\n${stderr}`) + strayNote;
    const unknown = (reason: string): RunOutcome => ({ status: 'unknown', reason, detail });
    switch (reply.type) {
      case 'line': {
        const answer = parseAnswer(reply.line);
        switch (answer.status) {
          case 'observation':
            return { status: 'observed', observation: answer.observation, ...(stderr === '' ? {} : { stderr }) };
          case 'error':
            return unknown(`the command reported an error for case ${scenario.id}: ${answer.message}`);
          case 'malformed':
            // Out of protocol: what it prints next cannot be trusted to answer the next case.
            await discard(s);
            return unknown(`the command ${answer.problem} (case ${scenario.id})`);
        }
        break;
      }
      case 'exited':
        if (session === s) session = undefined;
        return unknown(`the command ${reply.how} before answering case ${scenario.id}`);
      case 'timeout':
        await discard(s);
        return unknown(
          `the command did not answer case ${scenario.id} within ${(timeoutMs / 1000).toFixed(1)} s (observeFor ${scenario.observeForSeconds} s plus a margin); it was killed`,
        );
      case 'aborted':
        await discard(s);
        return unknown(`the run was aborted during case ${scenario.id}`);
    }
  };

  return {
    name: `exec:${command}`,
    // Unknown until an observation says (clock.resolution); the runner takes the larger of the two.
    clockResolutionSeconds: 0,
    setUp(): Promise<SetUpOutcome> {
      if (command.trim() === '') {
        return Promise.resolve({ status: 'unavailable', reason: "no command given: use --backend exec:'COMMAND'" });
      }
      fresh();
      return Promise.resolve({ status: 'ready' });
    },
    run(scenario: Scenario, runOptions: RunOptions = {}): Promise<RunOutcome> {
      const next = queue.then(
        () => runOne(scenario, runOptions),
        () => runOne(scenario, runOptions),
      );
      queue = next.catch(() => undefined);
      // Backends never throw: a bug down here still comes back as an outcome — an error of podconform's, not
      // something the implementation did.
      return next.catch((error: unknown) => ({
        status: 'error',
        reason: `the exec backend failed: ${error instanceof Error ? error.message : String(error)}`,
        ...(error instanceof Error && error.stack !== undefined ? { detail: error.stack } : {}),
      }));
    },
    async tearDown(): Promise<void> {
      await queue;
      const s = session;
      session = undefined;
      if (s) await s.close(closeGraceMs);
    },
  };
}
