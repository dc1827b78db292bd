#!/usr/bin/env node
// Compiles the CLI to plain JavaScript in dist/ so `podconform` starts without compiling TypeScript (build-dist.mjs).
// Run by `npm ci`/`npm install` (the `prepare` script) and by `npm run build`; bin/podconform.mjs also runs the same
// build by itself when a source changed since dist/ was built.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { buildDist } from './build-dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
try {
  const sources = await buildDist(root);
  process.stderr.write(
    `podconform: built dist/ from ${sources} sources in ${Math.round(performance.now() - started)} ms\n`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  // During `npm ci`/`npm install` (the prepare script) a failed build must not fail the install: without dist/
  // the bin runs the TypeScript through tsx, only slower to start. `npm run build` fails loudly.
  const duringInstall = process.env.npm_lifecycle_event === 'prepare';
  process.stderr.write(
    `podconform: could not compile the CLI (${message})${duringInstall ? '; it will run from the TypeScript sources through tsx' : ''}\n`,
  );
  process.exitCode = duringInstall ? 0 : 1;
}
