/** A fresh subdirectory per run, named by UTC time, command and seed; `latest` names the newest. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkWritable,
  freshRunDirectory,
  markLatest,
  runDirectoryName,
  utcStamp,
} from '../../reports/report-directory.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podconform-report-dir-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('run directory names', () => {
  it('stamps UTC time to the second, then the command and the seed', () => {
    const at = new Date(Date.UTC(2026, 11, 7, 1, 30, 0, 456));
    expect(utcStamp(at)).toBe('20261207T013000Z');
    expect(runDirectoryName(at, 'run', 42)).toBe('20261207T013000Z-run-seed-42');
    expect(runDirectoryName(at, 'run', -7)).toBe('20261207T013000Z-run-seed--7');
    expect(runDirectoryName(at, 'check')).toBe('20261207T013000Z-check');
  });
});

describe('freshRunDirectory', () => {
  it('never reuses a directory: name, name-2, name-3', async () => {
    const made = [
      await freshRunDirectory(dir, 'x-check'),
      await freshRunDirectory(dir, 'x-check'),
      await freshRunDirectory(dir, 'x-check'),
    ];
    expect(made).toEqual([join(dir, 'x-check'), join(dir, 'x-check-2'), join(dir, 'x-check-3')]);
  });

  it('names the newest in latest, replacing the previous name', async () => {
    await markLatest(dir, 'x-check');
    await markLatest(dir, 'x-check-2');
    expect(await readFile(join(dir, 'latest'), 'utf8')).toBe('x-check-2\n');
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('checkWritable', () => {
  it('makes missing parents and leaves nothing behind', async () => {
    const nested = join(dir, 'a', 'b');
    await checkWritable(nested);
    expect(await readdir(nested)).toEqual([]);
  });

  it('rejects a path under a file', async () => {
    await writeFile(join(dir, 'plain'), '');
    await expect(checkWritable(join(dir, 'plain', 'sub'))).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
