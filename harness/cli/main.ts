/**
 * The `podconform` executable: runs the command line (run-cli.ts) with the process's arguments and streams.
 * Rendering and exit codes live at this edge; an unexpected error is reported in one line, never as a stack
 * trace.
 */
import type { CliIo } from './io.ts';
import { main } from './run-cli.ts';

export { main };

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: process.stdout.isTTY,
};

try {
  process.exitCode = await main(process.argv.slice(2), io, process.cwd());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`podconform: internal error: ${message.split('\n')[0] ?? ''}\n`);
  process.exitCode = 4;
}
