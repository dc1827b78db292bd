#!/usr/bin/env node
// The `podconform` executable. It runs the compiled CLI in dist/ (built by `npm ci` through the `prepare` script,
// or by `npm run build`) when that build is at least as new as every source it was built from; otherwise it
// compiles the TypeScript on load through tsx, so an edited source is always what runs — only slower to start.
// PODCONFORM_FROM_SOURCE=1 forces the TypeScript sources.
import { readFileSync, statSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);

/** Whether dist/ exists and no source listed in dist/inputs.json changed after it was built. */
function freshBuild() {
  try {
    const built = statSync(new URL('dist/podconform.mjs', root)).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/inputs.json', root), 'utf8'));
    return Array.isArray(inputs) && inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (process.env.PODCONFORM_FROM_SOURCE !== '1' && freshBuild()) {
  await import('../dist/podconform.mjs');
} else {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write(
      'podconform: the compiled CLI (dist/) is missing or out of date and tsx is not installed; run `npm run build`\n',
    );
    process.exit(4);
  }
  tsx.register();
  await import('../harness/cli/main.ts');
}
