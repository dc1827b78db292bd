/**
 * Which defaults decide the outcome: each default is replaced by its most plausible other reading (a step that
 * succeeds fails, a process that runs crashes, a probe that passes fails, a TERM that is obeyed is ignored), the
 * scenario is predicted again on the nominal timeline, and where the final phase, STATUS, READY or RESTARTS differ the
 * assumption is said to decide it. A plain pod predicts in milliseconds, so this costs one run per default.
 */
import { profileFinal, type ProfileFinal } from '../../../specs/model/index.ts';
import { allContainers, goneStatus, type Container, type Scenario } from '../../../specs/vocabulary/index.ts';
import { applySetting, describeSetting, settingValueText, targetOf, type Assumption } from './assumptions.ts';
import { settingSpellings, type Setting } from './settings.ts';

/** What the pod ends as: the phase and the columns a person reads. */
export interface OutcomeColumns {
  readonly phase: string;
  readonly status: string;
  readonly ready: string;
  readonly restarts: number;
}

export interface DecidedOutcome {
  /** the other reading, in words and in the flag's grammar */
  readonly alternative: string;
  readonly alternativeValue: string;
  /** the flag that would set the other reading */
  readonly alternativeFlag: string;
  /** the outcome with the assumption as made */
  readonly assumedOutcome: OutcomeColumns;
  /** the outcome with the other reading */
  readonly alternativeOutcome: OutcomeColumns;
}

/** The other reading of a setting, the one whose outcome is compared. */
export function alternativeOf(s: Setting): Setting {
  switch (s.type) {
    case 'exits':
      return {
        ...s,
        value:
          s.value.type === 'never'
            ? { type: 'exits', exitCode: 1, afterSeconds: 10 }
            : { ...s.value, exitCode: s.value.exitCode === 0 ? 1 : 0 },
      };
    case 'on-term':
      return {
        ...s,
        value: s.value.type === 'ignore' ? { type: 'exit', exitCode: 143, afterSeconds: 0 } : { type: 'ignore' },
      };
    case 'hook':
      return { ...s, value: { ...s.value, result: s.value.result === 'success' ? 'fail' : 'success' } };
    case 'probe':
      return { ...s, value: s.value.type === 'never' ? { type: 'always' } : { type: 'never' } };
  }
}

function columns(f: ProfileFinal): OutcomeColumns {
  return {
    phase: f.final.phase,
    status: f.final.gone ? goneStatus : f.final.status,
    ready: f.ready,
    restarts: f.restarts,
  };
}

function same(a: OutcomeColumns, b: OutcomeColumns): boolean {
  // a removed pod shows no columns any more: only its last phase tells two endings apart
  if (a.status === goneStatus && b.status === goneStatus) return a.phase === b.phase;
  return a.phase === b.phase && a.status === b.status && a.ready === b.ready && a.restarts === b.restarts;
}

/**
 * For each default assumption, the outcome it decides (`undefined`: the other reading ends the same way). Flags and
 * annotations are the user's own statements and are not questioned.
 */
export function decidedOutcomes(
  scenario: Scenario,
  assumptions: ReadonlyArray<Assumption>,
): ReadonlyArray<DecidedOutcome | undefined> {
  const baseline = columns(profileFinal(scenario, 'nominal'));
  const byName = new Map(allContainers(scenario.pod).map((c) => [c.name, c]));
  return assumptions.map((a) => {
    if (a.source !== 'default') return undefined;
    const other = alternativeOf(a.setting);
    const changed = applySetting(scenario, other);
    if (typeof changed === 'string') return undefined;
    const outcome = columns(profileFinal(changed, 'nominal'));
    if (same(outcome, baseline)) return undefined;
    const container = byName.get(a.setting.container) as Container;
    return {
      alternative: describeSetting(other, container).assumed,
      alternativeValue: settingValueText(other),
      alternativeFlag: settingSpellings(other.type, targetOf(other), settingValueText(other)).flag,
      assumedOutcome: baseline,
      alternativeOutcome: outcome,
    };
  });
}
