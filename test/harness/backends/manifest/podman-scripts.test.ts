/**
 * A compiled pod run for real by podman 4.3 (`kube play`), where each script is PID 1 of its container as on a
 * node: restarts counted from the markers, an init container's markers outliving its removal, TERM from
 * `podman pod stop -t 2` handled by the trap (exit after its time, or marked and ignored until the KILL).
 * Runs when podman and the busybox image of scripts/setup-podman.sh (PODMAN.md §1) are there; with
 * PODCONFORM_REQUIRE_PODMAN=1 their absence fails the test instead of skipping it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManifestFlavour } from '../../../../harness/backends/manifest/index.ts';
import { compileManifest, parseMarkers } from '../../../../harness/backends/manifest/index.ts';
import { manifestYaml } from '../../../../harness/backends/manifest/index.ts';
import { container, exits, init, runs, scenario } from '../sim/build.ts';

const image = 'localhost/busybox:1';
const required = process.env['PODCONFORM_REQUIRE_PODMAN'] === '1';

async function podmanReady(): Promise<boolean> {
  const version = await execa('podman', ['--version'], { reject: false });
  if (version.exitCode !== 0) return false;
  return (await execa('podman', ['image', 'exists', image], { reject: false })).exitCode === 0;
}

const ready = await podmanReady();
if (!ready && !required) console.warn(`note: podman or ${image} is missing; the podman script test is skipped`);

const podName = `pc-compiler-${process.pid}-${Date.now() % 100000}`;
let dir = '';
afterAll(async () => {
  if (ready) await execa('podman', ['pod', 'rm', '-f', '-t', '0', podName], { reject: false });
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe.runIf(ready || required)('compiled scripts under podman kube play', () => {
  it('count restarts, keep an init container’s markers, and handle TERM as PID 1', async () => {
    expect(ready, `podman or ${image} is missing (PODCONFORM_REQUIRE_PODMAN=1)`).toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'podconform-podman-'));
    const s = scenario({
      restartPolicy: 'OnFailure',
      initContainers: [init('setup', exits(0, 0.3))],
      containers: [
        container('crash', exits(3, 0.4), { restarts: [{ fromStart: 3, behavior: runs('exit', 0.4, 0) }] }),
        container('stubborn', runs('ignore')),
      ],
    });
    const flavour: ManifestFlavour = 'podman';
    const outcome = compileManifest(s, { flavour, podName, markerHostDir: dir });
    if (outcome.status !== 'ok') throw new Error(outcome.reason);
    // the backend makes image names resolvable; here the one local image stands in for busybox:1.36
    const yaml = manifestYaml(outcome.pod.manifest).replaceAll(
      'image: busybox:1.36',
      `image: ${image}\n      imagePullPolicy: Never`,
    );
    const play = await execa('podman', ['kube', 'play', '--network', 'none', '-'], { input: yaml, reject: false });
    expect(play.exitCode, play.stderr).toBe(0);
    const markers = async (): Promise<ReturnType<typeof parseMarkers>['markers']> =>
      parseMarkers(await readFile(join(dir, 'markers'), 'utf8')).markers;
    for (let i = 0; i < 100; i++) {
      if ((await markers()).filter((m) => m.container === 'crash' && m.event === 'started').length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stop = await execa('podman', ['pod', 'stop', '-t', '2', podName], { reject: false });
    expect(stop.exitCode, stop.stderr).toBe(0);
    const all = await markers();
    const of = (c: string): string[] =>
      all.filter((m) => m.container === c).map((m) => (m.detail ? `${m.event} ${m.detail}` : m.event));
    expect(of('setup')).toEqual(['started', 'exiting 0']);
    expect(of('crash')).toEqual(['started', 'exiting 3', 'started', 'exiting 3', 'started', 'term', 'exiting 0']);
    expect(of('stubborn')).toEqual(['started', 'term']);
    const crashTerm = all.find((m) => m.container === 'crash' && m.event === 'term');
    const crashExit = all.findLast((m) => m.container === 'crash' && m.event === 'exiting');
    expect((crashExit?.epochSeconds ?? 0) - (crashTerm?.epochSeconds ?? 0)).toBeGreaterThanOrEqual(0.4);
    const inspect = await execa(
      'podman',
      ['inspect', '--format', '{{.Name}} {{.State.ExitCode}}', `${podName}-crash`, `${podName}-stubborn`],
      { reject: false },
    );
    expect(inspect.stdout.split('\n')).toEqual([`${podName}-crash 0`, `${podName}-stubborn 137`]);
  });
});
