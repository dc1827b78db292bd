/**
 * Running scenarios on a real backend several at a time: a real pod spends its `observeFor` mostly waiting, so
 * N slots finish N times sooner; results come back in input order, whatever order they finish in.
 */

/**
 * Calls `work` on every item with at most `limit` calls in flight, and `onResult` in input order as soon as every
 * earlier item is done (progress a user can read while later items still run). `stop()` returning true launches
 * no further items (those in flight finish); the result then holds only the items that ran, in order.
 */
export async function mapConcurrent<T, R>(
  items: ReadonlyArray<T>,
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  options: { readonly onResult?: (result: R, index: number) => void; readonly stop?: () => boolean } = {},
): Promise<R[]> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length);
  const done: boolean[] = new Array<boolean>(items.length).fill(false);
  let next = 0;
  let reported = 0;
  const report = (): void => {
    while (reported < items.length && done[reported]) {
      options.onResult?.(results[reported] as R, reported);
      reported++;
    }
  };
  const slot = async (): Promise<void> => {
    while (next < items.length && !(options.stop?.() ?? false)) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
      done[index] = true;
      report();
    }
  };
  const slots = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: slots }, slot));
  const ran: R[] = [];
  for (let i = 0; i < items.length && done[i]; i++) ran.push(results[i] as R);
  return ran;
}

/** How well a real run used its slots: wall time against the least it could take. */
export interface SlotUse {
  readonly wallSeconds: number;
  /** the least wall time N slots need for these scenarios: the longest one, or their sum spread over the slots */
  readonly idealSeconds: number;
  readonly slots: number;
  readonly scenarios: number;
  /** wallSeconds / idealSeconds; 1 is perfect, the goal is 1.3 plus set-up */
  readonly ratio: number;
}

/** The slot use of a run whose scenarios each model `modeledSeconds` (their `observeFor`) on `slots` slots. */
export function slotUse(wallSeconds: number, modeledSeconds: ReadonlyArray<number>, slots: number): SlotUse {
  const longest = modeledSeconds.reduce((a, b) => Math.max(a, b), 0);
  const spread = modeledSeconds.reduce((a, b) => a + b, 0) / Math.max(1, slots);
  const idealSeconds = Math.max(longest, spread);
  return {
    wallSeconds,
    idealSeconds,
    slots,
    scenarios: modeledSeconds.length,
    ratio: idealSeconds > 0 ? wallSeconds / idealSeconds : 0,
  };
}

/** One line for the user: `wall 84.2 s for 12 scenarios on 4 slots: 1.17 × the modeled 72.0 s`. */
export function slotUseLine(use: SlotUse): string {
  const plural = use.scenarios === 1 ? '' : 's';
  return (
    `wall ${use.wallSeconds.toFixed(1)} s for ${use.scenarios} scenario${plural} on ${use.slots} ` +
    `slot${use.slots === 1 ? '' : 's'}: ${use.ratio.toFixed(2)} × the modeled ${use.idealSeconds.toFixed(1)} s ` +
    `(longest scenario, or their total per slot)`
  );
}
