import { env } from 'node:process';
import { defineConfig } from 'vitest/config';

// The unit tests Stryker runs against each mutant (stryker.config.mjs): every suite under test/ except the
// conformance properties (test/conformance), which generate hundreds of scenarios per test and would make a
// mutation run take hours; their power is measured by the deviation suite instead. PODCONFORM_MUTATE_TESTS
// (comma-separated globs) narrows the suites further, e.g. to test/specs/model/** for a run over the model.
const narrowed = env['PODCONFORM_MUTATE_TESTS'];

export default defineConfig({
  test: {
    include: narrowed ? narrowed.split(',') : ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/conformance/**'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
