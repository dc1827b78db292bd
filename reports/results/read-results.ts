/**
 * Reads a results.json back (`podconform report`, `--rerun-failed`): one line naming the file and field for anything
 * that is not a record this podconform can read, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { resultsKind, resultsSchemaVersion, type ResultsFile } from './schema.ts';

export type ReadResults =
  { readonly status: 'ok'; readonly results: ResultsFile } | { readonly status: 'error'; readonly message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first thing wrong with the parsed value as a results file, or undefined. */
export function resultsProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  if (value['kind'] !== resultsKind) {
    return `kind: expected '${resultsKind}', got ${JSON.stringify(value['kind']) ?? 'nothing'} (not a podconform results file)`;
  }
  const version = value['schemaVersion'];
  if (typeof version !== 'number') return 'schemaVersion: missing';
  if (version > resultsSchemaVersion) {
    return `schemaVersion: ${version} is newer than this podconform reads (${resultsSchemaVersion}); update podconform`;
  }
  if (version !== resultsSchemaVersion) return `schemaVersion: ${version} is not one this podconform reads`;
  if (!Array.isArray(value['entries'])) return 'entries: expected a list';
  for (const [i, entry] of (value['entries'] as unknown[]).entries()) {
    if (!isObject(entry)) return `entries[${i}]: expected an object`;
    for (const field of ['id', 'status', 'kind', 'caseYaml'] as const) {
      if (typeof entry[field] !== 'string') return `entries[${i}].${field}: expected a string`;
    }
    if (!Array.isArray(entry['findings']) || !Array.isArray(entry['rules'])) {
      return `entries[${i}]: findings and rules must be lists`;
    }
  }
  for (const field of ['rules', 'documentationDivergences', 'problems', 'argv'] as const) {
    if (!Array.isArray(value[field])) return `${field}: expected a list`;
  }
  for (const field of ['summary', 'backend', 'tool', 'filters'] as const) {
    if (!isObject(value[field])) return `${field}: expected an object`;
  }
  return undefined;
}

/** Reads and checks `path`. */
export async function readResultsFile(path: string): Promise<ReadResults> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      status: 'error',
      message: `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      status: 'error',
      message: `${path}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const problem = resultsProblem(value);
  return problem === undefined
    ? { status: 'ok', results: value as ResultsFile }
    : { status: 'error', message: `${path}: ${problem}` };
}
