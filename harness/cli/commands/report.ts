/**
 * `podconform report results.json --out DIR`: renders a report directory again from a saved results.json (a copy
 * of it, the HTML report, the JUnit XML) without running anything — after an upgrade of the renderers, or to
 * put a CI artifact's record where a browser can open it.
 */
import { resolve } from 'node:path';
import { readResultsFile } from '../../../reports/results/read-results.ts';
import { writeReport } from '../../../reports/write-report.ts';
import { makeDirectory } from '../../run/run-record.ts';
import { parseArgs } from '../args.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { fileError, shownPath } from '../report-option.ts';

/** Exit 0 when every file was written, 2 for a bad results file or --out, 4 when a renderer failed. */
export async function reportCommand(argv: ReadonlyArray<string>, io: CliIo, cwd: string): Promise<number> {
  const bad = (message: string): number => {
    io.err(`podconform report: ${message}\n`);
    return exitCodes.badInput;
  };
  const parsed = parseArgs(argv, { flags: [], values: ['out'] });
  if (parsed.status === 'error') return bad(parsed.message);
  const [file, ...extra] = parsed.args.positionals;
  if (file === undefined) return bad('which results.json? (podconform report results.json --out DIR)');
  if (extra.length > 0) return bad(`unexpected argument '${extra[0] ?? ''}' (one results.json at a time)`);
  const out = parsed.args.values.get('out');
  if (out === undefined) return bad('--out DIR is needed: where to write the report');
  const read = await readResultsFile(resolve(cwd, file));
  if (read.status === 'error') return bad(read.message);
  const dir = resolve(cwd, out);
  try {
    await makeDirectory(dir);
  } catch (error) {
    return bad(`--out: cannot write a report to '${out}' (${fileError(error)})`);
  }
  let written;
  try {
    written = await writeReport(dir, read.results);
  } catch (error) {
    return bad(`--out: cannot write a report to '${out}' (${fileError(error)})`);
  }
  for (const f of written.files) io.err(`report: ${shownPath(cwd, f)}\n`);
  for (const f of written.failures) {
    io.err(
      `podconform report: ${f.file} could not be rendered (a bug in podconform; results.json is written): ${f.message}\n`,
    );
  }
  return written.failures.length > 0 ? exitCodes.internalError : exitCodes.ok;
}
