/** The shared example cases, loaded with the project's case loader (harness/cases). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCaseText } from '../../../../harness/cases/index.ts';
import type { CaseFile } from '../../../../harness/cases/index.ts';

/** `<repo>/../shared/cases`, resolved from this file. */
export const sharedCasesDir = fileURLToPath(new URL('../../../../../shared/cases', import.meta.url));

/** Whether the shared cases are present beside the repository. */
export const haveSharedCases = existsSync(sharedCasesDir);

/** Every `*.case.yaml` under docs/ and k8s-e2e/, loaded; a file that does not load is reported with its problems. */
export function loadSharedCases(): Array<{ readonly file: string; readonly loaded: CaseFile | string }> {
  const out: Array<{ readonly file: string; readonly loaded: CaseFile | string }> = [];
  for (const dir of ['docs', 'k8s-e2e']) {
    const path = join(sharedCasesDir, dir);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path)
      .filter((f) => f.endsWith('.case.yaml'))
      .sort()) {
      const file = join(path, name);
      const result = loadCaseText(readFileSync(file, 'utf8'), file);
      out.push({
        file: `${dir}/${name}`,
        loaded: result.status === 'ok' ? result.caseFile : result.problems.map((p) => p.message).join('; '),
      });
    }
  }
  return out;
}
