import { describe, expect, it } from 'vitest';
import { replayCommand } from '../../../harness/run/replay.ts';
import { ruleMatcher } from '../../../harness/run/rule-glob.ts';

describe('replayCommand', () => {
  it('prints the one-line replay with every option that changes the run', () => {
    expect(
      replayCommand({ backend: 'sim', seed: -12, path: '3:0:1', deviations: ['init-parallel'], jitter: true }),
    ).toBe('npx podconform run --backend sim --seed -12 --path 3:0:1 --deviation init-parallel --runs 1');
    expect(replayCommand({ backend: 'sim', seed: 4, deviations: [], focus: 'term.*', jitter: false })).toBe(
      "npx podconform run --backend sim --seed 4 --focus 'term.*' --no-jitter",
    );
  });

  it('quotes an exec: command for the shell, quotes inside included', () => {
    expect(
      replayCommand({ backend: "exec:node a.mjs --name 'x'", seed: 1, path: '0', deviations: [], jitter: false }),
    ).toBe(`npx podconform run --backend exec:'node a.mjs --name '\\''x'\\''' --seed 1 --path 0 --runs 1`);
  });
});

describe('ruleMatcher', () => {
  it('matches comma-separated globs against whole rule ids', () => {
    const m = ruleMatcher('term.*, kubelet.grace.minimum');
    expect(m('term.kill-after-grace')).toBe(true);
    expect(m('kubelet.grace.minimum')).toBe(true);
    expect(m('kubelet.grace.effective')).toBe(false);
    expect(m('xterm.a')).toBe(false);
    expect(ruleMatcher('init.?equential')('init.sequential')).toBe(true);
  });
});
