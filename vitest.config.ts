import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The generated-scenario conformance property (test/conformance/generated.test.ts) still finds model/simulator
// disagreements on 0.2–0.7 % of generated pods on the realistic simulator, more in the restart, init and probe
// families (test/fixtures/disagreements/README.md), so it runs on its own
// with `npm run conformance`, not as part of `npm test`, until the model and the simulator agree.
const generated = 'test/conformance/generated.test.ts';
const includeGenerated = process.env['PODCONFORM_GENERATED'] === '1';

// The suites over ../shared/cases skip themselves when it is missing; say so once, so a green run without it is
// not mistaken for a full one. Under CI it is required: .ci/run stops before the tests when it is missing.
const sharedCases = fileURLToPath(new URL('../shared/cases', import.meta.url));
if (!existsSync(sharedCases)) {
  console.warn(`note: ${sharedCases} is missing; the shared-case suites are skipped (CI requires them)`);
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'specs/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(includeGenerated ? [] : [generated])],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
