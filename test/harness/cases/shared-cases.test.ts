import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findCaseFiles, formatProblem, loadCaseFile, loadCaseText, writeCase } from '../../../harness/cases/index.ts';
import { haveSharedCases, sharedCasesDir } from './shared-cases.ts';

describe.runIf(haveSharedCases)('the shared cases', () => {
  it('are all found, and every one loads', async () => {
    const found = await findCaseFiles([sharedCasesDir]);
    expect(found.problems).toEqual([]);
    expect(found.files.length).toBeGreaterThanOrEqual(122);
    const problems: string[] = [];
    for (const file of found.files) {
      const loaded = await loadCaseFile(file);
      if (loaded.status === 'invalid') problems.push(...loaded.problems.map(formatProblem));
      else expect(loaded.caseFile.path).toBe(file);
    }
    expect(problems).toEqual([]);
  });

  it('load back to the same case after writeCase', async () => {
    const { files } = await findCaseFiles([sharedCasesDir]);
    for (const file of files) {
      const loaded = loadCaseText(await readFile(file, 'utf8'), file);
      if (loaded.status !== 'ok') throw new Error(`${file} did not load`);
      const again = loadCaseText(writeCase(loaded.caseFile), file);
      expect(again).toStrictEqual(loaded);
    }
  });

  it('keep what a real case says (init-fail-never)', async () => {
    const loaded = await loadCaseFile(`${sharedCasesDir}/docs/init-fail-never.case.yaml`);
    if (loaded.status !== 'ok') throw new Error('init-fail-never did not load');
    const { scenario, expect: expected } = loaded.caseFile;
    expect(scenario.id).toBe('init-fail-never');
    expect(scenario.node).toEqual({ registry: 'up', cached: ['busybox:1.36'], unpullable: [], pullTakesSeconds: 0 });
    expect(scenario.pod.restartPolicy).toBe('Never');
    expect(scenario.pod.terminationGracePeriodSeconds).toBe(5);
    expect(scenario.pod.initContainers.map((c) => [c.name, c.role])).toEqual([
      ['init1', 'init'],
      ['init2', 'init'],
    ]);
    expect(scenario.pod.initContainers[0]?.behavior).toEqual({
      base: { exit: { exitCode: 1, afterSeconds: 1 }, onTerm: { type: 'ignore' } },
      restarts: [],
    });
    expect(scenario.pod.containers[0]?.extra).toEqual({
      command: ['sh', '-c', "trap 'exit 143' TERM; sleep 3600 & wait"],
    });
    expect(scenario.observeForSeconds).toBe(15);
    expect(expected.phase).toEqual({ type: 'equals', value: 'Failed' });
    expect(expected.never.length).toBe(5);
  });
});
