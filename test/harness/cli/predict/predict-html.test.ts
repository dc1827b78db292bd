/**
 * `predict --html`: the page holds, per pod, the text output's sections and one timeline host with its packed data;
 * every text from the manifest is escaped; the CLI writes the page beside the text (or the JSON) and refuses a path
 * it cannot write in one line, exit 2.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputText } from '../../../../harness/cases/index.ts';
import { exitCodes } from '../../../../harness/cli/io.ts';
import { resolveAssumptions } from '../../../../harness/cli/predict/assumptions.ts';
import { buildPredictReport, type PredictReport } from '../../../../harness/cli/predict/predict-report.ts';
import { renderPredictHtml } from '../../../../harness/cli/predict/render-html.ts';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';
import { allowedTags, markupOutsideScripts, stubAssets, tagNames } from '../../../reports/html/stub-assets.ts';
import { cli } from '../cli-in-process.ts';

const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations: {note: "${script}", podconform.dev/hook.app.postStart: "2s"}
spec:
  initContainers:
    - {name: migrate, image: example/migrate:1}
  containers:
    - name: app
      image: example/app:1
      lifecycle: {postStart: {exec: {command: [sh, -c, "true"]}}}
      readinessProbe: {httpGet: {port: 80}, periodSeconds: 5}
`;

function reportOf(scenario: Scenario): PredictReport {
  const assumed = resolveAssumptions(scenario, { plainManifest: true, flags: [] });
  if (assumed.status !== 'ok') throw new Error(assumed.message);
  return buildPredictReport(assumed.scenario, assumed.assumptions);
}

function loaded(text: string): Scenario {
  const read = loadInputText(text, 'web.yaml', { observeForSeconds: 30 });
  if (read.status !== 'ok') throw new Error('the manifest does not load');
  return read.caseFile.scenario;
}

// The API server refuses markup in names; a page must still never run what a name holds, so the test renames the
// pod and its app container in the loaded scenario.
function hostileScenario(): Scenario {
  const renamed = JSON.stringify(loaded(manifest))
    .replace(/"web"/g, JSON.stringify(`web${script}`))
    .replace(/"app"/g, JSON.stringify(`app${script}`))
    // the settings' grammar takes only real container names: the hook becomes a default (named in its annotation key)
    .replace('podconform.dev/hook.app.postStart', 'hook-note');
  return JSON.parse(renamed) as Scenario;
}

function embedded(html: string): { entries: ReadonlyArray<{ lanes: ReadonlyArray<number>; ps: unknown[] } | null> } {
  const match = /<script type="application\/json" id="podconform-timelines">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(match?.[1] ?? 'null') as ReturnType<typeof embedded>;
}

describe('predict --html: the page', () => {
  const report = reportOf(loaded(manifest));
  const page = renderPredictHtml([{ report }], 'podconform predict web.yaml --html p.html', stubAssets);

  it('shows the text output’s sections in its order around one drawn timeline', () => {
    const order = [
      '<h3>Assumptions',
      'kubectl get pod web -w',
      '<h3>Outcome at 30s',
      'class="timeline-host" data-entry="0"',
      '<h3>Events',
      '<h3>Probe runs',
    ].map((needle) => page.indexOf(needle));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page.match(/class="timeline-host"/g)).toHaveLength(1);
    expect(page).toContain('<details class="entry prediction" id="entry-0" open>');
  });

  it('lists each assumption with its flag, annotation and the line saying what it decides', () => {
    for (const a of report.assumptions) {
      expect(page).toContain(`<code>${a.flag.replace(/'/g, '&#39;')}</code>`);
    }
    // the hook's duration is the manifest's own annotation, and says so
    expect(page).toContain('<span class="badge st-none">from annotation</span>');
    const decisive = report.assumptions.filter((a) => a.decidesOutcome !== undefined);
    expect(decisive.length).toBeGreaterThan(0);
    expect(page.match(/this assumption decides: if it /g)).toHaveLength(decisive.length);
  });

  it('has one watch row per kubectl get -w line and one Events row per folded event', () => {
    const rows = (cls: string) => {
      const table = new RegExp(`<table class="predict ${cls}">([\\s\\S]*?)</table>`).exec(page)?.[1] ?? '';
      return (table.match(/<tr>/g) ?? []).length - 1;
    };
    expect(rows('watch')).toBe(report.watch.length);
    expect(rows('events')).toBe(report.events.length);
  });

  it('carries the model’s timeline with its windows and the predicted STATUS, and a legend without observations', () => {
    const [timeline] = embedded(page).entries;
    expect(timeline?.lanes).toHaveLength(3);
    expect(timeline?.ps.length).toBeGreaterThan(1);
    expect(page).not.toContain('observed point');
    expect(page).toContain('predicted window: certain');
  });

  it('escapes every text from the manifest: names, annotation keys, the command line', () => {
    const hostile = renderPredictHtml(
      [{ heading: `document 1: Pod ${script}`, report: reportOf(hostileScenario()) }],
      `podconform predict '${script}'`,
      stubAssets,
    );
    expect([...tagNames(hostile)].filter((t) => !allowedTags.has(t))).toEqual([]);
    // the JSON block and the two inlined scripts, nothing more
    expect(hostile.match(/<script/g)).toHaveLength(3);
    expect(markupOutsideScripts(hostile)).not.toContain('<img');
    expect(hostile).toContain('app&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(hostile).toContain('podconform.dev/hook.app&lt;script&gt;');
    // the JSON block holds the lane names, but no `<` that could end it
    expect(embedded(hostile).entries[0]?.lanes).toHaveLength(3);
    expect(/id="podconform-timelines">[^<]*<\/script>/.test(hostile)).toBe(true);
  });
});

describe('predict --html at the command line', () => {
  let dir: string;
  let stream: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podconform-predict-html-'));
    stream = join(dir, 'stream.yaml');
    const second = manifest.replace('name: web', 'name: api').replace(`note: "${script}", `, '');
    await writeFile(stream, `${manifest}---\n${second}`);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('draws one timeline per pod of a multi-document stream, and still prints the text', async () => {
    const out = join(dir, 'stream.html');
    const result = await cli('predict', stream, '--observe-for', '30s', '--html', out);
    expect(result.code).toBe(exitCodes.ok);
    expect(result.out).toContain('Prediction for pod web');
    expect(result.out).toContain('Prediction for pod api');
    const page = await readFile(out, 'utf8');
    expect(page.match(/class="timeline-host"/g)).toHaveLength(2);
    expect(embedded(page).entries.filter((e) => e !== null)).toHaveLength(2);
    expect(page).toContain('document 2: Pod api');
    expect(page).toContain('content="default-src &#39;none&#39;;');
  });

  it('with --json prints the JSON and writes the page too', async () => {
    const out = join(dir, 'json.html');
    const result = await cli('predict', stream, '--json', '--html', out);
    expect(result.code).toBe(exitCodes.ok);
    expect(JSON.parse(result.out)).toHaveLength(2);
    expect((await readFile(out, 'utf8')).match(/class="timeline-host"/g)).toHaveLength(2);
  });

  it('refuses a path it cannot write in one line naming --html, exit 2, before printing anything', async () => {
    const bad = join(dir, 'no-such-dir', 'p.html');
    const result = await cli('predict', stream, '--html', bad);
    expect(result.code).toBe(exitCodes.badInput);
    expect(result.out).toBe('');
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(/^podconform predict: --html .*no-such-dir.*: cannot write the page \(ENOENT\)/);
  });

  it('refuses --html - in one line', async () => {
    const result = await cli('predict', stream, '--html', '-');
    expect(result.code).toBe(exitCodes.badInput);
    expect(result.err).toMatch(/^podconform predict: --html needs a file name/);
  });
});
