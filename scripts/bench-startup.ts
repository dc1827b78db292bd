/**
 * Developer tool: how long `podconform` takes to start and to predict a plain manifest, as a user runs it
 * (`node bin/podconform.mjs …`), best of N warm runs each, beside the same for `node -e 0` (what Node itself costs on
 * this machine) and the goals (issue 9: start under 0.3 s, a plain manifest predicted under 0.5 s). It reports
 * figures and never fails on speed. `tsx scripts/bench-startup.ts [RUNS]`; `--from-source` adds the tsx path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const fromSource = process.argv.includes('--from-source');

const manifest = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
    - name: app
      image: nginx:1.25
      readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
`;

interface Measured {
  readonly label: string;
  readonly bestMs: number;
  /** the least CPU time (user + system) of one run, when the platform tells (Linux); steadier than wall time on a busy machine */
  readonly bestCpuMs: number | undefined;
  readonly goalMs?: number;
}

/** CPU time used by this process's finished children so far (Linux /proc, in 10 ms ticks), or undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  try {
    // fields after the command name: cutime and cstime are the 14th and 15th (clock ticks, 100 per second)
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Best wall time of `runs` runs of `node ARGS`, after one run that warms the file cache (and builds dist/ if stale). */
function measure(label: string, args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, goalMs?: number): Measured {
  let bestMs = Number.POSITIVE_INFINITY;
  let bestCpuMs: number | undefined;
  for (let i = 0; i <= runs; i++) {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - started;
    const cpuAfter = childrenCpuMs();
    if (result.status !== 0) throw new Error(`${label}: exit ${String(result.status)}: ${String(result.stderr)}`);
    if (i === 0) continue;
    bestMs = Math.min(bestMs, ms);
    if (cpuBefore !== undefined && cpuAfter !== undefined)
      bestCpuMs = Math.min(bestCpuMs ?? Infinity, cpuAfter - cpuBefore);
  }
  return { label, bestMs, bestCpuMs, ...(goalMs === undefined ? {} : { goalMs }) };
}

const dir = mkdtempSync(join(tmpdir(), 'podconform-bench-startup-'));
try {
  const file = join(dir, 'web.yaml');
  writeFileSync(file, manifest);
  const env = { ...process.env, PODCONFORM_FROM_SOURCE: '0' };
  const bin = 'bin/podconform.mjs';
  const measured: Measured[] = [
    measure('node -e 0 (Node alone)', ['-e', '0'], env),
    measure('podconform --help', [bin, '--help'], env, 300),
    measure('podconform rules', [bin, 'rules'], env, 300),
    measure('podconform predict web.yaml', [bin, 'predict', file], env, 500),
  ];
  if (fromSource) {
    const sourceEnv = { ...process.env, PODCONFORM_FROM_SOURCE: '1' };
    measured.push(measure('podconform rules (from source, tsx)', [bin, 'rules'], sourceEnv));
  }
  const baseline = measured[0]?.bestMs ?? 0;
  console.log(`podconform start-up, best of ${runs} warm runs (${process.version}):`);
  for (const m of measured) {
    const over = m === measured[0] ? '' : `  (+${Math.round(m.bestMs - baseline)} ms over Node)`;
    const goal = m.goalMs === undefined ? '' : `  goal < ${m.goalMs} ms: ${m.bestMs < m.goalMs ? 'met' : 'NOT met'}`;
    const cpu = m.bestCpuMs === undefined ? '' : `  cpu ${String(m.bestCpuMs).padStart(4)} ms`;
    console.log(`  ${m.label.padEnd(38)} ${String(Math.round(m.bestMs)).padStart(5)} ms${cpu}${over}${goal}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
