/** `podconform predict` on the inputs people have: workloads, streams, standard input, and the limits it keeps. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../../harness/cli/io.ts';
import { main } from '../../../harness/cli/run-cli.ts';
import { cli, repoRoot, type CliResult } from './cli-in-process.ts';

const fixtures = 'test/fixtures/manifests-in';
const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}${extra}}
spec:
  containers: [{name: app, image: nginx:1.25}]
`;

/** `podconform ARGV…` with `text` on standard input. */
async function cliWithStdin(text: string, ...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => (out += t),
    err: (t: string) => (err += t),
    isTty: false,
    readStdin: () => Promise.resolve(text),
  };
  const code = await main(argv, io, repoRoot);
  return { code, out, err };
}

describe('predict reads workloads and streams', () => {
  it('predicts each pod of a rendered chart under its heading, and says once per skipped document why', async () => {
    const r = await cli('predict', `${fixtures}/helm-rendered.yaml`, '--observe-for', '5s');
    expect(r.code).toBe(exitCodes.ok);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      `${fixtures}/helm-rendered.yaml: document 1 (ServiceAccount shop): no pod template, skipped`,
      `${fixtures}/helm-rendered.yaml: document 2 (ConfigMap shop-config): no pod template, skipped`,
      `${fixtures}/helm-rendered.yaml: document 4 (Service shop): no pod template, skipped`,
      `${fixtures}/helm-rendered.yaml: document 6 (ServiceMonitor shop): no pod template, skipped`,
    ]);
    const headings = r.out.split('\n').filter((line) => line.startsWith('document '));
    expect(headings).toEqual([
      "document 5: Deployment shop → pod shop-pod (the name is podconform's choice: the controller adds a random suffix)",
      'document 7: Pod shop-smoke',
    ]);
    expect(r.out.match(/^Prediction for /gm)).toHaveLength(2);
  });

  it("honours the workload's namespace in the Scheduled message", async () => {
    const r = await cli('predict', `${fixtures}/helm-rendered.yaml`, '--observe-for', '5s');
    expect(r.out).toContain('Successfully assigned prod/shop-pod to {node}');
    expect(r.out).toContain('Successfully assigned prod/shop-smoke to {node}');
  });

  it('gives one JSON array for several pods, each document saying where its pod came from', async () => {
    const r = await cli('predict', `${fixtures}/helm-rendered.yaml`, '--observe-for', '5s', '--json');
    expect(r.code).toBe(exitCodes.ok);
    const value = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(value.map((d) => [d['version'], d['pod'], d['namespace'], d['source']])).toEqual([
      [1, 'shop-pod', 'prod', { document: 5, kind: 'Deployment', name: 'shop', podNameChosen: true }],
      [1, 'shop-smoke', 'prod', { document: 7, kind: 'Pod', name: 'shop-smoke', podNameChosen: false }],
    ]);
  });

  it('gives a lone Pod its document as before, without source', async () => {
    const r = await cliWithStdin(pod('lone'), 'predict', '-', '--observe-for', '5s', '--json');
    const value = JSON.parse(r.out) as Record<string, unknown>;
    expect(value['pod']).toBe('lone');
    expect(value).not.toHaveProperty('source');
  });

  it('applies a setting flag to the pods of a stream that have its container, and refuses one that none has', async () => {
    const ok = await cli('predict', `${fixtures}/helm-rendered.yaml`, '--observe-for', '5s', '--exits', 'smoke=0@1s');
    expect(ok.code).toBe(exitCodes.ok);
    expect(ok.out).toContain('--exits smoke=0@1s');
    const bad = await cli('predict', `${fixtures}/helm-rendered.yaml`, '--exits', 'nosuch=0@1s');
    expect(bad.code).toBe(exitCodes.badInput);
    expect(bad.err.split('\n').filter((l) => !l.includes('skipped'))).toEqual([
      `podconform predict: --exits nosuch=0@1s: no pod in ${fixtures}/helm-rendered.yaml has a container 'nosuch'`,
      '',
    ]);
  });

  it('reads standard input for -, and names it <stdin> in problems', async () => {
    const ok = await cliWithStdin(pod('from-stdin', ', namespace: prod'), 'predict', '-', '--observe-for', '5s');
    expect(ok.code).toBe(exitCodes.ok);
    expect(ok.out).toContain('Prediction for pod from-stdin');
    expect(ok.out).toContain('Successfully assigned prod/from-stdin to {node}');
    const bad = await cliWithStdin('apiVersion: v1\nkind: Podd\nmetadata: {name: x}\n', 'predict', '-');
    expect(bad.code).toBe(exitCodes.badInput);
    expect(bad.err).toMatch(/^<stdin>:2: document 1: kind: 'Podd' is not a Kubernetes kind podconform knows/);
  });

  it('predicts InvalidImageName for a reference the kubelet cannot parse, not an input error', async () => {
    const r = await cliWithStdin(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: app, image: "Nginx:1.25"}]}\n',
      'predict',
      '-',
      '--observe-for',
      '5s',
    );
    expect(r.code).toBe(exitCodes.ok);
    expect(r.out).toMatch(/STATUS InvalidImageName/);
    expect(r.out).toMatch(/^ {2}Warning +InspectFailed .* app +Failed to apply default image tag "Nginx:1\.25"/m);
    expect(r.out).toMatch(/^ {2}Warning +Failed .* app +Error: InvalidImageName$/m);
    expect(r.out).not.toContain('app.pullStarted');
  });
});

describe('every bad input is one line and exit 2', () => {
  let dir: string;
  const files: Record<string, string> = {
    'pod.yaml': pod('a'),
    'deploy-never.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: app, image: nginx:1.25}]
`,
    'fraction.yaml': pod('a').replace('spec:\n', 'spec:\n  terminationGracePeriodSeconds: 1.5\n'),
    'services.yaml':
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podconform-predict-input-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'a Deployment with restartPolicy Never',
      ['deploy-never.yaml'],
      /^FILE:7: document 1: spec\.template\.spec\.restartPolicy: 'Never' is refused/,
    ],
    [
      'a fractional terminationGracePeriodSeconds',
      ['fraction.yaml'],
      /^FILE:5: document 1: spec\.terminationGracePeriodSeconds: expected a whole number/,
    ],
    [
      'a fractional --grace',
      ['pod.yaml', '--delete-at', '5s', '--grace', '2.5'],
      /^podconform predict: --grace 2\.5: must be a whole number of seconds/,
    ],
    ['--grace without --delete-at', ['pod.yaml', '--grace', '3'], /^podconform predict: --grace 3 needs --delete-at/],
    [
      '--delete-at past --observe-for',
      ['pod.yaml', '--delete-at', '500s', '--observe-for', '60s'],
      /^podconform predict: --delete-at 500s is not before the end of the observation \(--observe-for 60s\)/,
    ],
    [
      '--delete-at past the default window',
      ['pod.yaml', '--delete-at', '500s'],
      /^podconform predict: --delete-at 500s is not before the end of the observation \(the default 120s\)/,
    ],
    [
      '--observe-for over the maximum',
      ['pod.yaml', '--observe-for', '1000000h'],
      /^podconform predict: --observe-for 1000000h is longer than the maximum, 24h/,
    ],
    [
      '--observe-for 0',
      ['pod.yaml', '--observe-for', '0s'],
      /^podconform predict: --observe-for 0s: must be longer than 0s$/,
    ],
    ['a stream without pods', ['services.yaml'], /no pod to predict: no Pod or Deployment, ReplicaSet/],
    ['a missing file', ['nope.yaml'], /^FILE: no such file$/],
    ['two files', ['pod.yaml', 'pod.yaml'], /^podconform predict: give exactly one file/],
  ])('%s', async (_what, args, line) => {
    const [first, ...rest] = args;
    const file = join(dir, first ?? '');
    const r = await cli('predict', file, ...rest.map((a) => (a.endsWith('.yaml') ? join(dir, a) : a)));
    expect(r.code).toBe(exitCodes.badInput);
    const lines = r.err.split('\n').filter((l) => l !== '' && !l.includes('skipped'));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.replace(file, 'FILE')).toMatch(line);
    expect(r.out).toBe('');
  });

  it('refuses the manifest-only options with a case file, which says its own', async () => {
    const r = await cli('predict', `${fixtures}/invalid-image-name.case.yaml`, '--delete-at', '5s');
    expect(r.code).toBe(exitCodes.badInput);
    expect(r.err).toBe(
      `${fixtures}/invalid-image-name.case.yaml: --delete-at applies to Pod manifests and workloads only: a case file says its own observeFor and actions\n`,
    );
  });
});
