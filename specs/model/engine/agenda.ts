/** A time-ordered agenda: a binary heap of tasks, ties broken by insertion order so every run is deterministic. */

interface Task {
  readonly t: number;
  readonly seq: number;
  readonly run: () => void;
}

export class Agenda {
  private readonly heap: Task[] = [];
  private seq = 0;

  schedule(t: number, run: () => void): void {
    const task: Task = { t, seq: this.seq++, run };
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Task;
      if (before(p, task)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = task;
  }

  get size(): number {
    return this.heap.length;
  }

  peekTime(): number | undefined {
    return this.heap[0]?.t;
  }

  /** Removes and returns the earliest task. */
  pop(): Task | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = last;
        let at = -1;
        const left = heap[l];
        const right = heap[r];
        if (left !== undefined && before(left, smallest)) {
          smallest = left;
          at = l;
        }
        if (right !== undefined && before(right, smallest)) {
          smallest = right;
          at = r;
        }
        if (at < 0) break;
        heap[i] = smallest;
        i = at;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}
