/**
 * The timelines' data, packed compactly for one `<script type="application/json">` block: the page draws an
 * entry's timeline from it only when the entry is opened, so a 1,000-entry report stays small and opens fast.
 * Only what the picture needs is kept (results.json holds the full prediction and observation).
 *
 * Shape (short keys on purpose; reports/html/client/report-page.js reads it):
 * `{ strings: string[], entries: (PackedTimeline | null)[] }`, entries indexed like results.entries; every text
 * (lane, kind of point, rule, anchor, status, band label) is an index into `strings`, since the same few hundred
 * texts recur across a thousand entries.
 */
import type { EntryFinding, ResultEntry, Timeline } from '../results/schema.ts';
import { roundMs } from './format.ts';

/** One row of the picture: a kind of point (`started`) on a lane (`app`); its occurrences share the row. */
type PackedRow = readonly [lane: number, kind: number];

/**
 * A window while packing: `[row, from, to, flags, occurrence, rule, follows?]`; flags: 1 certain (else possible),
 * 2 open-ended (no upper bound: drawn to the end and faded).
 */
type PackedWindow = readonly [number, number, number, number, number, number, number?];

/** An observed point while packing: `[row, t, occurrence]`. */
type PackedPoint = readonly [number, number, number];

/** Numbers per window in `PackedTimeline.w`: row, from, to, occurrence × 4 + flags, rule, follows (or -1). */
export const windowStride = 6;

/** Numbers per observed point in `PackedTimeline.o`: row, t, occurrence. */
export const pointStride = 3;

/** `[label, from, to, lane index or -1 for the whole pod]` */
type PackedBand = readonly [number, number, number, number];

/** `[t, status]` */
type PackedStep = readonly [number, number];

/** The first divergence as the picture marks it. */
interface PackedDivergence {
  /** the row of its subject, -1 when the subject is no point (a field such as `phase`) */
  readonly row: number;
  readonly occ: number;
  readonly at?: number;
  readonly label: number;
}

export interface PackedTimeline {
  /** lane names top to bottom (indices into `strings`); rows and bands refer to lanes by position here */
  readonly lanes: ReadonlyArray<number>;
  readonly rows: ReadonlyArray<PackedRow>;
  readonly end: number;
  /** the windows flattened, `windowStride` numbers each (flat arrays cost a fifth less than nested ones) */
  readonly w: ReadonlyArray<number>;
  /** the observed points flattened, `pointStride` numbers each */
  readonly o: ReadonlyArray<number>;
  readonly b: ReadonlyArray<PackedBand>;
  readonly ps: ReadonlyArray<PackedStep>;
  readonly os?: ReadonlyArray<PackedStep>;
  readonly d?: PackedDivergence;
}

export interface PackedTimelines {
  readonly strings: ReadonlyArray<string>;
  readonly entries: ReadonlyArray<PackedTimeline | null>;
}

/** A point reference split for the picture: `app.started#2` on lane `app` → kind `started`, occurrence 2. */
export interface PointParts {
  readonly kind: string;
  readonly occurrence: number;
}

/** Splits a point text against its lane; tolerant, since a report must draw whatever a record holds. */
export function pointParts(point: string, lane: string): PointParts {
  const hash = /#([0-9]+)$/.exec(point);
  const body = hash ? point.slice(0, hash.index) : point;
  const kind = body.startsWith(`${lane}.`) ? body.slice(lane.length + 1) : body;
  return { kind, occurrence: hash ? Number(hash[1]) : 1 };
}

/** The lane a subject such as `app.started#2` belongs to, when it names one of the timeline's lanes. */
export function laneOfSubject(subject: string, lanes: ReadonlyArray<string>): string | undefined {
  const dot = subject.indexOf('.');
  if (dot <= 0) return undefined;
  const lane = subject.slice(0, dot);
  return lanes.includes(lane) ? lane : undefined;
}

/** A finite time clamped into what the picture shows, so an open-ended window (`Infinity`, null) still draws. */
function clampTime(t: number, end: number): number {
  if (typeof t !== 'number' || Number.isNaN(t)) return end;
  return roundMs(Math.min(Math.max(t, -end), end));
}

class RowTable {
  readonly rows: Array<readonly [lane: number, kind: string]> = [];
  // When a row first shows: its first observed point if any, else its earliest window (a window open from 0, such as
  // a readiness one, would otherwise pull its row to the top).
  private readonly firstSeen: Array<{ observed: number; predicted: number }> = [];
  private readonly index = new Map<string, number>();

  /** `lanes` grows when a point names a lane the timeline did not list, so nothing observed goes undrawn. */
  constructor(readonly lanes: Array<string>) {}

  rowOf(lane: string, kind: string, t: number, source: 'observed' | 'predicted'): number {
    const key = `${lane}\u0000${kind}`;
    let row = this.index.get(key);
    if (row === undefined) {
      let laneIndex = this.lanes.indexOf(lane);
      if (laneIndex < 0) laneIndex = this.lanes.push(lane) - 1;
      row = this.rows.length;
      this.rows.push([laneIndex, kind]);
      this.firstSeen.push({ observed: Infinity, predicted: Infinity });
      this.index.set(key, row);
    }
    const seen = this.firstSeen[row];
    if (seen) seen[source] = Math.min(seen[source], t);
    return row;
  }

  private when(row: number): number {
    const seen = this.firstSeen[row];
    if (!seen) return Infinity;
    return Number.isFinite(seen.observed) ? seen.observed : seen.predicted;
  }

  /** Rows in lane order, and within a lane by first time: the picture then reads top-down as the pod lived. */
  order(): ReadonlyArray<number> {
    return this.rows
      .map((_, i) => i)
      .sort((a, b) => {
        const la = this.rows[a]?.[0] ?? 0;
        const lb = this.rows[b]?.[0] ?? 0;
        return la - lb || this.when(a) - this.when(b) || a - b;
      });
  }
}

function packDivergence(
  finding: EntryFinding | undefined,
  rows: RowTable,
  intern: (text: string) => number,
): PackedDivergence | undefined {
  if (!finding) return undefined;
  const subject = finding.subject;
  const lane = subject === undefined ? undefined : laneOfSubject(subject, rows.lanes);
  const at = finding.atSeconds === undefined ? undefined : roundMs(finding.atSeconds);
  const label = intern(subject ?? finding.check);
  if (subject === undefined || lane === undefined) {
    return at === undefined ? { row: -1, occ: 0, label } : { row: -1, occ: 0, at, label };
  }
  const parts = pointParts(subject, lane);
  const row = rows.rowOf(lane, parts.kind, at ?? Infinity, 'predicted');
  return at === undefined ? { row, occ: parts.occurrence, label } : { row, occ: parts.occurrence, at, label };
}

/** Packs one entry's timeline; `intern` gives a text's index in the strings shared by every entry. */
export function packTimeline(
  timeline: Timeline,
  firstFinding: EntryFinding | undefined,
  intern: (text: string) => number,
): PackedTimeline {
  const lanes = timeline.lanes.includes('pod') ? [...timeline.lanes] : [...timeline.lanes, 'pod'];
  const lastTime = Math.max(
    timeline.observeForSeconds,
    ...timeline.observed.map((p) => p.t),
    ...timeline.bands.map((b) => (Number.isFinite(b.toSeconds) ? b.toSeconds : 0)),
  );
  const end = roundMs(Number.isFinite(lastTime) && lastTime > 0 ? lastTime : 1);
  const rows = new RowTable(lanes);
  const w = timeline.windows.map((win): PackedWindow => {
    const parts = pointParts(win.point, win.lane);
    const from = clampTime(win.fromSeconds, end);
    const row = rows.rowOf(win.lane, parts.kind, from, 'predicted');
    const to = clampTime(win.toSeconds, end);
    // The record writes "no upper bound" as a huge number (or Infinity); the picture shows it fading at the end.
    const flags = (win.certainty === 'certain' ? 1 : 0) + (win.toSeconds > end ? 2 : 0);
    const rule = intern(win.rule);
    return win.follows === undefined
      ? [row, from, to, flags, parts.occurrence, rule]
      : [row, from, to, flags, parts.occurrence, rule, intern(win.follows)];
  });
  const o = timeline.observed.map((p): PackedPoint => {
    const parts = pointParts(p.point, p.lane);
    return [rows.rowOf(p.lane, parts.kind, p.t, 'observed'), roundMs(p.t), parts.occurrence];
  });
  const d = packDivergence(firstFinding, rows, intern);
  // Renumber rows into display order so the page only has to walk them.
  const order = rows.order();
  const renumber = new Map(order.map((oldRow, newRow) => [oldRow, newRow]));
  const at = (row: number): number => renumber.get(row) ?? row;
  const b = timeline.bands.map((band): PackedBand => [
    intern(band.label),
    clampTime(band.fromSeconds, end),
    clampTime(band.toSeconds, end),
    band.lane === undefined ? -1 : lanes.indexOf(band.lane),
  ]);
  const steps = (s: Timeline['predictedStatus']): ReadonlyArray<PackedStep> =>
    s.map((step) => [roundMs(step.t), intern(step.status)]);
  const packed: PackedTimeline = {
    lanes: lanes.map(intern),
    rows: order.map((oldRow): PackedRow => {
      const [lane, kind] = rows.rows[oldRow] ?? [0, ''];
      return [lane, intern(kind)];
    }),
    end,
    w: w.flatMap(([row, from, to, flags, occ, rule, follows]) => [
      at(row),
      from,
      to,
      occ * 4 + flags,
      rule,
      follows ?? -1,
    ]),
    o: o.flatMap(([row, t, occ]) => [at(row), t, occ]),
    b,
    ps: steps(timeline.predictedStatus),
    ...(timeline.observedStatus === undefined ? {} : { os: steps(timeline.observedStatus) }),
  };
  return d === undefined ? packed : { ...packed, d: d.row < 0 ? d : { ...d, row: at(d.row) } };
}

/** One timeline to pack, with the finding its picture marks (none for a prediction alone). */
export interface TimelineToPack {
  readonly timeline: Timeline | undefined;
  readonly firstFinding: EntryFinding | undefined;
}

/**
 * Timelines for one page's JSON block (null where there is none), their texts interned once; a page's
 * `.timeline-host[data-entry=i]` (timeline-host.ts) draws the i-th. report.html and `predict --html` both use it.
 */
export function packTimelineSet(items: ReadonlyArray<TimelineToPack>): PackedTimelines {
  const strings: Array<string> = [];
  const ids = new Map<string, number>();
  const intern = (text: string): number => {
    let i = ids.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      ids.set(text, i);
    }
    return i;
  };
  return {
    strings,
    entries: items.map(({ timeline, firstFinding }) =>
      timeline === undefined ? null : packTimeline(timeline, firstFinding, intern),
    ),
  };
}

/** The timelines of every entry of a results file (null where an entry has none). */
export function packTimelines(entries: ReadonlyArray<ResultEntry>): PackedTimelines {
  return packTimelineSet(entries.map((entry) => ({ timeline: entry.timeline, firstFinding: entry.findings[0] })));
}
