/**
 * `podconform manifest CASE [--backend kube|podman]`: the Pod a real backend runs for a case (the manifest compiler,
 * harness/backends/manifest), as YAML ready for `kubectl apply -f -` or `podman kube play`. The pod keeps the
 * case's name and writes its markers to `/tmp/podconform/<case id>` on the node.
 */
import { readFile } from 'node:fs/promises';
import {
  compileManifest,
  manifestFlavours,
  manifestYaml,
  markerDirFor,
  type ManifestFlavour,
} from '../../backends/manifest/index.ts';
import { formatProblem, loadInputText } from '../../cases/index.ts';
import { parseArgs } from '../args.ts';
import { exitCodes, type CliIo } from '../io.ts';

function isFlavour(value: string): value is ManifestFlavour {
  return (manifestFlavours as ReadonlyArray<string>).includes(value);
}

export async function manifestCommand(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { flags: [], values: ['backend'] });
  if (parsed.status === 'error') {
    io.err(`podconform manifest: ${parsed.message}\n`);
    return exitCodes.badInput;
  }
  const { args } = parsed;
  const file = args.positionals[0];
  if (args.positionals.length !== 1 || file === undefined) {
    io.err('podconform manifest: give exactly one case file\n');
    return exitCodes.badInput;
  }
  const backend = args.values.get('backend') ?? 'kube';
  if (!isFlavour(backend)) {
    io.err(`podconform manifest: --backend: '${backend}' is not one of ${manifestFlavours.join(', ')}\n`);
    return exitCodes.badInput;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${file}:1: file: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}\n`);
    return exitCodes.badInput;
  }
  const loaded = loadInputText(text, file, { observeForSeconds: 120 });
  if (loaded.status === 'invalid') {
    const [first, ...rest] = loaded.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    io.err(`${first ? formatProblem(first) : `${file}:1: (file): not a case`}${more}\n`);
    return exitCodes.badInput;
  }
  const scenario = loaded.caseFile.scenario;
  const outcome = compileManifest(scenario, {
    flavour: backend,
    podName: scenario.pod.name,
    markerHostDir: markerDirFor(scenario.id),
  });
  if (outcome.status === 'unexpressible') {
    io.err(`podconform manifest: ${file}: cannot be acted out on ${backend}: ${outcome.reason}\n`);
    return exitCodes.nothingJudged;
  }
  io.out(manifestYaml(outcome.pod.manifest));
  return exitCodes.ok;
}
