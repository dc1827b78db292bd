// Podman's event log lines and inspect output, as recorded from real runs (test/fixtures/podman).
import { describe, expect, it } from 'vitest';
import { parseEventLine, parseEvents, rfc3339ToEpochSeconds } from '../../../../harness/backends/podman/events.ts';
import { parseInspect } from '../../../../harness/backends/podman/inspect.ts';
import { fixtureText } from './recorded-run.ts';

describe('rfc3339ToEpochSeconds', () => {
  it('keeps the nanoseconds Date.parse would drop', () => {
    expect(rfc3339ToEpochSeconds('2026-12-06T22:15:12.462069005Z')).toBeCloseTo(1796595312.462069, 6);
    expect(rfc3339ToEpochSeconds('2026-12-06T22:15:12Z')).toBe(1796595312);
    expect(rfc3339ToEpochSeconds('2026-12-06T23:15:12.5+01:00')).toBe(1796595312.5);
  });

  it('reads podman zero time as before the epoch and refuses what is not a time', () => {
    expect(rfc3339ToEpochSeconds('0001-01-01T00:00:00Z')).toBeLessThan(0);
    expect(rfc3339ToEpochSeconds('yesterday')).toBeUndefined();
  });
});

describe('parseEventLine', () => {
  it('reads a died event with its exit code, and leaves it out when podman omits a zero', () => {
    const died = parseEventLine(
      '{"ID":"ab","Name":"pc-x-1-app","Status":"died","Time":"2026-12-06T22:15:14.330858274Z","Type":"container","ContainerExitCode":3}',
    );
    expect(died).toEqual({
      type: 'container',
      status: 'died',
      name: 'pc-x-1-app',
      epochSeconds: rfc3339ToEpochSeconds('2026-12-06T22:15:14.330858274Z'),
      exitCode: 3,
    });
    const zero = parseEventLine(
      '{"Name":"pc-x-1-init","Status":"died","Time":"2026-12-06T22:15:13Z","Type":"container"}',
    );
    expect(zero?.exitCode).toBeUndefined();
  });

  it('skips image and system events and lines that are not JSON', () => {
    expect(
      parseEventLine('{"Name":"busybox:1.36","Status":"pull","Time":"2026-12-06T22:15:12Z","Type":"image"}'),
    ).toBeUndefined();
    expect(parseEventLine('{"Status":"refresh","Time":"2026-12-06T22:11:53Z","Type":"system"}')).toBeUndefined();
    expect(parseEventLine('{"Name":"pc')).toBeUndefined();
  });
});

describe('parseEvents on a recorded run', () => {
  it('keeps only the named pod and containers, infra and other pods left out', () => {
    const text = fixtureText('init-term-kill', 'events.jsonl');
    const events = parseEvents(text, new Set(['pc-fixture-init-term-kill-app']));
    expect(new Set(events.map((e) => e.name))).toEqual(new Set(['pc-fixture-init-term-kill-app']));
    expect(events.map((e) => e.status)).toEqual(expect.arrayContaining(['create', 'init', 'start', 'died']));
    expect(events.find((e) => e.status === 'died')?.exitCode).toBe(137);
  });
});

describe('parseInspect on a recorded run', () => {
  it('reads state, exit code, restart count and times; a removed init container is simply absent', () => {
    const seen = parseInspect(fixtureText('crash-loop-always', 'inspect.json'));
    expect(seen?.map((c) => [c.name, c.status, c.exitCode, c.restartCount])).toEqual([
      ['pc-fixture-crash-loop-always-crash', 'exited', 2, 4],
      ['pc-fixture-crash-loop-always-steady', 'exited', 137, 0],
    ]);
    expect(seen?.[1]?.finishedAtEpoch).toBeGreaterThan(seen?.[1]?.startedAtEpoch ?? Infinity);
    expect(parseInspect(fixtureText('init-term-kill', 'inspect.json'))?.map((c) => c.name)).not.toContain(
      'pc-fixture-init-term-kill-init1',
    );
  });

  it('is undefined for text that is not inspect JSON', () => {
    expect(parseInspect('Error: no such container')).toBeUndefined();
  });
});
