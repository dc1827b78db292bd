/**
 * The virtual clock: whole milliseconds and a binary-heap event queue. Simultaneous events run in
 * the order they were scheduled, so a run is a pure function of the scenario (and seed).
 */

/** Whole milliseconds since pod creation; the only time unit inside the simulator. */
export type Ms = number;

/** Seconds (as scenarios write them) to whole milliseconds. */
export function toMs(seconds: number): Ms {
  return Math.round(seconds * 1000);
}

interface Entry {
  readonly t: Ms;
  readonly seq: number;
  readonly fn: () => void;
}

function before(a: Entry, b: Entry): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

/** A min-heap of timed callbacks with a current time that only moves forward. */
export class Clock {
  private readonly heap: Entry[] = [];
  private seq = 0;
  /** the time of the event being run (or the last one run) */
  now: Ms = 0;

  /** Runs `fn` at time `t` (never earlier than now). */
  at(t: Ms, fn: () => void): void {
    const entry: Entry = { t: t < this.now ? this.now : t, seq: this.seq++, fn };
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p === undefined || !before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Runs `fn` `delay` milliseconds from now. */
  after(delay: Ms, fn: () => void): void {
    this.at(this.now + delay, fn);
  }

  /** Runs every event due at or before `end`, in time order; returns the number of events run. */
  runUntil(end: Ms, shouldStop?: () => boolean): number {
    let count = 0;
    for (;;) {
      const top = this.heap[0];
      if (top === undefined || top.t > end) break;
      this.pop();
      this.now = top.t;
      top.fn();
      count++;
      if (shouldStop !== undefined && (count & 1023) === 0 && shouldStop()) break;
    }
    if (this.now < end) this.now = end;
    return count;
  }

  /** How many events are waiting. */
  get pending(): number {
    return this.heap.length;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const left = heap[l];
      const right = heap[r];
      if (left === undefined) break;
      let child = l;
      let c = left;
      if (right !== undefined && before(right, left)) {
        child = r;
        c = right;
      }
      if (!before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
  }
}
