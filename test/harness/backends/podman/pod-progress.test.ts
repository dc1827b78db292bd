// When a run may stop watching (every container stopped, no restart for a while) and which init container a delete
// must stop directly, read from recorded real events.
import { describe, expect, it } from 'vitest';
import { runningInit, settled, settleQuietSeconds } from '../../../../harness/backends/podman/pod-progress.ts';
import { recordedRun } from './recorded-run.ts';

describe('settled', () => {
  const record = recordedRun('init-term-kill');
  const names = record.containers.map((c) => `${record.podName}-${c}`);
  const lastEvent = Math.max(...record.events.map((e) => e.epochSeconds));

  it('holds once every container has died and nothing ran for the quiet time', () => {
    expect(settled(record.events, names, lastEvent + settleQuietSeconds + 0.01)).toBe(true);
    expect(settled(record.events, names, lastEvent + settleQuietSeconds / 2)).toBe(false);
  });

  it('does not hold while a container runs, or is being restarted', () => {
    const appStart = record.events.find((e) => e.name.endsWith('-app') && e.status === 'start');
    const before = record.events.filter((e) => e.epochSeconds <= (appStart?.epochSeconds ?? 0));
    expect(settled(before, names, lastEvent + 10)).toBe(false);
    const loop = recordedRun('crash-loop-backoff');
    const crash = `${loop.podName}-crash`;
    const lastDied = loop.events.filter((e) => e.status === 'died').pop();
    const upToRestart = loop.events.filter((e) => e.epochSeconds <= (lastDied?.epochSeconds ?? 0) + 0.09);
    expect(upToRestart.some((e) => e.status === 'restart' && e.epochSeconds > (lastDied?.epochSeconds ?? 0))).toBe(
      true,
    );
    expect(settled(upToRestart, [crash], (lastDied?.epochSeconds ?? 0) + 10)).toBe(false);
  });
});

describe('runningInit', () => {
  it('names the init container between its start and its death, and none after', () => {
    const record = recordedRun('init-term-kill');
    const init1 = `${record.podName}-init1`;
    const start = record.events.find((e) => e.name === init1 && e.status === 'start');
    const died = record.events.find((e) => e.name === init1 && e.status === 'died');
    const upTo = (t: number) => record.events.filter((e) => e.epochSeconds <= t);
    expect(runningInit(upTo(start?.epochSeconds ?? 0), [init1])).toBe(init1);
    expect(runningInit(upTo(died?.epochSeconds ?? 0), [init1])).toBeUndefined();
  });
});
