/** Which podconform wrote a record: the package's version and, in a git checkout, the commit. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../harness/run/package-root.ts';

let cached: { readonly name: 'podconform'; readonly version: string; readonly commit?: string } | undefined;

function commitOf(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const commit = out.toString().trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
  } catch {
    // Not a git checkout (an npm install), or no git: the version alone identifies the tool.
    return undefined;
  }
}

/** The tool's identity, read once per process. */
export function toolInfo(): { readonly name: 'podconform'; readonly version: string; readonly commit?: string } {
  if (cached !== undefined) return cached;
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  const commit = commitOf(root);
  cached = {
    name: 'podconform',
    version: typeof pkg.version === 'string' ? pkg.version : '0.0.0',
    ...(commit === undefined ? {} : { commit }),
  };
  return cached;
}
