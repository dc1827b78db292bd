import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatProblem, loadCaseText, writeCase, type LoadResult } from '../../../harness/cases/index.ts';
import { baseCaseText } from './base-case.ts';

const file = 'fuzz.case.yaml';

// A richer valid case than the base one: sidecars, probes, restarts, documented, anyOf, between.
const richCaseText = `
id: rich
rules: [a.b]
node: {registry: down, cached: [busybox:1.36], unpullable: [nosuch:1], pullTakes: 300ms}
pod:
  metadata: {name: rich, labels: {app: x}}
  spec:
    terminationGracePeriodSeconds: 10
    volumes: [{name: v, emptyDir: {}}]
    initContainers:
      - name: sc1
        image: busybox:1.36
        restartPolicy: Always
        behavior:
          exitCode: 1
          after: 0s
          restarts: [{from: 2, exitCode: 0, after: 2m, onTerm: ignore}]
        startupProbe: {exec: {command: [x]}, periodSeconds: 2, behavior: {fails: {until: 10s}}}
        lifecycle: {preStop: {sleep: {seconds: 2}}}
    containers:
      - name: app
        image: busybox:1.36
        imagePullPolicy: Always
        behavior: {onTerm: {exitAfter: 1.5s, exitCode: 0}}
        livenessProbe: {httpGet: {path: /, port: 80}, failureThreshold: 1, behavior: {fails: always, takes: 2s}}
        lifecycle: {postStart: {exec: {command: [sh]}, behavior: {takes: 1s, result: fail}}}
actions:
  - {at: 5s, delete: {}}
observeFor: 1m
expect:
  phase: {anyOf: [Running, Failed]}
  containers:
    app: {restartCount: {min: 1, max: 3}, reason: {anyOf: [Error, Completed]}}
  conditions: {Ready: {status: "False"}}
  timing:
    - {between: [sc1.preStop.started, app.term], max: 1s}
  events:
    absent: [{reason: Killing, container: sc1, message: probe}]
documented:
  phase: Terminating
  never: [app.started#2]
`;

const baseObjects: ReadonlyArray<unknown> = [parse(baseCaseText), parse(richCaseText)];

/** Checks the loader's contract on one input; a case that loads must also survive the writer's round trip. */
function checkContract(text: string): void {
  let loaded: LoadResult;
  try {
    loaded = loadCaseText(text, file);
  } catch (error) {
    throw new Error(`loadCaseText threw on ${JSON.stringify(text)}: ${String(error)}`);
  }
  if (loaded.status === 'invalid') {
    // Plain checks rather than expect(): they run for every problem of 10,000 inputs.
    if (loaded.problems.length === 0) throw new Error(`invalid without problems: ${JSON.stringify(text)}`);
    for (const problem of loaded.problems) {
      const printed = formatProblem(problem);
      const wellFormed =
        Number.isInteger(problem.line) &&
        problem.line >= 1 &&
        problem.file === file &&
        problem.field !== '' &&
        problem.message !== '' &&
        !printed.includes('\n');
      if (!wellFormed) throw new Error(`bad problem ${JSON.stringify(problem)} for ${JSON.stringify(text)}`);
    }
    return;
  }
  const again = loadCaseText(writeCase(loaded.caseFile), file);
  expect(again).toStrictEqual(loaded);
}

const yamlChars = fc.constantFrom(...': -\n\t{}[],#&*!|>\'"%@`?a1.sxyz'.split(''), 'id', 'pod', 'spec', '  ', '\n  ');
const formatKeys = [
  'id',
  'source',
  'rules',
  'node',
  'registry',
  'cached',
  'unpullable',
  'pullTakes',
  'pod',
  'metadata',
  'name',
  'spec',
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'initContainers',
  'containers',
  'image',
  'imagePullPolicy',
  'behavior',
  'exitCode',
  'after',
  'onTerm',
  'exitAfter',
  'termExitCode',
  'restarts',
  'from',
  'lifecycle',
  'postStart',
  'preStop',
  'exec',
  'command',
  'httpGet',
  'port',
  'sleep',
  'seconds',
  'takes',
  'result',
  'livenessProbe',
  'fails',
  'actions',
  'at',
  'delete',
  'gracePeriodSeconds',
  'observeFor',
  'expect',
  'documented',
  'phase',
  'gone',
  'status',
  'state',
  'reason',
  'order',
  'never',
  'timing',
  'between',
  'min',
  'max',
  'events',
  'present',
  'absent',
  'anyOf',
];
const garbage = fc.oneof(
  fc.constantFrom(
    '',
    '5x',
    '-1s',
    '1.5s',
    'Always',
    'app.started#2',
    'pod.gone',
    'nosuch.started',
    'exit',
    'ignore',
    'never',
    'True',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    0,
    256,
    1e308,
    1.5,
    true,
    false,
    null,
    [],
    {},
    [null],
    { anyOf: [] },
    { min: 5, max: 1 },
    { exitAfter: '1s' },
    { from: 2 },
    ['app.started', 'app.exited'],
  ),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double(),
);
const yamlish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 3 }, garbage, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...formatKeys), fc.string({ maxLength: 6 })), tie('value'), {
    maxKeys: 6,
  }),
})).value;

type Path = ReadonlyArray<string | number>;

function paths(value: unknown, prefix: Path = []): Path[] {
  const here = prefix.length === 0 ? [] : [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  }
  return here;
}

type Mutation = 'delete' | 'replace' | 'rename' | 'wrap';

function mutate(value: unknown, path: Path, mutation: Mutation, replacement: unknown, newKey: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return mutation === 'wrap' ? [value] : replacement;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...(value as unknown[])];
    if (rest.length === 0 && mutation === 'delete') copy.splice(head, 1);
    else if (rest.length === 0 && mutation === 'rename') copy.push(copy[head]);
    else copy[head] = mutate(copy[head], rest, mutation, replacement, newKey);
    return copy;
  }
  if (value !== null && typeof value === 'object' && typeof head === 'string') {
    const entries = Object.entries(value);
    if (rest.length === 0 && mutation === 'delete') return Object.fromEntries(entries.filter(([key]) => key !== head));
    if (rest.length === 0 && mutation === 'rename') {
      return Object.fromEntries(entries.map(([key, item]) => [key === head ? newKey : key, item]));
    }
    return Object.fromEntries(
      entries.map(([key, item]) => [key, key === head ? mutate(item, rest, mutation, replacement, newKey) : item]),
    );
  }
  return value;
}

const mutatedCase = fc
  .tuple(
    fc.constantFrom(...baseObjects),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom<Mutation>('delete', 'replace', 'rename', 'wrap'),
        fc.oneof(garbage, yamlish),
        fc.oneof(fc.constantFrom(...formatKeys), fc.string({ maxLength: 12 })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.constantFrom('yaml', 'json', 'flow'),
  )
  .map(([base, mutations, style]) => {
    let value = base;
    for (const [index, mutation, replacement, newKey] of mutations) {
      const all = paths(value);
      const path = all[index % Math.max(1, all.length)] ?? [];
      value = mutate(value, path, mutation, replacement, newKey);
    }
    if (style === 'json') return JSON.stringify(value) ?? '';
    return stringify(value, { collectionStyle: style === 'flow' ? 'flow' : 'any' });
  });

const textEdit = fc
  .tuple(fc.constantFrom(baseCaseText, richCaseText), fc.nat(), fc.nat(4), fc.string({ maxLength: 5 }))
  .map(([text, at, how, insert]) => {
    const lines = text.split('\n');
    const i = at % lines.length;
    const line = lines[i] ?? '';
    switch (how) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2:
        lines[i] = ` ${line}`;
        break;
      case 3:
        lines[i] = line.slice(0, at % (line.length + 1)) + insert + line.slice(at % (line.length + 1));
        break;
      default:
        lines[i] = line.replace(/: .*/, `: ${insert}`);
    }
    return lines.join('\n');
  });

describe('loadCaseText under fuzzing (10,000 inputs)', () => {
  it('never throws on random strings (4,000)', () => {
    const strings = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: yamlChars, maxLength: 60 }),
    );
    fc.assert(fc.property(strings, checkContract), { numRuns: 4000 });
  });

  it('never throws on random YAML-ish documents (3,000)', () => {
    fc.assert(
      fc.property(yamlish, (value) => {
        checkContract(stringify(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on mutated valid cases (2,000), and what still loads round-trips', () => {
    fc.assert(fc.property(mutatedCase, checkContract), { numRuns: 2000 });
  });

  it('never throws on line edits of valid cases (1,000)', () => {
    fc.assert(fc.property(textEdit, checkContract), { numRuns: 1000 });
  });

  it('starts from cases that load', () => {
    expect(loadCaseText(baseCaseText, file).status).toBe('ok');
    expect(loadCaseText(richCaseText, file).status).toBe('ok');
  });
});
