/** `--tolerance SECONDS` on `check` and `run`: bad values are bad input; a tolerance leaves close orders undecided. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../../harness/cli/io.ts';
import { cli } from './cli-in-process.ts';

// created → started is one CRI step on the model's timeline: well under a second apart
const closeOrder = `id: cli-close-order
node: {registry: up, cached: [busybox:1.36]}
pod:
  metadata: {name: close-order}
  spec:
    containers:
      - name: app
        image: busybox:1.36
        behavior: {onTerm: exit}
observeFor: 5s
expect:
  order:
    - [app.created, app.started]
  timing:
    - {from: app.created, to: app.started, max: 0s}
`;

describe('--tolerance', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podconform-tolerance-'));
    file = join(dir, 'close.case.yaml');
    await writeFile(file, closeOrder);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('check: without it the order is judged and the too-tight timing fails', async () => {
    const { code, out } = await cli('check', file, '--verbose');
    expect(code).toBe(exitCodes.failed);
    expect(out).toContain('timing app.created -> app.started');
    expect(out).not.toContain('too close to be ordered');
  });

  it('check: with one second both points are one instant: the order is unknown and the timing holds', async () => {
    const { code, out } = await cli('check', file, '--tolerance', '1', '--json');
    // its one case could not be judged, so nothing was: exit 3, not a pass
    expect(code).toBe(exitCodes.nothingJudged);
    const value = JSON.parse(out) as { cases: Array<{ status: string; failures: Array<{ message: string }> }> };
    expect(value.cases[0]?.status).toBe('unknown');
    expect(value.cases[0]?.failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/too close to be ordered \(tolerance 1s\)$/),
    ]);
  });

  it('rejects a value that is not a number of seconds >= 0', async () => {
    for (const bad of ['-1', 'x', '1s']) {
      const check = await cli('check', file, '--tolerance', bad);
      expect(check.code, bad).toBe(exitCodes.badInput);
      expect(check.err).toMatch(/--tolerance must be a number of seconds >= 0/);
      const run = await cli('run', '--tolerance', bad);
      expect(run.code, bad).toBe(exitCodes.badInput);
      expect(run.err).toMatch(/--tolerance must be a number of seconds >= 0/);
    }
  });
});
