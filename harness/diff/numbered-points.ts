/**
 * The suite numbers observed points of one kind in time order (FORMAT.md: a backend may report each
 * start simply as `C.started`), so `C.started#2` always means the second start seen.
 */
import { formatPointRef, parsePointRef, type Observation, type PointRef } from '../../specs/vocabulary/index.ts';

export type PointTimes = ReadonlyMap<string, number>;

/** Maps `C.started#2` (and bare `C.started` = #1) to the time it was observed. */
export function numberPoints(observation: Observation): PointTimes {
  const byKey = new Map<string, number[]>();
  for (const p of observation.points) {
    const parsed = parsePointRef(p.point.replace(/#\d+$/, ''));
    if (parsed.status !== 'ok') continue;
    const key = formatPointRef(parsed.ref);
    const list = byKey.get(key) ?? [];
    list.push(p.t);
    byKey.set(key, list);
  }
  const times = new Map<string, number>();
  for (const [key, list] of byKey) {
    const sorted = [...list].sort((a, b) => a - b);
    const parsed = parsePointRef(key);
    if (parsed.status !== 'ok') continue;
    sorted.forEach((t, i) => times.set(formatPointRef({ ...parsed.ref, occurrence: i + 1 }), t));
  }
  return times;
}

export function timeOf(times: PointTimes, ref: PointRef): number | undefined {
  return times.get(formatPointRef(ref));
}
