/**
 * `podconform manifest`: the compiled Pod as YAML that parses back to what the compiler made; one line and exit 2
 * for bad input, one line with the reason and exit 3 for a case the backend cannot act out.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileManifest } from '../../../harness/backends/manifest/index.ts';
import { loadCaseText } from '../../../harness/cases/index.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { cli } from './cli-in-process.ts';

const httpCase = 'specs/cases/hooks/pc-hook-prestop-http-get.case.yaml';
const registryDown = 'specs/cases/images/pc-pull-latest-registry-down.case.yaml';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podconform-manifest-'));
  await writeFile(
    join(dir, 'bad.case.yaml'),
    'id: bad\nnode: {registry: up}\npod: {metadata: {name: bad}, spec: {containers: 3}}\nobserveFor: 5s\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('podconform manifest', () => {
  it('prints the kube Pod by default: the case name, markers under /tmp/podconform/<id>, DirectoryOrCreate', async () => {
    const { code, out, err } = await cli('manifest', httpCase);
    expect({ code, err }).toEqual({ code: exitCodes.ok, err: '' });
    const pod = parse(out) as Record<string, unknown>;
    const { readFileSync } = await import('node:fs');
    const loaded = loadCaseText(readFileSync(httpCase, 'utf8'), httpCase);
    if (loaded.status !== 'ok') throw new Error('library case does not load');
    const compiled = compileManifest(loaded.caseFile.scenario, {
      flavour: 'kube',
      podName: 'pc-prestop-http',
      markerHostDir: '/tmp/podconform/pc-hook-prestop-http-get',
    });
    if (compiled.status !== 'ok') throw new Error(compiled.reason);
    expect(pod).toEqual(compiled.pod.manifest);
    expect(out).toContain('type: DirectoryOrCreate');
    expect(out).toContain('- |-\n'); // scripts as literal blocks, readable as they run
  });

  it('--backend podman writes the podman flavour', async () => {
    const { code, out } = await cli('manifest', httpCase, '--backend', 'podman');
    expect(code).toBe(exitCodes.ok);
    expect(out).toContain('type: Directory\n');
  });

  it('bad input: one line naming the file or the field, exit 2', async () => {
    const cases: ReadonlyArray<[string[], RegExp]> = [
      [['manifest', join(dir, 'missing.case.yaml')], /missing\.case\.yaml:1: file: no such file/],
      [['manifest', join(dir, 'bad.case.yaml')], /bad\.case\.yaml:\d+: pod\.spec\.containers: /],
      [['manifest', httpCase, '--backend', 'kind'], /--backend: 'kind' is not one of kube, podman/],
      [['manifest'], /give exactly one case file/],
      [['manifest', httpCase, '--bogus'], /unknown option --bogus/],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = await cli(...argv);
      expect({ argv, code, out }).toEqual({ argv, code: exitCodes.badInput, out: '' });
      expect(err).toMatch(message);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('a case podman cannot act out: one line with the reason, exit 3; the same case compiles for kube', async () => {
    const { code, out, err } = await cli('manifest', registryDown, '--backend', 'podman');
    expect({ code, out }).toEqual({ code: 3, out: '' });
    expect(err).toBe(
      `podconform manifest: ${registryDown}: cannot be acted out on podman: podman has no registry the suite can take down\n`,
    );
    expect((await cli('manifest', registryDown)).code).toBe(exitCodes.ok);
  });

  it('has help', async () => {
    const { code, out } = await cli('manifest', '--help');
    expect(code).toBe(exitCodes.ok);
    expect(out).toContain('Usage: podconform manifest CASE [--backend kube|podman]');
  });
});
