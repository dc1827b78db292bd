import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCaseText, toProtocolCase } from '../../../harness/cases/index.ts';
import { baseCaseText } from './base-case.ts';
import { scenario } from './case-arbitrary.ts';
import { plain } from './plain.ts';

describe('toProtocolCase', () => {
  it('is the case file as JSON without expectations, every duration in seconds', () => {
    const loaded = loadCaseText(baseCaseText, 'base.case.yaml');
    if (loaded.status !== 'ok') throw new Error('base case did not load');
    expect(toProtocolCase(loaded.caseFile.scenario)).toStrictEqual({
      id: 'demo',
      source: 'a hand-written example',
      rules: ['init.sequential'],
      node: { cached: ['busybox:1.36'] },
      pod: {
        metadata: { name: 'demo' },
        spec: {
          restartPolicy: 'Never',
          terminationGracePeriodSeconds: 5,
          initContainers: [
            { name: 'init1', image: 'busybox:1.36', behavior: { exitCode: 0, after: 1, onTerm: 'exit' } },
          ],
          containers: [
            {
              name: 'app',
              image: 'busybox:1.36',
              command: ['sh', '-c', 'sleep 3600'],
              behavior: { onTerm: 'exit' },
              lifecycle: {
                preStop: { exec: { command: ['sh', '-c', 'sleep 1'] }, behavior: { takes: 1, result: 'success' } },
              },
              readinessProbe: { exec: { command: ['true'] } },
            },
          ],
        },
      },
      actions: [{ at: 2, delete: { gracePeriodSeconds: 5 } }],
      observeFor: 10,
    });
  });

  it('writes durations as numbers wherever they occur', () => {
    const text = [
      'id: t',
      'observeFor: 1m',
      'node: {pullTakes: 300ms}',
      'pod:',
      '  spec:',
      '    containers:',
      '      - name: app',
      '        image: busybox',
      '        behavior: {onTerm: {exitAfter: 1.5s}, restarts: [{from: 2, exitCode: 1, after: 2s}]}',
      '        livenessProbe: {exec: {command: [x]}, behavior: {fails: {from: 10s}, takes: 2s}}',
    ].join('\n');
    const loaded = loadCaseText(text, 't.case.yaml');
    if (loaded.status !== 'ok') throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const json = toProtocolCase(loaded.caseFile.scenario) as Record<string, unknown>;
    expect(json['observeFor']).toBe(60);
    expect(json['node']).toStrictEqual({ pullTakes: 0.3 });
    expect(JSON.stringify(json)).toContain(
      '"behavior":{"onTerm":{"exitAfter":1.5},"restarts":[{"from":2,"exitCode":1,"after":2,"onTerm":"exit"}]}',
    );
    expect(JSON.stringify(json)).toContain('"behavior":{"fails":{"from":10},"takes":2}');
  });

  it('is JSON that loads back as a case (JSON is YAML) to the same scenario', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const text = JSON.stringify(toProtocolCase(s));
        const loaded = loadCaseText(text, 'protocol.json');
        if (loaded.status === 'invalid') throw new Error(loaded.problems.map(formatProblem).join('\n'));
        expect(loaded.caseFile.scenario).toStrictEqual(plain(s));
      }),
      { numRuns: 100 },
    );
  });
});
