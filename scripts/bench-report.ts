/**
 * How fast report.html opens: a report of ENTRIES entries (real entries of a sample run — the case library and
 * generated scenarios on the simulator with a deviation — repeated), opened RUNS times in headless Chromium after
 * one cold open. Prints the file size, the render time, and per open the time to DOMContentLoaded, to load, and
 * until the timelines in view on load are drawn; then the best of the warm opens.
 *
 *   npx tsx scripts/bench-report.ts [ENTRIES=1000] [RUNS=5] [MIX=real|failing]
 *
 * Chromium from PODCONFORM_CHROMIUM or /usr/bin/chromium. The page is written to test-output/bench-report.html.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadHtmlAssets, renderHtml } from '../reports/html/index.ts';
import { repeatEntries, withEntries } from '../test/fixtures/reports/many-entries.ts';
import { sampleResults } from '../test/reports/sample-results.ts';

interface Timing {
  readonly domContentLoadedMs: number;
  readonly loadMs: number;
  readonly drawnMs: number;
}

function usage(message: string): never {
  console.error(
    `bench-report: ${message}\nusage: npx tsx scripts/bench-report.ts [ENTRIES=1000] [RUNS=5] [MIX=real|failing]`,
  );
  process.exit(2);
}

function count(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`${name} must be a whole number from 1, got '${text}'`);
  return n;
}

const entries = count(process.argv[2], 1000, 'ENTRIES');
const runs = count(process.argv[3], 5, 'RUNS');
const mix = process.argv[4] ?? 'real';
if (mix !== 'real' && mix !== 'failing') usage(`MIX must be real or failing, got '${mix}'`);
const executablePath = process.env['PODCONFORM_CHROMIUM'] ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) usage(`no Chromium at ${executablePath} (set PODCONFORM_CHROMIUM)`);

const sample = await sampleResults({ scenarios: 30 });
const pool = mix === 'real' ? sample.entries : sample.entries.filter((e) => e.status === 'fail');
const results = withEntries(sample, repeatEntries(pool, entries));
const assets = await loadHtmlAssets();
const renderStarted = performance.now();
const html = renderHtml(results, assets);
const renderMs = performance.now() - renderStarted;
const dir = join(import.meta.dirname, '..', 'test-output');
await mkdir(dir, { recursive: true });
const file = join(dir, 'bench-report.html');
await writeFile(file, html);

console.log(
  `report.html: ${String(entries)} entries (${mix}: ${String(results.summary.fail)} fail, ${String(results.summary.pass)} pass), ` +
    `${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB, rendered in ${renderMs.toFixed(0)} ms`,
);

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const timings: Timing[] = [];
try {
  for (let run = 0; run <= runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-timelines-drawn-at]', { state: 'attached' });
    const timing = await page.evaluate<Timing>(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        loadMs: nav.loadEventEnd,
        drawnMs: Number(document.documentElement.getAttribute('data-timelines-drawn-at')),
      };
    })()`);
    await page.close();
    const label = run === 0 ? 'cold' : `warm ${String(run)}`;
    console.log(
      `${label.padEnd(7)} DOMContentLoaded ${timing.domContentLoadedMs.toFixed(0)} ms, load ${timing.loadMs.toFixed(0)} ms, ` +
        `first timelines drawn ${timing.drawnMs.toFixed(0)} ms`,
    );
    if (run > 0) timings.push(timing);
  }
} finally {
  await browser.close();
}
const best = (key: keyof Timing): string => Math.min(...timings.map((t) => t[key])).toFixed(0);
console.log(
  `best of ${String(runs)} warm: DOMContentLoaded ${best('domContentLoadedMs')} ms, load ${best('loadMs')} ms, ` +
    `first timelines drawn ${best('drawnMs')} ms`,
);
