/**
 * Measures how far podman's timing strays from what a compiled pod's behaviour block says, so that the backend's
 * tolerance comes from figures, not hope (issue 7 item 4). Runs ROUNDS rounds of PARALLEL pods at once, each pod:
 * `exiter` exits 0 after 1 s, `trapper` exits 143 on TERM, `ignorer` ignores TERM; deleted at 4 s with grace 2.
 *
 *   npx tsx scripts/podman-spread.ts [ROUNDS=3] [PARALLEL=1]
 *
 * Prints, per figure, n / min / median / p95 / max in milliseconds:
 * - exit vs after: the `exiting` marker minus the `started` marker minus 1 s (the script's own overshoot);
 * - FinishedAt vs exit marker: inspect's exit time (the coarse exit-file ctime) minus the `exiting` marker;
 * - start marker vs start event: the `started` marker minus podman's `start` event (marker latency);
 * - died event lag: the `died` event minus the `exiting` marker;
 * - TERM after pod stop: the `term` marker minus the moment `pod stop` was invoked;
 * - KILL after TERM minus grace: the ignorer's exit (FinishedAt) minus its `term` marker minus 2 s;
 * - first created after pod created: the first `init` event minus the pod's `create` event (pod.created); the
 *   model's window for it is [0, 1.4 s] (a first sync within 1 s, then two CRI steps);
 * - next created after previous started: one container's `init` event minus the previous container's `start` event
 *   (in the order podman started them); the model's window is [0, 0.4 s].
 */
import { loadCaseText } from '../harness/cases/index.ts';
import { compileManifest } from '../harness/backends/manifest/index.ts';
import { createPodmanBackend } from '../harness/backends/podman/index.ts';
import type { PodRunRecord } from '../harness/backends/podman/observation.ts';

const caseText = `
id: podman-spread
pod:
  metadata: {name: spread}
  spec:
    restartPolicy: Never
    terminationGracePeriodSeconds: 2
    containers:
      - {name: exiter, image: busybox:1.36, imagePullPolicy: IfNotPresent, behavior: {exitCode: 0, after: 1s}}
      - {name: trapper, image: busybox:1.36, imagePullPolicy: IfNotPresent, behavior: {onTerm: exit}}
      - {name: ignorer, image: busybox:1.36, imagePullPolicy: IfNotPresent, behavior: {onTerm: ignore}}
actions:
  - {at: 4s, delete: {}}
observeFor: 12s
`;

const figures = new Map<string, number[]>();
function add(name: string, seconds: number | undefined): void {
  if (seconds === undefined || !Number.isFinite(seconds)) return;
  const list = figures.get(name) ?? [];
  list.push(seconds * 1000);
  figures.set(name, list);
}

function measure(r: PodRunRecord): void {
  const marker = (c: string, e: string): number | undefined =>
    r.markers.find((m) => m.container === c && m.event === e)?.epochSeconds;
  const event = (c: string, status: string): number | undefined =>
    r.events.find((e) => e.name === `${r.podName}-${c}` && e.status === status)?.epochSeconds;
  const finished = (c: string): number | undefined =>
    r.inspected.find((i) => i.name === `${r.podName}-${c}`)?.finishedAtEpoch;
  const stop = r.deleteRequestedEpochs[0];
  const sub = (a: number | undefined, b: number | undefined): number | undefined =>
    a === undefined || b === undefined ? undefined : a - b;
  // Only an exit of its own counts: on a loaded node the exiter may start so late that the delete's TERM comes first.
  const ownExit = r.markers.some((m) => m.container === 'exiter' && m.event === 'exiting' && m.detail === '0');
  if (ownExit) add('exit vs after', sub(sub(marker('exiter', 'exiting'), marker('exiter', 'started')), 1));
  add('FinishedAt vs exit marker', sub(finished('exiter'), marker('exiter', 'exiting')));
  add('FinishedAt vs exit marker', sub(finished('trapper'), marker('trapper', 'exiting')));
  for (const c of ['exiter', 'trapper', 'ignorer']) {
    add('start marker vs start event', sub(marker(c, 'started'), event(c, 'start')));
  }
  const inits = ['exiter', 'trapper', 'ignorer']
    .map((c) => ({ init: event(c, 'init'), start: event(c, 'start') }))
    .filter((x): x is { init: number; start: number } => x.init !== undefined && x.start !== undefined)
    .sort((a, b) => a.init - b.init);
  add('first created after pod created', sub(inits[0]?.init, r.createdEpoch));
  inits.slice(1).forEach((x, i) => {
    add('next created after previous started', sub(x.init, inits[i]?.start));
  });
  add('died event lag', sub(event('exiter', 'died'), marker('exiter', 'exiting')));
  add('died event lag', sub(event('trapper', 'died'), marker('trapper', 'exiting')));
  add('died event lag (KILL, vs FinishedAt)', sub(event('ignorer', 'died'), finished('ignorer')));
  add('TERM after pod stop', sub(marker('trapper', 'term'), stop));
  add('TERM after pod stop', sub(marker('ignorer', 'term'), stop));
  add('KILL after TERM minus grace', sub(sub(finished('ignorer'), marker('ignorer', 'term')), 2));
}

function quantile(sorted: ReadonlyArray<number>, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const parallel = Number(process.argv[3] ?? 1);
  const loaded = loadCaseText(caseText, 'podman-spread.case.yaml');
  if (loaded.status !== 'ok') throw new Error('the spread case does not load');
  const backend = createPodmanBackend({ compile: compileManifest, onRecord: measure });
  const ready = await backend.setUp();
  if (ready.status !== 'ready') {
    console.log(`podman is not available: ${ready.reason}`);
    process.exitCode = 3;
    return;
  }
  const started = Date.now();
  for (let i = 0; i < rounds; i += 1) {
    const outcomes = await Promise.all(Array.from({ length: parallel }, () => backend.run(loaded.caseFile.scenario)));
    for (const o of outcomes) if (o.status !== 'observed') console.log(`run: ${o.status}: ${o.reason}`);
  }
  await backend.tearDown();
  console.log(`${rounds} round(s) x ${parallel} pod(s) at once, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log('figure (ms)                              n     min  median     p95     max');
  for (const [name, values] of figures) {
    const s = [...values].sort((a, b) => a - b);
    const cell = (v: number): string => v.toFixed(1).padStart(8);
    console.log(
      `${name.padEnd(38)}${String(s.length).padStart(4)}${cell(s[0] ?? Number.NaN)}${cell(quantile(s, 0.5))}${cell(quantile(s, 0.95))}${cell(s[s.length - 1] ?? Number.NaN)}`,
    );
  }
}

await main();
