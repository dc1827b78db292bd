/** At the command line, an exception in the model is an ERROR line and exit 4 — never `unknown`, never a pass. */
import { describe, expect, it, vi } from 'vitest';
import { exitCodes } from '../../../harness/cli/io.ts';
import { cli } from './cli-in-process.ts';
import type * as Model from '../../../specs/model/index.ts';

// The model fails on every pod with an init container; otherwise it is the real model.
vi.mock('../../../specs/model/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Model>();
  return {
    ...real,
    predict: (...args: Parameters<typeof real.predict>) => {
      if (args[0].pod.initContainers.length > 0) throw new Error('model bug (simulated)');
      return real.predict(...args);
    },
  };
});

describe('a model exception at the command line', () => {
  it('check: the case is ERROR, the others are still judged, exit 4', async () => {
    const r = await cli('check', 'specs/cases/init');
    expect(r.out).toMatch(
      /^ERROR {4}pc-init-\S+: backend: the model failed on case pc-init-\S+: model bug \(simulated\)/m,
    );
    expect(r.out).toMatch(/\n\d+ ERROR \(podconform itself failed on them: a bug, please report it\)\n/);
    expect(r.out).not.toMatch(/^unknown/m);
    expect(r.code).toBe(exitCodes.internalError);
  });

  it('run: exit 4, the replay line first, then the ERROR line and the shrunk scenario', async () => {
    const r = await cli('run', '--runs', '60', '--seed', '2', '--workers', '1', '--no-jitter');
    expect(r.code).toBe(exitCodes.internalError);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^npx podconform run --backend sim --seed 2 --path [0-9:]+ --no-jitter --runs 1$/);
    expect(r.out).toMatch(
      /\nERROR: podconform itself failed \(a bug in podconform; please report it\): the model failed on scenario gen-[0-9a-f]+: model bug \(simulated\)\n/,
    );
    expect(r.out).toMatch(/\n---\nid: gen-[0-9a-f]{8}\n/);
  });
});
