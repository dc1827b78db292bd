// Mutation testing (StrykerJS 9, vitest runner): `npm run mutate` plants small bugs in the reference model, the
// differ and the simulator, runs the unit tests against each, and reports the mutants no test kills. Not part of
// `npm test` (it takes long); narrow it with e.g. `npm run mutate -- --mutate 'harness/diff/**/*.ts'`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['specs/model/**/*.ts', 'harness/diff/**/*.ts', 'harness/backends/sim/**/*.ts', '!**/index.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.mjs', related: true },
  coverageAnalysis: 'perTest',
  // static mutants (module-level constants) would need every test per mutant; their values are pinned by
  // test/specs/model/pinned-constants.test.ts instead
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'mutation-report/mutation.html' },
  jsonReporter: { fileName: 'mutation-report/mutation.json' },
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  timeoutMS: 60_000,
};
