import { describe, expect, it } from 'vitest';
import {
  laneOfSubject,
  packTimeline,
  packTimelines,
  pointParts,
  pointStride,
  windowStride,
} from '../../../reports/html/timeline-data.ts';
import type { Timeline } from '../../../reports/results/schema.ts';
import { hostileLane, hostileResults } from '../../fixtures/reports/hostile-results.ts';

const timeline: Timeline = {
  lanes: ['init', 'app'],
  observeForSeconds: 20,
  windows: [
    { point: 'app.ready', lane: 'app', fromSeconds: 0, toSeconds: Infinity, certainty: 'possible', rule: 'r.ready' },
    { point: 'app.started', lane: 'app', fromSeconds: 2, toSeconds: 3, certainty: 'certain', rule: 'r.start' },
    {
      point: 'app.started#2',
      lane: 'app',
      fromSeconds: 12.34567,
      toSeconds: 15,
      certainty: 'certain',
      rule: 'r.start',
      follows: 'app.exited',
    },
    { point: 'init.started', lane: 'init', fromSeconds: 0.5, toSeconds: 1, certainty: 'certain', rule: 'r.init' },
  ],
  observed: [
    { point: 'app.started', lane: 'app', t: 2.5 },
    { point: 'app.ready', lane: 'app', t: 2.7 },
    { point: 'sidecar.started', lane: 'sidecar', t: 30 },
  ],
  bands: [{ label: 'delete', fromSeconds: 10, toSeconds: 12, lane: 'app' }],
  predictedStatus: [{ t: 0, status: 'Init:0/1' }],
};

function chunks(flat: ReadonlyArray<number>, stride: number): ReadonlyArray<ReadonlyArray<number>> {
  return Array.from({ length: flat.length / stride }, (_, i) => flat.slice(i * stride, (i + 1) * stride));
}

function pack(t: Timeline = timeline) {
  const strings: string[] = [];
  const intern = (text: string): number => {
    if (!strings.includes(text)) strings.push(text);
    return strings.indexOf(text);
  };
  const finding = { status: 'fail', check: 'window', message: 'late', subject: 'app.started#2', atSeconds: 4 } as const;
  const packed = packTimeline(t, finding, intern);
  const text = (i: number | undefined): string => strings[i ?? -1] ?? '?';
  return { packed, text, intern };
}

describe('the timeline data embedded in report.html', () => {
  it('splits point texts against their lane, occurrence from #n', () => {
    expect(pointParts('app.started#2', 'app')).toEqual({ kind: 'started', occurrence: 2 });
    expect(pointParts('app.postStart.finished', 'app')).toEqual({ kind: 'postStart.finished', occurrence: 1 });
    expect(pointParts('pod.gone', 'pod')).toEqual({ kind: 'gone', occurrence: 1 });
    expect(pointParts('strange', 'app')).toEqual({ kind: 'strange', occurrence: 1 });
    expect(laneOfSubject('app.started#2', ['app', 'pod'])).toBe('app');
    expect(laneOfSubject('phase', ['app', 'pod'])).toBeUndefined();
  });

  it('puts a kind of point on one row per lane, lanes in order, rows by first observation', () => {
    const { packed, text } = pack();
    const rowNames = packed.rows.map(([lane, kind]) => `${text(packed.lanes[lane])}.${text(kind)}`);
    // init first (lane order); in app, started (seen 2.5) before ready (seen 2.7) although ready's window opens at 0;
    // a lane the timeline did not list is added rather than dropped; pod is always there.
    expect(packed.lanes.map(text)).toEqual(['init', 'app', 'pod', 'sidecar']);
    expect(rowNames).toEqual(['init.started', 'app.started', 'app.ready', 'sidecar.started']);
  });

  it('keeps windows with certainty, occurrence, rule and anchor; clamps open ends; rounds to milliseconds', () => {
    const { packed, intern } = pack();
    const windows = chunks(packed.w, windowStride);
    // row, from, to, occurrence × 4 + flags (1 certain, 2 open-ended), rule, follows
    expect(windows).toContainEqual([1, 12.346, 15, 2 * 4 + 1, intern('r.start'), intern('app.exited')]);
    expect(windows).toContainEqual([2, 0, packed.end, 1 * 4 + 2, intern('r.ready'), -1]);
    expect(packed.end).toBe(30);
    expect(chunks(packed.o, pointStride)).toContainEqual([1, 2.5, 1]);
  });

  it('marks the first divergence on its row and occurrence, with its time', () => {
    const { packed, intern } = pack();
    expect(packed.d).toEqual({ row: 1, occ: 2, at: 4, label: intern('app.started#2') });
    expect(packed.b).toEqual([[intern('delete'), 10, 12, 1]]);
    expect(packed.os).toBeUndefined();
  });

  it('packs every entry, null where there is no timeline, texts interned once', () => {
    const packed = packTimelines(hostileResults.entries);
    expect(packed.entries).toHaveLength(hostileResults.entries.length);
    expect(packed.entries.filter((e) => e === null)).toHaveLength(2);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    const failing = packed.entries[1];
    expect(packed.strings[failing?.lanes[0] ?? -1]).toBe(hostileLane);
    expect(failing?.d?.occ).toBe(3);
  });
});
