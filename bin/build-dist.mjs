// Builds the compiled CLI (dist/) with esbuild: our own modules bundled into a few ES-module chunks (one per command,
// loaded on demand), packages in node_modules left external and loaded by Node as installed. dist/inputs.json lists
// the sources the build came from, so bin/podconform.mjs can tell a stale build from a fresh one.
//
// The build is written beside dist/ and then swapped in by two renames, so a podconform that starts meanwhile never
// reads a half-written dist/: it finds the old build, the new one, or none (and then builds or runs the sources).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';

/** Builds dist/ under `root` (the repository's directory); resolves with the number of sources, throws on failure. */
export async function buildDist(root) {
  const { build } = await import('esbuild');
  const tag = `${process.pid}-${Date.now()}`;
  const staging = `dist.building-${tag}`;
  try {
    await mkdir(join(root, staging), { recursive: true });
    const result = await build({
      absWorkingDir: root,
      entryPoints: {
        podconform: 'harness/cli/main.ts',
        'run-worker': 'harness/run/worker.ts',
      },
      bundle: true,
      splitting: true,
      // Packages load from node_modules as installed, except yaml: its CommonJS build is some 70 files that Node
      // resolves and compiles one by one at every start (about half of what `predict` took to start), bundled it
      // is part of one chunk.
      external: await externalPackages(root, ['yaml']),
      // the bundled CommonJS asks for Node's built-ins through require, which an ES module must make itself
      banner: {
        js: "import { createRequire as __podconformRequire } from 'node:module'; const require = __podconformRequire(import.meta.url);",
      },
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((path) => !path.includes('node_modules/'))
      .sort();
    await writeFile(join(root, staging, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
    const old = join(root, `dist.old-${tag}`);
    await rename(join(root, 'dist'), old).catch((error) => {
      if (error.code !== 'ENOENT') throw error;
    });
    // Another build may have put its dist/ in place between the two renames; it is as fresh as ours, keep it.
    await rename(join(root, staging), join(root, 'dist')).catch((error) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
    await rm(old, { recursive: true, force: true });
    return inputs.length;
  } finally {
    await rm(join(root, staging), { recursive: true, force: true });
  }
}

/** Every dependency of the package (and its subpaths) except those in `bundled`, for esbuild's `external`. */
async function externalPackages(root, bundled) {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const names = Object.keys({
    ...manifest.dependencies,
    ...manifest.devDependencies,
    ...manifest.optionalDependencies,
  });
  return names.filter((name) => !bundled.includes(name)).flatMap((name) => [name, `${name}/*`]);
}
