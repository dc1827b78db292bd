import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCaseText, writeCase } from '../../../harness/cases/index.ts';
import { baseCaseText } from './base-case.ts';
import { caseContent } from './case-arbitrary.ts';
import { plain } from './plain.ts';

describe('writeCase', () => {
  it('writes what loadCaseText reads back to the same scenario, expect and documented', () => {
    fc.assert(
      fc.property(caseContent, (content) => {
        const text = writeCase(content);
        const loaded = loadCaseText(text, 'written.case.yaml');
        if (loaded.status === 'invalid') {
          throw new Error(`${loaded.problems.map(formatProblem).join('\n')}\n---\n${text}`);
        }
        expect(loaded.caseFile.scenario).toStrictEqual(plain(content.scenario));
        expect(loaded.caseFile.expect).toStrictEqual(plain(content.expect));
        expect(loaded.caseFile.documented).toStrictEqual(plain(content.documented));
      }),
      { numRuns: 250 },
    );
  });

  it('writes in FORMAT.md style: unit durations, flow behaviours, block container lists', () => {
    const loaded = loadCaseText(baseCaseText, 'base.case.yaml');
    if (loaded.status !== 'ok') throw new Error('base case did not load');
    expect(writeCase(loaded.caseFile)).toBe(
      [
        'id: demo',
        'source: a hand-written example',
        'rules: [init.sequential]',
        'node: {cached: [busybox:1.36]}',
        'pod:',
        '  metadata: {name: demo}',
        '  spec:',
        '    restartPolicy: Never',
        '    terminationGracePeriodSeconds: 5',
        '    initContainers:',
        '      - name: init1',
        '        image: busybox:1.36',
        '        behavior: {exitCode: 0, after: 1s, onTerm: exit}',
        '    containers:',
        '      - name: app',
        '        image: busybox:1.36',
        '        command: [sh, -c, sleep 3600]',
        '        behavior: {onTerm: exit}',
        '        lifecycle:',
        '          preStop:',
        '            exec: {command: [sh, -c, sleep 1]}',
        '            behavior: {takes: 1s, result: success}',
        '        readinessProbe:',
        '          exec: {command: ["true"]}',
        'actions:',
        '  - at: 2s',
        '    delete: {gracePeriodSeconds: 5}',
        'observeFor: 10s',
        'expect:',
        '  phase: Failed',
        '  containers:',
        '    app: {state: terminated, exitCode: 143}',
        '  order:',
        '    - [init1.exited, app.started]',
        '  never: [app.started#2]',
        '  timing:',
        '    - {from: pod.deleteRequested, to: app.term, max: 3s}',
        '  events:',
        '    present:',
        '      - {reason: Killing, container: app}',
        '',
      ].join('\n'),
    );
  });
});
