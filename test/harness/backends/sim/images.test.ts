import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultPullPolicy, normalizeImage } from '../../../../harness/backends/sim/image-names.ts';
import { container, scenario } from './build.ts';
import { at, observe, times } from './observe-helpers.ts';
import { haveSharedCases, sharedCasesDir } from './shared-cases.ts';

describe('image names', () => {
  it('normalises Docker Hub short names', () => {
    expect(normalizeImage('busybox')).toBe('docker.io/library/busybox:latest');
    expect(normalizeImage('busybox:1.36')).toBe('docker.io/library/busybox:1.36');
    expect(normalizeImage('docker.io/library/busybox:latest')).toBe(normalizeImage('busybox'));
    expect(normalizeImage('example/app')).toBe('docker.io/example/app:latest');
    expect(normalizeImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizeImage('registry.example:10443/team/app:v1')).toBe('registry.example:10443/team/app:v1');
    expect(normalizeImage('busybox@sha256:abc')).toBe('docker.io/library/busybox@sha256:abc');
    expect(normalizeImage('busybox:1.36@sha256:abc')).toBe(normalizeImage('busybox@sha256:abc'));
  });

  it('defaults imagePullPolicy like the API server, including the undetermined rows', () => {
    expect(defaultPullPolicy('busybox:latest@sha256:abc')).toBe('Always');
    expect(defaultPullPolicy('busybox:LATEST')).toBe('IfNotPresent');
    expect(defaultPullPolicy('fictional.registry.example:10443/imagename')).toBe('Always');
  });

  it.runIf(haveSharedCases)('agrees with every example of shared/cases/docs/pull-policy-defaults.yaml', () => {
    const table = parse(readFileSync(join(sharedCasesDir, 'docs', 'pull-policy-defaults.yaml'), 'utf8')) as {
      examples: Array<{ image: string; explicitPolicy: string | null; effectivePolicy: string }>;
    };
    const omitted = table.examples.filter((e) => e.explicitPolicy === null);
    expect(omitted.length).toBeGreaterThan(10);
    for (const e of omitted) expect([e.image, defaultPullPolicy(e.image)]).toEqual([e.image, e.effectivePolicy]);
  });
});

describe('pulls', () => {
  it('pulls Always images at every start, IfNotPresent only when missing, one image at a time', () => {
    const obs = observe(
      scenario({
        node: { cached: [], pullTakesSeconds: 2 },
        containers: [
          container(
            'a',
            { exit: { exitCode: 1, afterSeconds: 1 }, onTerm: { type: 'ignore' } },
            { imagePullPolicy: 'Always' },
          ),
          container('b', undefined, { image: 'busybox:1.35' }),
        ],
        observeFor: 15,
      }),
    );
    expect(times(obs, 'a.pullStarted').length).toBeGreaterThanOrEqual(2);
    expect(times(obs, 'b.pullStarted').length).toBe(1);
    expect(at(obs, 'b.pullStarted') ?? 0).toBeGreaterThan(at(obs, 'a.pulled') ?? Infinity);
    expect(
      obs.events?.some(
        (e) => e.reason === 'Pulled' && (e.message ?? '').startsWith('Successfully pulled image "busybox:1.35" in 2s'),
      ),
    ).toBe(true);
  });

  it('fails Never with an absent image without pulling', () => {
    const obs = observe(
      scenario({
        node: { cached: [] },
        containers: [container('app', undefined, { imagePullPolicy: 'Never' })],
        observeFor: 20,
      }),
    );
    expect(at(obs, 'app.pullStarted')).toBeUndefined();
    expect(obs.final.containers?.['app']).toMatchObject({ state: 'waiting', reason: 'ErrImageNeverPull' });
  });
});
