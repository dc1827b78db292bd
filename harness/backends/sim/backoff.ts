/**
 * The kubelet's back-off bookkeeping (client-go flowcontrol.Backoff as the kubelet configures it,
 * KUBELET-FACTS §4.4, §9.4): per key a current delay that doubles up to a cap, and an entry that
 * counts as new again once its last update is more than the reset window old.
 */
import type { Ms } from './clock.ts';

interface Entry {
  delay: Ms;
  lastUpdate: Ms;
}

/** Back-off per key: `next` advances it, the `isInBackOff*` checks read it. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly initialMs: Ms,
    readonly maxMs: Ms,
    /** an entry older than this (by its last update) starts over */
    readonly resetMs: Ms,
  ) {}

  /**
   * Advances the key's delay (initial for a new or expired entry, else doubled up to the cap). Expiry is judged at
   * `eventTime` (CrashLoopBackOff passes the exit's finishedAt), but the entry is stamped with the clock's `now`, as
   * flowcontrol's Next does (`lastUpdate = Clock.Now()`); `now` defaults to `eventTime` (image pulls pass the clock).
   */
  next(key: string, eventTime: Ms, now: Ms = eventTime): void {
    const entry = this.entries.get(key);
    if (entry === undefined || eventTime - entry.lastUpdate > this.resetMs) {
      this.entries.set(key, { delay: this.initialMs, lastUpdate: now });
      return;
    }
    entry.delay = Math.min(entry.delay * 2, this.maxMs);
    entry.lastUpdate = now;
  }

  /** Current delay of the key, 0 without an entry. */
  get(key: string): Ms {
    return this.entries.get(key)?.delay ?? 0;
  }

  /** CrashLoopBackOff's check: still inside the delay counted from `eventTime` (the exit's finishedAt). */
  isInBackOffSince(key: string, eventTime: Ms, now: Ms): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined || eventTime - entry.lastUpdate > this.resetMs) return false;
    return now - eventTime < entry.delay;
  }

  /** Image pull back-off's check: still inside the delay counted from the last failure. */
  isInBackOffSinceUpdate(key: string, now: Ms): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined || now - entry.lastUpdate > this.resetMs) return false;
    return now - entry.lastUpdate < entry.delay;
  }

  /** Starts an entry at the initial delay without a restart having happened (used by a deviation). */
  seed(key: string, eventTime: Ms): void {
    if (!this.entries.has(key)) this.entries.set(key, { delay: this.initialMs, lastUpdate: eventTime });
  }
}

/** CrashLoopBackOff: 10 s doubling to 300 s, reset after 600 s (kubelet.go initialCrashLoopBackOff, MaxCrashLoopBackOff). */
export function crashLoopBackoff(uncapped: boolean): Backoff {
  return new Backoff(10_000, uncapped ? Number.MAX_SAFE_INTEGER : 300_000, 600_000);
}

/** Image pull back-off: 10 s doubling to 300 s, reset after 2 x max (kubelet.go imageBackOffPeriod, MaxImageBackOff). */
export function imagePullBackoff(): Backoff {
  return new Backoff(10_000, 300_000, 600_000);
}
