#!/usr/bin/env node
// The `podconform` executable. It runs the compiled CLI in dist/ (built by `npm ci` through the `prepare` script, or by
// `npm run build`). When a source changed after dist/ was built it rebuilds dist/ first (esbuild, about a second,
// once), so an edited source is always what runs and every later start is fast again; only if that build fails does
// it compile the TypeScript on load through tsx, which costs about a second at every start.
// PODCONFORM_FROM_SOURCE=1 forces the TypeScript sources.
import { readFileSync, statSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Whether dist/ exists and no source listed in dist/inputs.json changed after it was built. */
function freshBuild() {
  try {
    const built = statSync(`${root}dist/podconform.mjs`).mtimeMs;
    const inputs = JSON.parse(readFileSync(`${root}dist/inputs.json`, 'utf8'));
    return Array.isArray(inputs) && inputs.every((path) => statSync(root + path).mtimeMs <= built);
  } catch {
    return false;
  }
}

async function rebuilt() {
  try {
    const { buildDist } = await import('./build-dist.mjs');
    await buildDist(root);
    return true;
  } catch {
    return false;
  }
}

if (process.env.PODCONFORM_FROM_SOURCE !== '1' && (freshBuild() || (await rebuilt()))) {
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
