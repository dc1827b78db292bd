import { defineConfig } from 'vitest/config';

// The generated-scenario conformance property (specs/conformance/generated.test.ts) still finds model/simulator
// disagreements on about 1–2 % of generated pods (test/fixtures/disagreements/README.md), so it runs on its own
// with `npm run conformance`, not as part of `npm test`, until the model and the simulator agree.
const generated = 'specs/conformance/generated.test.ts';
const includeGenerated = process.env['PODCONFORM_GENERATED'] === '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'specs/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(includeGenerated ? [] : [generated])],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
