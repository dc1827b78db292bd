/** Where the project's own case library lives: `podconform check` with no argument runs it. */
import { fileURLToPath } from 'node:url';

export const builtinCasesDir = fileURLToPath(new URL('../../specs/cases/', import.meta.url));
