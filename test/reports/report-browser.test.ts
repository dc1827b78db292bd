/**
 * report.html in a real browser (headless Chromium through playwright-core): nothing is fetched, nothing from the
 * record runs, and an open failure draws its lanes, windows, observed points and first divergence. Runs when
 * Chromium is at /usr/bin/chromium (or PODCONFORM_CHROMIUM); without it, says it did not run, and fails under
 * PODCONFORM_REQUIRE_CHROMIUM=1 (CI). Screenshots go to test-output/ (ignored by git) for a person to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHtmlAssets, renderHtml } from '../../reports/html/index.ts';
import type { ResultsFile } from '../../reports/results/schema.ts';
import { hostile, hostileLane, hostileResults } from '../fixtures/reports/hostile-results.ts';
import { cli, repoRoot } from '../harness/cli/cli-in-process.ts';
import { sampleResults } from './sample-results.ts';

const executablePath = process.env['PODCONFORM_CHROMIUM'] ?? '/usr/bin/chromium';
const required = process.env['PODCONFORM_REQUIRE_CHROMIUM'] === '1';
const present = existsSync(executablePath);
const outputDir = join(import.meta.dirname, '..', '..', 'test-output');

if (!present) {
  console.warn(`report-browser: no Chromium at ${executablePath}; the browser test of report.html did not run`);
}

describe('report.html needs Chromium', () => {
  it.runIf(required)('finds Chromium (PODCONFORM_REQUIRE_CHROMIUM=1)', () => {
    expect(present, `no Chromium at ${executablePath} (set PODCONFORM_CHROMIUM or install chromium)`).toBe(true);
  });
});

/** What a page did that it must not do. */
interface Misdeeds {
  readonly requests: string[];
  readonly dialogs: string[];
  readonly errors: string[];
}

async function openReport(
  browser: Browser,
  results: ResultsFile,
  name: string,
): Promise<{ page: Page; misdeeds: Misdeeds }> {
  await mkdir(outputDir, { recursive: true });
  const file = join(outputDir, `${name}.html`);
  await writeFile(file, renderHtml(results, await loadHtmlAssets()));
  return openPage(browser, file);
}

/** Opens a page written to `file`, watching for what it must not do; resolves once its first timelines are drawn. */
async function openPage(browser: Browser, file: string): Promise<{ page: Page; misdeeds: Misdeeds }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const misdeeds: Misdeeds = { requests: [], dialogs: [], errors: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    misdeeds.requests.push(url);
    return route.abort();
  });
  page.on('dialog', (dialog) => {
    misdeeds.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => misdeeds.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') misdeeds.errors.push(message.text());
  });
  // A script that ran from the record, or an element the policy blocked, shows up here.
  await page.addInitScript({
    content: `window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
      });`,
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-timelines-drawn-at]', { state: 'attached' });
  return { page, misdeeds };
}

describe.runIf(present)('report.html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let misdeeds: Misdeeds;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    ({ page, misdeeds } = await openReport(browser, hostileResults, 'report-hostile'));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('fetches nothing, runs nothing from the record, and raises no error', async () => {
    await page.locator('#entry-0 > summary').click();
    await page.waitForSelector('#entry-0 .timeline-host[data-drawn="true"]');
    expect(misdeeds).toEqual({ requests: [], dialogs: [], errors: [] });
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.evaluate('window.__violations')).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(3);
  });

  it('shows the record’s markup as text: the lane label, the message, the YAML', async () => {
    const failure = page.locator('#entry-1');
    await failure.locator('.timeline-host[data-drawn="true"]').waitFor();
    expect(await failure.locator('.vis-label .lane').first().textContent()).toBe(hostileLane);
    expect(await failure.locator('summary .entry-id').textContent()).toContain(hostile.img);
    expect(await failure.locator('#case-1').textContent()).toContain(hostile.script);
  });

  it('draws an open failure: lanes, certain and possible windows, observed points, bands, STATUS, first divergence', async () => {
    const failure = page.locator('#entry-1');
    await failure.locator('.timeline-host[data-drawn="true"]').waitFor();
    const labels = await failure.locator('.vis-label').allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining([
        'STATUS predicted',
        'STATUS observed',
        'faults, actions',
        `${hostileLane} created`,
        'pod created',
      ]),
    );
    expect(await failure.locator('.vis-item.vis-range.win-certain').count()).toBe(8);
    expect(await failure.locator('.vis-item.vis-range.win-possible').count()).toBe(1);
    expect(await failure.locator('.vis-item.vis-point.seen').count()).toBe(9);
    expect(await failure.locator('.vis-item.band-label').textContent()).toContain('fault: registry down');
    expect(await failure.locator('.vis-item.st').count()).toBe(6 + 4);
    // The first divergence: the third start, seen at 3.12 s, and its window 13–20.5 s, with a line at its time.
    expect(await failure.locator('.vis-item.vis-point.seen.divergent').textContent()).toBe(
      '✗ started#3 seen at 3.12 s',
    );
    expect(await failure.locator('.vis-item.vis-range.divergent').count()).toBe(1);
    expect(await failure.locator('.vis-item.divergence-at').count()).toBe(1);
    expect(await failure.locator('.rule[data-filled]').textContent()).toContain('KUBELET-FACTS §4.4');
    const axis = await failure.locator('.vis-time-axis .vis-text.vis-minor').allTextContents();
    expect(axis).toEqual(expect.arrayContaining(['0 s', '10 s', '20 s']));
    expect(axis.join(' ')).not.toMatch(/1970|Jan/);
    await failure.screenshot({ path: join(outputDir, 'report.png') });
  });

  it('draws a closed entry only when it is opened', async () => {
    const unknown = page.locator('#entry-3');
    expect(await unknown.locator('.vis-timeline').count()).toBe(0);
    await unknown.locator('summary').click();
    await unknown.locator('.timeline-host[data-drawn="true"]').waitFor();
    expect(await unknown.locator('.vis-item.vis-point.seen').count()).toBe(2);
  });

  it('opens an entry a link points to', async () => {
    await page.locator('#divergences a[href="#entry-1"]').click();
    expect(await page.locator('#entry-1').getAttribute('open')).not.toBeNull();
    await page.locator('#entry-1 > summary').click();
    expect(await page.locator('#entry-1').getAttribute('open')).toBeNull();
    await page.locator('#divergences a[href="#entry-1"]').click();
    await expect.poll(() => page.locator('#entry-1').getAttribute('open')).not.toBeNull();
  });

  it('has the summary, the coverage matrix and the documentation divergences', async () => {
    expect(await page.locator('#summary [data-count="fail"] b').textContent()).toBe('2');
    expect(await page.locator('#coverage tr[data-rule]').count()).toBe(7);
    expect(await page.locator('#divergences table.divergences tbody tr').count()).toBe(1);
  });

  it('copies a block’s text, not its markup', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('#entry-1 button[data-copy="case-1"]').click();
    await expect.poll(() => page.locator('#entry-1 button[data-copy="case-1"]').textContent()).toBe('Copied');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(hostileResults.entries[1]?.caseYaml);
  });

  it('draws each failure open on load in a real run’s report as it is scrolled to', async () => {
    const sample = await sampleResults({ cases: 20, scenarios: 8 });
    const real = await openReport(browser, sample, 'report-sample');
    const open = real.page.locator('details.entry[open]');
    const count = await open.count();
    expect(count).toBe(Math.min(10, sample.summary.fail));
    for (let i = 0; i < count; i++) {
      const entry = open.nth(i);
      // Timelines are drawn as they come near the viewport.
      await entry.scrollIntoViewIfNeeded();
      await entry.locator('.timeline-host[data-drawn="true"]').waitFor();
      expect(await entry.locator('.vis-item.vis-range').count()).toBeGreaterThan(0);
      expect(await entry.locator('.vis-item.divergent, .vis-item.divergence-at').count()).toBeGreaterThan(0);
    }
    expect(real.misdeeds).toEqual({ requests: [], dialogs: [], errors: [] });
    await open.first().screenshot({ path: join(outputDir, 'report-sample.png') });
    await real.page.context().close();
  });
});

describe.runIf(present)('predict --html in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('draws an everyday manifest’s pod: its lanes, the model’s windows, the delete and the STATUS lane', async () => {
    await mkdir(outputDir, { recursive: true });
    const file = join(outputDir, 'predict-native-sidecar.html');
    const manifest = join(repoRoot, 'test/fixtures/everyday/native-sidecar.yaml');
    const run = await cli('predict', manifest, '--observe-for', '60s', '--delete-at', '30s', '--html', file);
    expect(run.code, run.err).toBe(0);
    const { page, misdeeds } = await openPage(browser, file);
    const pod = page.locator('#entry-0');
    await pod.locator('.timeline-host[data-drawn="true"]').waitFor();
    const labels = await pod.locator('.vis-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['STATUS predicted', 'faults, actions', 'pod created']));
    expect(labels).not.toContain('STATUS observed');
    // the timeline is taller than its 720 px: it must open at the top, the STATUS row in view
    const statusTop = (await pod.locator('.vis-label', { hasText: 'STATUS predicted' }).boundingBox())?.y ?? -1;
    const panelTop = (await pod.locator('.vis-panel.vis-left').boundingBox())?.y ?? 0;
    expect(statusTop).toBeGreaterThanOrEqual(panelTop);
    // one lane per container of the manifest, each with rows of its own
    for (const lane of ['log-shipper', 'api']) expect(labels.some((l) => l.startsWith(`${lane} `))).toBe(true);
    expect(await pod.locator('.vis-item.vis-range.win-certain').count()).toBeGreaterThan(5);
    expect(await pod.locator('.vis-item.vis-point.seen').count()).toBe(0);
    const statuses = await pod.locator('.vis-item.st').allTextContents();
    expect(statuses.join(' ')).toMatch(/Running.*Terminating/);
    expect(await pod.locator('.vis-item.band-label').textContent()).toContain('delete');
    expect(await pod.locator('table.predict.watch tbody tr').count()).toBeGreaterThan(2);
    expect(misdeeds).toEqual({ requests: [], dialogs: [], errors: [] });
    expect(await page.evaluate('window.__violations')).toEqual([]);
    await pod.screenshot({ path: join(outputDir, 'predict.png') });
    await page.context().close();
  });
});
