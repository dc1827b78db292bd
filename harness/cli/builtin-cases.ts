/** Where the project's own case library lives: `podconform check` with no argument runs it. */
import { join } from 'node:path';
import { packageRoot } from '../run/package-root.ts';

export const builtinCasesDir = `${join(packageRoot(), 'specs', 'cases')}/`;
