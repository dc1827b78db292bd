/**
 * The final states that go together. `Predicted<T>.possible` lists every value of each field apart (`Completed |
 * ContainerStatusUnknown`, `exit 0 | 137`); here each latency profile of the model (nominal, early, late) gives one
 * whole final state, and equal states are merged, so the reader sees "either this … or that" with the values that
 * occur together. What the prediction allows beyond those (a status written just before or after observeFor) is kept
 * apart, per field.
 */
import { profileFinals, type CornerProfile } from '../../../specs/model/index.ts';
import type { Prediction, Scenario } from '../../../specs/vocabulary/index.ts';

export interface OutcomeContainer {
  readonly state: string;
  readonly reason?: string;
  readonly exitCode?: number;
  readonly restartCount: number;
  readonly ready: boolean;
}

/** One final state and the timings that reach it. */
export interface Outcome {
  readonly profiles: ReadonlyArray<CornerProfile>;
  readonly phase: string;
  /** kubectl's STATUS; for a pod that is gone, the last one it showed */
  readonly status: string;
  readonly ready: string;
  readonly restarts: number;
  readonly gone: boolean;
  readonly containers: Readonly<Record<string, OutcomeContainer>>;
}

/** A value the prediction allows for a field that no profile's whole state shows (timing near observeFor). */
export interface LooseValue {
  readonly field: string;
  readonly values: ReadonlyArray<string>;
}

/** The distinct final states of the three profiles, nominal first. */
export function groupedOutcomes(scenario: Scenario): Outcome[] {
  const out: Outcome[] = [];
  const keys: string[] = [];
  for (const p of profileFinals(scenario)) {
    const containers: Record<string, OutcomeContainer> = {};
    for (const [name, c] of Object.entries(p.final.containers)) {
      containers[name] = {
        state: c.state,
        ...(c.reason !== undefined ? { reason: c.reason } : {}),
        ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
        restartCount: c.restartCount,
        ready: c.ready,
      };
    }
    const outcome = {
      phase: p.final.phase,
      status: p.final.status,
      ready: p.ready,
      restarts: p.restarts,
      gone: p.final.gone,
      containers,
    };
    const key = JSON.stringify(outcome);
    const i = keys.indexOf(key);
    const existing = out[i];
    if (existing !== undefined) out[i] = { ...existing, profiles: [...existing.profiles, p.profile] };
    else {
      keys.push(key);
      out.push({ profiles: [p.profile], ...outcome });
    }
  }
  return out;
}

const show = (v: string | number | boolean | undefined): string => (v === undefined ? '-' : String(v));

/** Per field, the values the prediction allows that none of the outcomes shows. */
export function looseValues(prediction: Prediction, outcomes: ReadonlyArray<Outcome>): LooseValue[] {
  const out: LooseValue[] = [];
  const add = (
    field: string,
    possible: ReadonlyArray<string | number | boolean | undefined>,
    shown: ReadonlyArray<string | number | boolean | undefined>,
  ): void => {
    const extra = possible.filter((v) => !shown.includes(v)).map(show);
    if (extra.length > 0) out.push({ field, values: extra });
  };
  const f = prediction.final;
  add(
    'phase',
    f.phase.possible,
    outcomes.map((o) => o.phase),
  );
  add(
    'STATUS',
    f.status.possible,
    outcomes.flatMap((o) => [o.status, o.gone ? undefined : o.status]),
  );
  for (const [name, c] of Object.entries(f.containers)) {
    const of = outcomes.map((o) => o.containers[name]);
    add(
      `${name} state`,
      c.state.possible,
      of.map((x) => x?.state),
    );
    add(
      `${name} reason`,
      c.reason.possible,
      of.map((x) => x?.reason),
    );
    add(
      `${name} exit code`,
      c.exitCode.possible,
      of.map((x) => x?.exitCode),
    );
    add(
      `${name} restarts`,
      c.restartCount.possible,
      of.map((x) => x?.restartCount),
    );
    add(
      `${name} ready`,
      c.ready.possible,
      of.map((x) => x?.ready),
    );
  }
  return out;
}
