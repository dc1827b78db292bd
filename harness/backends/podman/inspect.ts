/** `podman container inspect` output (a JSON array), reduced to the final state the observation reports. */
import { isZeroTime, rfc3339ToEpochSeconds } from './events.ts';

/** One container as podman last saw it. */
export interface InspectedContainer {
  readonly name: string;
  /** podman's state: `created`, `running`, `exited`, `stopped`, `paused`, `configured`, ... */
  readonly status: string;
  readonly exitCode: number;
  /** restarts by the restart policy (PODMAN.md §2: a healthcheck restart does not count) */
  readonly restartCount: number;
  /** absent: never started */
  readonly startedAtEpoch?: number;
  /** the exit file's ctime, from a coarse kernel clock (PODMAN.md §3.3); absent: never finished */
  readonly finishedAtEpoch?: number;
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function time(value: unknown): number | undefined {
  const t = typeof value === 'string' ? rfc3339ToEpochSeconds(value) : undefined;
  return isZeroTime(t) ? undefined : t;
}

/** Parses inspect's JSON; entries without a name or state are skipped, text that is not JSON is `undefined`. */
export function parseInspect(json: string): InspectedContainer[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const containers: InspectedContainer[] = [];
  for (const item of parsed) {
    const c = record(item);
    const state = record(c?.['State']);
    const name = c?.['Name'];
    if (!c || !state || typeof name !== 'string' || typeof state['Status'] !== 'string') continue;
    const startedAtEpoch = time(state['StartedAt']);
    const finishedAtEpoch = time(state['FinishedAt']);
    containers.push({
      name,
      status: state['Status'],
      exitCode: typeof state['ExitCode'] === 'number' ? state['ExitCode'] : 0,
      restartCount: typeof c['RestartCount'] === 'number' ? c['RestartCount'] : 0,
      ...(startedAtEpoch === undefined ? {} : { startedAtEpoch }),
      ...(finishedAtEpoch === undefined ? {} : { finishedAtEpoch }),
    });
  }
  return containers;
}
