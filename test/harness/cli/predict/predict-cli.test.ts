/** `podconform predict` at the command line: setting errors are one line and exit 2; --json is the documented shape. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../../../harness/cli/io.ts';
import { cli } from '../cli-in-process.ts';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: prod
  annotations: {podconform.dev/probe.app.readiness: "fails-until:30s"}
spec:
  initContainers:
    - {name: migrate, image: example/migrate:1}
  containers:
    - name: app
      image: example/app:1
      readinessProbe: {httpGet: {port: 80}, periodSeconds: 5}
`;

describe('predict: settings, errors and --json', () => {
  let dir: string;
  let file: string;
  let badAnnotation: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podconform-predict-'));
    file = join(dir, 'web.yaml');
    badAnnotation = join(dir, 'bad.yaml');
    await writeFile(file, manifest);
    await writeFile(badAnnotation, manifest.replace('fails-until:30s', 'sometimes'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a malformed flag in one line naming it, exit 2', async () => {
    const { code, out, err } = await cli('predict', file, '--exits', 'migrate=0@soon');
    expect(code).toBe(exitCodes.badInput);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toContain('--exits migrate=0@soon');
  });

  it('refuses a flag for a container the pod does not have', async () => {
    const { code, err } = await cli('predict', file, '--on-term=nosuch=ignore');
    expect(code).toBe(exitCodes.badInput);
    expect(err).toMatch(/^podconform predict: --on-term nosuch=ignore: no container named "nosuch"/);
  });

  it('refuses a malformed annotation in one line naming the file and the annotation', async () => {
    const { code, err } = await cli('predict', badAnnotation, '--observe-for', '10s');
    expect(code).toBe(exitCodes.badInput);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toContain(`${badAnnotation}: metadata.annotations["podconform.dev/probe.app.readiness"]:`);
  });

  it('lists the assumptions first, and --json carries them with the documented keys', async () => {
    const text = await cli('predict', file, '--observe-for', '60s', '--exits', 'migrate=0@3s');
    expect(text.code).toBe(exitCodes.ok);
    expect(text.out.split('\n')[2]).toMatch(/^Assumptions/);
    expect(text.out).toContain('app readiness probe: fails until 30s after each start, then passes  [from annotation]');

    const { code, out } = await cli('predict', file, '--observe-for', '60s', '--exits', 'migrate=0@3s', '--json');
    expect(code).toBe(exitCodes.ok);
    expect(out).not.toMatch(/9007199254740991|\d\.\d*0000000\d/);
    const doc = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'version',
      'pod',
      'namespace',
      'observeForSeconds',
      'assumptions',
      'watch',
      'outcomes',
      'looseValues',
      'probes',
      'events',
      'prediction',
    ]);
    expect(doc['namespace']).toBe('prod');
    const assumptions = doc['assumptions'] as Record<string, unknown>[];
    for (const a of assumptions) {
      expect(Object.keys(a)).toEqual([
        'subject',
        'assumed',
        'why',
        'source',
        'flag',
        'annotation',
        'setting',
        'decidesOutcome',
      ]);
    }
    expect(assumptions.find((a) => a['source'] === 'flag')?.['flag']).toBe('--exits migrate=0@3s');
    // READY stays 0/1 while the readiness probe fails (30 s), then 1/1
    const watch = doc['watch'] as { atSeconds: number; ready: string }[];
    const ready = watch.find((w) => w.ready === '1/1');
    expect(ready?.atSeconds).toBeGreaterThan(30);
  });
});
