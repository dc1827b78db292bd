/**
 * The `podconform` executable: runs the command line (run-cli.ts) with the process's arguments and streams.
 * Rendering and exit codes live at this edge; an unexpected error is reported in one line, never as a stack
 * trace, and a reader that goes away (`podconform rules | head`) ends the command quietly.
 */
import type { CliIo } from './io.ts';
import { exitCodes } from './io.ts';
import { main } from './run-cli.ts';

export { main };

// A closed pipe is the reader saying it has seen enough: stop at once, with the exit code reached so far.
function onStreamError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok);
  process.stderr.write(`podconform: internal error: cannot write output: ${error.message}\n`);
  process.exit(exitCodes.internalError);
}
process.stdout.on('error', onStreamError);
process.stderr.on('error', onStreamError);

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY,
  errIsTty: process.stderr.isTTY,
  ...(process.stderr.isTTY ? { columns: process.stderr.columns } : {}),
  readStdin: async () => {
    let text = '';
    process.stdin.setEncoding('utf8');
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  },
};

try {
  process.exitCode = await main(process.argv.slice(2), io, process.cwd());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `podconform: internal error (a bug in podconform; please report it): ${message.split('\n')[0] ?? ''}\n`,
  );
  process.exitCode = exitCodes.internalError;
}
