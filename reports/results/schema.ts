/**
 * `results.json`: the one file a run leaves behind (STYLE practice 14: write the record first, render later). The
 * HTML report, the JUnit XML and `--rerun-failed` all read this and nothing else; `podconform report` re-renders
 * them from it without running anything. Plain JSON data: no class instances, no functions, no Maps.
 */
import type { Observation, Prediction } from '../../specs/vocabulary/index.ts';
import type { Verdict } from '../../harness/diff/index.ts';

/** Bumped whenever a field changes meaning or is removed; readers refuse a version they do not know. */
export const resultsSchemaVersion = 1;

/** The file's `kind`, so a reader can tell it from the older per-seed `run-<seed>.json` record. */
export const resultsKind = 'podconform-results';

/** A verdict on one entry; `no expectations`: a case whose expect block holds nothing (judged nothing). */
export type EntryStatus = 'pass' | 'fail' | 'unknown' | 'error' | 'no expectations';

/** The run's overall status: error over fail over unknown over pass. */
export type RunStatus = 'pass' | 'fail' | 'unknown' | 'error';

/** One thing that did not pass, in the order a person should read them: the first is the first divergence. */
export interface EntryFinding {
  readonly status: 'fail' | 'unknown';
  /** the rule it breaks, when one is named (a generated scenario's violation, a case entry's rule) */
  readonly rule?: string;
  /** what was checked: a case's expect entry (`points.order[2]`) or a violation's kind (`window`) */
  readonly check: string;
  /** one sentence: what was predicted, what was seen */
  readonly message: string;
  /** the observed point or field it is about, when there is one (`app.started#2`, `phase`): what the timeline marks */
  readonly subject?: string;
  /** seconds since pod.created where the divergence shows, when it has a time */
  readonly atSeconds?: number;
}

/** A predicted point as the timeline draws it: its window in absolute seconds, from the observed anchor. */
export interface TimelineWindow {
  /** `app.started#2` */
  readonly point: string;
  /** the lane: a container name, or `pod` */
  readonly lane: string;
  readonly fromSeconds: number;
  readonly toSeconds: number;
  readonly certainty: 'certain' | 'possible';
  readonly rule: string;
  /** what the window is measured from (`app.created#2`); absent: from pod creation */
  readonly follows?: string;
}

/** An observed point on its lane. */
export interface TimelinePoint {
  readonly point: string;
  readonly lane: string;
  readonly t: number;
}

/** A stretch of time a fault or an API action covers, drawn as a band across the lanes. */
export interface TimelineBand {
  readonly label: string;
  readonly fromSeconds: number;
  readonly toSeconds: number;
  /** the lane it belongs to, or absent for the whole pod */
  readonly lane?: string;
}

/** kubectl's STATUS column from a time on (a step function). */
export interface StatusStep {
  readonly t: number;
  readonly status: string;
}

/** Everything a timeline needs, computed when the record is written so renderers stay simple and pure. */
export interface Timeline {
  /** lanes top to bottom: init containers, sidecars, app containers in pod order, then `pod` */
  readonly lanes: ReadonlyArray<string>;
  readonly observeForSeconds: number;
  readonly windows: ReadonlyArray<TimelineWindow>;
  readonly observed: ReadonlyArray<TimelinePoint>;
  readonly bands: ReadonlyArray<TimelineBand>;
  /** the model's STATUS column over the nominal timeline */
  readonly predictedStatus: ReadonlyArray<StatusStep>;
  /** STATUS as the backend saw it over time; absent when it reports only the final value */
  readonly observedStatus?: ReadonlyArray<StatusStep>;
}

/** One case of a library or one generated scenario, judged. */
export interface ResultEntry {
  readonly kind: 'case' | 'scenario' | 'counterexample';
  /** the case's or scenario's id */
  readonly id: string;
  readonly status: EntryStatus;
  /** the case file it came from (cases) */
  readonly file?: string;
  /** its index in the seed's sequence (generated scenarios) */
  readonly index?: number;
  /** the command that runs this one again */
  readonly replay?: string;
  /**
   * the latency seed a seeded backend (the sim) ran this generated scenario with; absent: nominal latencies.
   * `--rerun-failed` runs the scenario with it again, since some failures need that timing. (Optional, added with
   * `--report`; a version-1 reader that ignores it loses nothing else.)
   */
  readonly latencySeed?: number;
  /** the scenario in the exec: protocol's JSON form (FORMAT.md): what `--rerun-failed` runs again */
  readonly scenario: unknown;
  /** the case as a case file (for a generated scenario: with the prediction's expectations), ready to save */
  readonly caseYaml: string;
  /** a `kubectl apply -f`-ready Pod that acts the scenario out (failures only), or why it cannot be built */
  readonly manifest?: { readonly yaml: string } | { readonly unavailable: string };
  /** rules the entry exercises, each with its outcome here */
  readonly rules: ReadonlyArray<{ readonly rule: string; readonly status: 'pass' | 'fail' | 'unknown' }>;
  /** what did not pass; the first is the first divergence */
  readonly findings: ReadonlyArray<EntryFinding>;
  /** the documents' claims (`documented:` in a case) that the observation does not bear out */
  readonly divergences: ReadonlyArray<{ readonly check: string; readonly message: string }>;
  /** why the backend saw nothing (outcome unknown or error) */
  readonly outcomeReason?: string;
  /** what the backend wrote on stderr during an observed run (its first 2,000 characters), e.g. podman's complaints */
  readonly backendSaid?: string;
  readonly observation?: Observation;
  /** the model's prediction as JSON: a value the model gives as "none" (no reason, no exit code) is `null` here */
  readonly prediction?: Prediction;
  /** the differ's verdict (generated scenarios and counterexamples) */
  readonly verdict?: Verdict;
  readonly timeline?: Timeline;
  /** shrink steps taken (counterexample) */
  readonly shrinks?: number;
  /** wall time of the backend's run of this entry */
  readonly durationMs?: number;
}

/** A rule as the report explains it: the catalogue's entry, copied so renderers need nothing else. */
export interface RuleInfo {
  readonly id: string;
  readonly area: string;
  readonly statement: string;
  readonly standing: string;
  readonly origin: string;
  /** each source in one line: `001_…txt: "quote"` or `KUBELET-FACTS §5.2 (pkg/kubelet/…: killContainer)` */
  readonly sources: ReadonlyArray<string>;
  readonly divergence?: { readonly documented: string; readonly kubelet: string };
}

/** Counts over the entries. */
export interface ResultsSummary {
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  readonly error: number;
  readonly noExpectations: number;
}

/** The whole file. */
export interface ResultsFile {
  readonly schemaVersion: typeof resultsSchemaVersion;
  readonly kind: typeof resultsKind;
  readonly tool: { readonly name: 'podconform'; readonly version: string; readonly commit?: string };
  readonly command: 'run' | 'check';
  /** the arguments as given, after the command name */
  readonly argv: ReadonlyArray<string>;
  /** the one line that repeats this run */
  readonly replay: string;
  readonly seed?: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** the machine podconform ran on, when the writer records it (JUnit's `hostname`); optional, added after version 1 */
  readonly hostname?: string;
  readonly backend: {
    readonly name: string;
    /** what the backend says it is (podman's version, the cluster's server version) */
    readonly version?: string;
    readonly notices: ReadonlyArray<string>;
  };
  /** the Kubernetes version whose rules the model predicts (`1.35`, default feature gates) */
  readonly kubernetesVersion: string;
  /** `--focus`/`--skip`/`--rules` as given */
  readonly filters: { readonly focus?: string; readonly skip?: string; readonly rules?: string };
  readonly status: RunStatus;
  readonly summary: ResultsSummary;
  /** cases first (the library, or check's files), then generated scenarios in index order, then the counterexample */
  readonly entries: ReadonlyArray<ResultEntry>;
  /** every rule any entry names, from the catalogue */
  readonly rules: ReadonlyArray<RuleInfo>;
  /** the catalogue's documentation divergences: the documents claim one thing, the kubelet does another */
  readonly documentationDivergences: ReadonlyArray<RuleInfo>;
  /** files that could not be loaded, one line each */
  readonly problems: ReadonlyArray<string>;
}
