import { describe, expect, it } from 'vitest';
import { checkReplayCommand, replayCommand } from '../../../harness/run/replay.ts';
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

  it('repeats where the backend ran (--context, --cluster), so the line replays on the same cluster', () => {
    const where = ['--context', 'prod cluster', '--cluster', 'ci'];
    expect(
      replayCommand({ backend: 'kube', seed: 7, path: '2', deviations: [], jitter: false, backendArgs: where }),
    ).toBe("npx podconform run --backend kube --context 'prod cluster' --cluster ci --seed 7 --path 2 --runs 1");
    expect(checkReplayCommand('cases/a.case.yaml', 'kind', ['--cluster', 'ci'])).toBe(
      'npx podconform check cases/a.case.yaml --backend kind --cluster ci',
    );
    expect(checkReplayCommand('a.case.yaml', 'model', ['--cluster', 'ci'])).toBe('npx podconform check a.case.yaml');
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
