import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseFiles, formatProblem, loadCaseFile } from '../../../harness/cases/index.ts';
import { baseCaseText } from './base-case.ts';

describe('findCaseFiles and loadCaseFile', () => {
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'podconform-cases-'));
    await mkdir(join(root, 'b', 'deep'), { recursive: true });
    await mkdir(join(root, 'a'));
    await writeFile(join(root, 'b', 'deep', 'z.case.yaml'), baseCaseText);
    await writeFile(join(root, 'b', 'one.case.yaml'), baseCaseText);
    await writeFile(join(root, 'a', 'two.case.yaml'), 'id: [\n');
    await writeFile(join(root, 'a', 'notes.yaml'), 'not a case');
    await writeFile(join(root, 'plain.yaml'), baseCaseText);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('searches directories recursively for *.case.yaml, sorted, and takes files as given', async () => {
    const found = await findCaseFiles([root, join(root, 'plain.yaml')]);
    expect(found.problems).toEqual([]);
    expect(found.files).toEqual([
      join(root, 'a', 'two.case.yaml'),
      join(root, 'b', 'deep', 'z.case.yaml'),
      join(root, 'b', 'one.case.yaml'),
      join(root, 'plain.yaml'),
    ]);
  });

  it('reports a missing path as a problem', async () => {
    const missing = join(root, 'nope');
    const found = await findCaseFiles([missing, join(root, 'b', 'one.case.yaml')]);
    expect(found.files).toEqual([join(root, 'b', 'one.case.yaml')]);
    expect(found.problems.map(formatProblem)).toEqual([`${missing}:1: (file): no such file or directory`]);
  });

  it('loads a file, and turns an unreadable or malformed one into problems', async () => {
    const ok = await loadCaseFile(join(root, 'b', 'one.case.yaml'));
    expect(ok.status === 'ok' && ok.caseFile.path).toBe(join(root, 'b', 'one.case.yaml'));
    const bad = await loadCaseFile(join(root, 'a', 'two.case.yaml'));
    expect(bad.status === 'invalid' && bad.problems[0]?.file).toBe(join(root, 'a', 'two.case.yaml'));
    const missing = await loadCaseFile(join(root, 'gone.case.yaml'));
    expect(missing.status === 'invalid' && missing.problems.map(formatProblem)).toEqual([
      `${join(root, 'gone.case.yaml')}:1: (file): no such file or directory`,
    ]);
  });
});
