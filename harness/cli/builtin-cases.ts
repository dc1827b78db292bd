/** Where the project's own case library lives: `podconform check` with no argument runs it. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding the project's package.json, found upwards from this module: the same answer from the
 * TypeScript sources (harness/cli/) and from the compiled CLI (dist/chunks/).
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const builtinCasesDir = join(packageRoot(), 'specs', 'cases') + '/';
