/** The project's own case library (specs/cases), found the way the sim's case tests need it: synchronously. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo>/specs/cases`, resolved from this file. */
export const libraryDir = fileURLToPath(new URL('../../../../specs/cases', import.meta.url));

/** Every `*.case.yaml` below `dir`, in a stable order. */
export function caseFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return caseFiles(path);
      return name.endsWith('.case.yaml') ? [path] : [];
    });
}
