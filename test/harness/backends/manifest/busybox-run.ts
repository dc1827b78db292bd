/**
 * Running a compiled pod's scripts on the host with busybox, as its containers would: `/bin/busybox sh`, with
 * only busybox applets on PATH (sh, sleep, nc, true, kill — what the podman image of PODMAN.md §1 links), and the
 * marker mount path rewritten to a temporary directory, so a test reads the marker file the scripts wrote.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileManifest,
  markerFileName,
  markerMountPath,
  parseMarkers,
  type Marker,
} from '../../../../harness/backends/manifest/index.ts';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';

/** The busybox the scripts run with (PODMAN.md: the same static 1.35 the podman image is made from). */
export const busyboxPath = '/bin/busybox';
export const haveBusybox = existsSync(busyboxPath);

/** A temporary node: the marker directory and a PATH of busybox applets. */
export interface Node {
  readonly dir: string;
  readonly bin: string;
  /** every marker written so far */
  markers(): Promise<ReadonlyArray<Marker>>;
  /** runs `sh -c SCRIPT` (mount path rewritten); its exit is `exited` */
  start(script: string): Process;
  /** ends every process the node's scripts started and removes the directory */
  remove(): Promise<void>;
}

/** A running script. */
export interface Process {
  readonly child: ChildProcess;
  readonly startedAtMs: number;
  /** resolves with the exit code (128+n for a signal) and the time from start in seconds */
  readonly exited: Promise<{ readonly code: number; readonly afterSeconds: number }>;
}

/** Makes a temporary node. */
export async function makeNode(): Promise<Node> {
  const dir = await mkdtemp(join(tmpdir(), 'podconform-markers-'));
  const bin = join(dir, '.bin');
  await mkdir(bin);
  for (const applet of ['sh', 'sleep', 'nc', 'true', 'kill']) await symlink(busyboxPath, join(bin, applet));
  // like a node's fresh hostPath directory: no marker file until the first script appends to it
  const local = (script: string): string => script.replaceAll(`D=${markerMountPath};`, `D=${dir};`);
  // On the host a script is not PID 1 of its own namespace, so what it left in the background (sleeps, nc servers)
  // would outlive it; each runs in a process group of its own, and `remove` ends every group.
  const groups: number[] = [];
  return {
    dir,
    bin,
    async markers() {
      const path = join(dir, markerFileName);
      const { markers, problems } = parseMarkers(existsSync(path) ? await readFile(path, 'utf8') : '');
      if (problems.length > 0) throw new Error(`bad marker lines: ${JSON.stringify(problems)}`);
      return markers;
    },
    start(script) {
      const startedAtMs = performance.now();
      const child = spawn(join(bin, 'sh'), ['-c', local(script)], {
        env: { PATH: bin },
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: true,
      });
      if (child.pid !== undefined) groups.push(child.pid);
      const exited = new Promise<{ code: number; afterSeconds: number }>((resolve) => {
        child.on('exit', (code, signal) => {
          const afterSeconds = (performance.now() - startedAtMs) / 1000;
          resolve({ code: code ?? 128 + signalNumber(signal), afterSeconds });
        });
      });
      return { child, startedAtMs, exited };
    },
    async remove() {
      for (const group of groups.splice(0)) {
        try {
          process.kill(-group, 'SIGKILL');
        } catch {
          // the group is gone already
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 0;
}

/** The compiled kube manifest of `scenario`, which must compile. */
export function compiled(scenario: Scenario): PodShape {
  const outcome = compileManifest(scenario, { flavour: 'kube', podName: 'p', markerHostDir: '/unused' });
  if (outcome.status !== 'ok') throw new Error(outcome.reason);
  return outcome.pod.manifest as unknown as PodShape;
}

interface Handler {
  readonly exec?: { readonly command: ReadonlyArray<string> };
}

/** The parts of a compiled pod the script tests read. */
export interface PodShape {
  readonly spec: {
    readonly containers: ReadonlyArray<{
      readonly name: string;
      readonly command: ReadonlyArray<string>;
      readonly lifecycle?: { readonly postStart?: Handler; readonly preStop?: Handler };
      readonly startupProbe?: Handler;
      readonly livenessProbe?: Handler;
      readonly readinessProbe?: Handler;
    }>;
  };
}

/** The script of `sh -c SCRIPT`. */
export function scriptOf(command: ReadonlyArray<string> | undefined): string {
  const script = command?.[2];
  if (command?.[0] !== 'sh' || command[1] !== '-c' || script === undefined) throw new Error('not sh -c SCRIPT');
  return script;
}

/** Resolves after `seconds`. */
export function pause(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
