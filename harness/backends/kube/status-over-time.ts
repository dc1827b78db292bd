/**
 * STATUS over time from the pod watch: kubectl's column for each delivered object, kept when it changes, stamped
 * with the delivery's arrival (the client's clock), and `(gone)` when the object is deleted.
 */
import { goneStatus } from '../../../specs/vocabulary/index.ts';
import { statusColumn } from './status-column.ts';
import type { WatchDelivery } from './watch-points.ts';

/** The steps, `t` in seconds since `createdEpochSeconds` (milliseconds, as a client clock reading carries). */
export function statusOverTime(
  deliveries: ReadonlyArray<WatchDelivery>,
  createdEpochSeconds: number,
): { readonly t: number; readonly status: string }[] {
  const steps: { t: number; status: string }[] = [];
  for (const d of [...deliveries].sort((a, b) => a.atEpochSeconds - b.atEpochSeconds)) {
    const status = d.type === 'DELETED' ? goneStatus : statusColumn(d.pod);
    if (steps.at(-1)?.status === status) continue;
    steps.push({ t: Math.max(0, Math.round((d.atEpochSeconds - createdEpochSeconds) * 1000) / 1000), status });
  }
  return steps;
}
