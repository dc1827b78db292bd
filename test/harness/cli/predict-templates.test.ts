/** `podconform predict` shows Event messages as templates, and says once what each hole it used stands for. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../../harness/cli/io.ts';
import { cli } from './cli-in-process.ts';

const manifest = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
    - name: app
      image: nginx:1.25
`;

describe('predict shows message templates', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podconform-predict-'));
    file = join(dir, 'pod.yaml');
    await writeFile(file, manifest);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the Pulled and Scheduled templates with the manifest namespace, and a legend of the holes', async () => {
    const { code, out } = await cli('predict', file, '--observe-for', '5s');
    expect(code).toBe(exitCodes.ok);
    expect(out).toContain(
      'Successfully pulled image "nginx:1.25" in {duration} ({duration} including waiting). Image size: {bytes} bytes.',
    );
    expect(out).toContain('Successfully assigned shop/web to {node}');
    expect(out).toMatch(/^ {2}\{duration\}: a Go duration/m);
    expect(out).toMatch(/^ {2}\{bytes\}: /m);
    expect(out).toMatch(/^ {2}\{node\}: /m);
    expect(out).not.toMatch(/^ {2}\{namespace\}: /m);
  });

  it('keeps the template text in --json', async () => {
    const { code, out } = await cli('predict', file, '--observe-for', '5s', '--json');
    expect(code).toBe(exitCodes.ok);
    expect(out).toContain('"message": "Successfully assigned shop/web to {node}"');
  });
});
