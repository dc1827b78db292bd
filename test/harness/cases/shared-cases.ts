/** Where the shared example cases live (beside the repository); CI always has them, a bare checkout may not. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `<repo>/../shared/cases`, resolved from this file so the tests run from any working directory. */
export const sharedCasesDir = fileURLToPath(new URL('../../../../shared/cases', import.meta.url));

/** Whether the shared cases are present. */
export const haveSharedCases = existsSync(sharedCasesDir);
