// The model's self-check (issue 6): every run of the model with its latencies drawn at random inside their own
// windows — mixed timings the three corner profiles never meet — must be accepted by the full prediction through the
// real differ with no tolerance. A rejection is a timing the model allows whose outcome its prediction denies.
import { describe, expect, it } from 'vitest';
import { diff } from '../../../harness/diff/index.ts';
import { drawnObservation, predict } from '../../../specs/model/index.ts';
import type { Prediction } from '../../../specs/vocabulary/index.ts';
import { exits, regular, scenario } from './build-scenario.ts';
import { caseCorpus, generatedCorpus, seededRandom, selfCheck } from './self-check-harness.ts';

const draws = 6;
const seed = 7;

/**
 * Rejections the model still makes, by rule and violation type, each a known open class (reported in the issue):
 * a sync's consequences are anchored on the trigger that started it in the nominal run, but under another timing the
 * same sync is started by another trigger, waits for a busy worker (a start, a delete arriving mid-sync), or first
 * serves another container that changed just before it (a sidecar's restart before the next init container), so the
 * window measured from the nominal trigger is too narrow; and a probe tick's window relative to the start is a
 * heuristic of one period. Only window and order violations of these
 * rules are tolerated; every other rejection fails the test.
 */
const openClasses: ReadonlySet<string> = new Set(
  [
    'init.pull-before-each',
    'init.sequential',
    'kubelet.backoff.sequence',
    'pull.ifnotpresent-missing-pulls',
    'pull.always-every-start',
    'pull.always-repull-on-restart',
    'kubelet.start.serial',
    'kubelet.sidecar.start-gate',
    'term.prestop-first',
    'kubelet.probe.readiness',
    'kubelet.conditions.generate',
  ].flatMap((rule) => [`${rule} window`, `${rule} order`]),
);

describe('the self-check', () => {
  it('has teeth: a prediction whose window is narrowed to zero width rejects drawn runs', () => {
    const s = scenario({
      restartPolicy: 'Never',
      containers: [regular('app', { behavior: exits(0, 3) })],
      observeFor: 10,
    });
    const p = predict(s);
    const narrowed: Prediction = {
      ...p,
      points: p.points.map((x) =>
        x.ref.scope === 'container' && x.ref.name === 'exited'
          ? { ...x, window: { minSeconds: x.window.minSeconds, maxSeconds: x.window.minSeconds } }
          : x,
      ),
    };
    const rejected = Array.from({ length: 10 }, (_, i) => drawnObservation(s, seededRandom(i))).filter(
      (o) => diff(narrowed, o, { toleranceSeconds: 0 }).status === 'fail',
    );
    expect(rejected.length).toBeGreaterThan(0);
  });

  it('accepts every drawn run of every case file and of generated scenarios of every family', async () => {
    const entries = [...(await caseCorpus()), ...generatedCorpus(6, seed)];
    expect(entries.length).toBeGreaterThan(60);
    const unexpected: string[] = [];
    let rejectedDraws = 0;
    for (const entry of entries) {
      for (const failure of selfCheck(entry, draws, seed)) {
        rejectedDraws++;
        for (const v of failure.violations) {
          if (!openClasses.has(`${v.rule} ${v.type}`))
            unexpected.push(`${entry.name} draw ${failure.draw}: ${v.message}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
    // the open classes are rare: a handful of draws in the whole corpus
    expect(rejectedDraws).toBeLessThanOrEqual(Math.ceil(entries.length * draws * 0.01));
  });
});
