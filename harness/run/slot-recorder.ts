/**
 * Measures how a real backend's run used its parallel slots, phase by phase (the case library, then the generated
 * scenarios): each phase's wall time against the least its scenarios' `observeFor` allow on that many slots.
 */
import { slotUse, slotUseLine } from './concurrency.ts';
import type { RunTarget } from './target.ts';

interface Phase {
  readonly name: string;
  readonly slots: number;
  readonly started: number;
  ended?: number;
  readonly modeledSeconds: number[];
}

/** Wraps a target so that every run is counted in the phase it belongs to. */
export class SlotRecorder {
  readonly target: RunTarget;
  private readonly phases: Phase[] = [];

  constructor(
    inner: RunTarget,
    private readonly slots: number,
  ) {
    this.target = {
      ...inner,
      run: async (scenario, seed) => {
        const phase = this.phases.at(-1);
        const outcome = await inner.run(scenario, seed);
        phase?.modeledSeconds.push(scenario.observeForSeconds);
        if (phase !== undefined) phase.ended = performance.now();
        return outcome;
      },
    };
  }

  /** Starts a phase run on `slots` slots (default: the run's); the previous one ends where its last run ended. */
  startPhase(name: string, slots = this.slots): void {
    this.phases.push({ name, slots, started: performance.now(), modeledSeconds: [] });
  }

  /** One line per phase that ran something: `case library: wall 84.2 s for 12 scenarios on 4 slots: 1.17 × …`. */
  lines(): string[] {
    return this.phases
      .filter((p) => p.modeledSeconds.length > 0 && p.ended !== undefined)
      .map((p) => {
        const wall = ((p.ended ?? p.started) - p.started) / 1000;
        return `${p.name}: ${slotUseLine(slotUse(wall, p.modeledSeconds, p.slots))}`;
      });
  }
}
