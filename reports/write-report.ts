/**
 * Writes a report directory from one results file: `results.json` first — the record every other file renders from,
 * so nothing a renderer does can lose it — then each renderer's file. A renderer that throws is reported, not
 * propagated: the files written before and after it stay.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadHtmlAssets, renderHtml } from './html/index.ts';
import { renderJunit } from './junit/index.ts';
import type { ResultsFile } from './results/schema.ts';

/** One file of the report rendered from the results. */
export interface ReportRenderer {
  /** the file name in the report directory (`report.html`) */
  readonly file: string;
  readonly render: (results: ResultsFile) => string | Promise<string>;
}

/** The files a report directory holds besides results.json: the HTML report and the JUnit XML. */
export const reportRenderers: ReadonlyArray<ReportRenderer> = [
  { file: 'report.html', render: async (results) => renderHtml(results, await loadHtmlAssets()) },
  { file: 'junit.xml', render: renderJunit },
];

/** The name of the record in every report directory. */
export const resultsFileName = 'results.json';

/** What was written, and which renderers failed. */
export interface WrittenReport {
  /** full paths, results.json first */
  readonly files: ReadonlyArray<string>;
  readonly failures: ReadonlyArray<{ readonly file: string; readonly message: string }>;
}

/**
 * Writes `results.json` and every renderer's file into `dir` (which must exist). Throws only when results.json
 * itself cannot be written; a renderer's failure is returned in `failures`.
 */
export async function writeReport(
  dir: string,
  results: ResultsFile,
  renderers: ReadonlyArray<ReportRenderer> = reportRenderers,
): Promise<WrittenReport> {
  const record = join(dir, resultsFileName);
  // Compact: predictions and timelines make the record large (about 40 kB per entry), indentation adds a third.
  await writeFile(record, `${JSON.stringify(results)}\n`);
  const files = [record];
  const failures: { file: string; message: string }[] = [];
  for (const renderer of renderers) {
    const path = join(dir, renderer.file);
    try {
      await writeFile(path, await renderer.render(results));
      files.push(path);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ file: renderer.file, message: message.split('\n')[0] ?? '' });
    }
  }
  return { files, failures };
}
