/** Finding and reading case files on disk: the only part of the loader that does I/O. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseProblem, LoadResult } from './case-file.ts';
import { loadCaseText } from './load-case.ts';

const caseSuffix = '.case.yaml';

/** Files are taken as given; directories are searched recursively for `*.case.yaml`, sorted. */
export async function findCaseFiles(
  paths: ReadonlyArray<string>,
): Promise<{ files: string[]; problems: CaseProblem[] }> {
  const files: string[] = [];
  const problems: CaseProblem[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      problems.push(fileProblem(path, error));
      continue;
    }
    const found = isDirectory ? (await casesUnder(path)).sort() : [path];
    for (const file of found) if (!files.includes(file)) files.push(file);
  }
  return { files, problems };
}

/** Reads and loads one case file; a file that cannot be read is a problem, not an exception. */
export async function loadCaseFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { status: 'invalid', problems: [fileProblem(path, error)] };
  }
  return loadCaseText(text, path);
}

async function casesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(caseSuffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

const messages: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a case file',
  ENOTDIR: 'a part of the path is not a directory',
};

function fileProblem(path: string, error: unknown): CaseProblem {
  const code = (error as { code?: unknown } | null)?.code;
  const message =
    (typeof code === 'string' ? messages[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
  return { file: path, line: 1, field: '(file)', message };
}
