/**
 * A tiny seeded PRNG (mulberry32) so jittered runs are reproducible from their seed alone;
 * the simulator never touches Math.random.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max) whose logarithm is uniform: small values as often per decade as large ones. */
  logBetween(min: number, max: number): number {
    return min * Math.pow(max / min, this.next());
  }

  /** One element of a non-empty list. */
  pick<T>(list: ReadonlyArray<T>): T {
    const v = list[this.int(0, list.length - 1)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'.charAt(this.int(0, 15));
    return s;
  }
}
