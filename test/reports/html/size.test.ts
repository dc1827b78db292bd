import { describe, expect, it } from 'vitest';
import { defaultEntryLimits, loadHtmlAssets, renderHtml } from '../../../reports/html/index.ts';
import { repeatEntries, withEntries } from '../../fixtures/reports/many-entries.ts';
import { sampleResults } from '../sample-results.ts';

// The limit the issue sets for 1,000 scenarios; the real inlined vis-timeline counts against it.
const limitBytes = 5 * 1024 * 1024;

describe('report.html for 1,000 entries', async () => {
  const sample = await sampleResults({ scenarios: 30 });
  const assets = await loadHtmlAssets();

  function sizeOf(entries: ReturnType<typeof repeatEntries>): { bytes: number; html: string } {
    const html = renderHtml(withEntries(sample, entries), assets);
    return { bytes: Buffer.byteLength(html, 'utf8'), html };
  }

  it('stays under 5 MB with a real run’s mix of failures and passes', () => {
    const entries = repeatEntries(sample.entries, 1000);
    expect(entries.filter((e) => e.status === 'fail').length).toBeGreaterThan(100);
    const { bytes, html } = sizeOf(entries);
    console.log(`report.html, 1,000 entries as in a real run: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(html.match(/<details class="entry/g)).toHaveLength(1000);
    expect(bytes).toBeLessThan(limitBytes);
  });

  it('stays under 5 MB when every entry fails, carrying the files of the first ones (defaultEntryLimits)', () => {
    const failures = sample.entries.filter((e) => e.status === 'fail');
    const { bytes, html } = sizeOf(repeatEntries(failures, 1000));
    console.log(`report.html, 1,000 failing entries: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(html.match(/<pre id="case-/g)).toHaveLength(defaultEntryLimits.entriesWithFiles);
    expect(html.match(/<div class="timeline-host"/g)).toHaveLength(1000);
    expect(bytes).toBeLessThan(limitBytes);
  });
});
