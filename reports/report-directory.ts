/**
 * Where `--report DIR` puts a run: a fresh subdirectory per run, `DIR/<UTC stamp>-<command>[-seed-S]`
 * (`20261207T013000Z-run-seed-42`, then `-2`, `-3`… when a second run starts within the same second), so two runs
 * never overwrite each other; `DIR/latest` is a one-line text file naming the newest. A text file rather than a
 * symlink: it survives `actions/upload-artifact` and zip archives (which drop or refuse symlinks) and works on
 * Windows without privileges; `cat DIR/latest` gives the name.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectory } from '../harness/run/run-record.ts';

/** The file in the report directory that names the newest run's subdirectory. */
export const latestFileName = 'latest';

/** `20261207T013000Z`: the UTC time to the second, sortable and safe in every file system. */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `20261207T013000Z-run-seed-42`, or `…-check` for a run without a seed. */
export function runDirectoryName(startedAt: Date, command: string, seed?: number): string {
  return `${utcStamp(startedAt)}-${command}${seed === undefined ? '' : `-seed-${seed}`}`;
}

/**
 * Makes `dir` (and its parents) and proves a file can be written in it, before a run spends any time; throws the
 * file system's error when it cannot.
 */
export async function checkWritable(dir: string): Promise<void> {
  // makeDirectory, not mkdir's recursive option, which never settles for some paths (Node 20, `/proc/x`).
  await makeDirectory(dir);
  const probe = join(dir, `.podconform-write-check-${process.pid}`);
  await writeFile(probe, '');
  await rm(probe, { force: true });
}

/** Creates a subdirectory of `dir` no other run has: `name`, else `name-2`, `name-3`…; returns its full path. */
export async function freshRunDirectory(dir: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? name : `${name}-${n}`);
    try {
      // Not recursive: an existing directory is an error, which is how two runs at once each get their own.
      await mkdir(path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Points `DIR/latest` at `name`, replaced in one rename so a reader never sees half a name. */
export async function markLatest(dir: string, name: string): Promise<void> {
  const temporary = join(dir, `.${latestFileName}-${process.pid}`);
  await writeFile(temporary, `${name}\n`);
  await rename(temporary, join(dir, latestFileName));
}
