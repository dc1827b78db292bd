#!/usr/bin/env node
// Compiles the CLI to plain JavaScript in dist/ so `podconform` starts without compiling TypeScript on every call.
// Run by `npm ci`/`npm install` (the `prepare` script) and by `npm run build`. esbuild bundles our own modules
// into a few ES-module chunks (one per command, loaded on demand); packages in node_modules stay external and are
// loaded by Node as installed. dist/inputs.json lists the sources the build came from, so bin/podconform.mjs can
// tell a stale build from a fresh one.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

const started = performance.now();
try {
  // Imported here so that a missing esbuild is reported like any other build failure.
  const { build } = await import('esbuild');
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      podconform: 'harness/cli/main.ts',
      'run-worker': 'harness/run/worker.ts',
    },
    bundle: true,
    splitting: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => !path.includes('node_modules/'))
    .sort();
  await writeFile(`${dist}/inputs.json`, `${JSON.stringify(inputs, null, 1)}\n`);
  process.stderr.write(
    `podconform: built dist/ from ${inputs.length} sources in ${Math.round(performance.now() - started)} ms\n`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  // During `npm ci`/`npm install` (the prepare script) a failed build must not fail the install: without dist/
  // the bin runs the TypeScript through tsx, only slower to start. `npm run build` fails loudly.
  const duringInstall = process.env.npm_lifecycle_event === 'prepare';
  await rm(dist, { recursive: true, force: true });
  process.stderr.write(
    `podconform: could not compile the CLI (${message})${duringInstall ? '; it will run from the TypeScript sources through tsx' : ''}\n`,
  );
  process.exitCode = duringInstall ? 0 : 1;
}
