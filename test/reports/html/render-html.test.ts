import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../reports/html/index.ts';
import { tallyRules } from '../../../reports/html/coverage.ts';
import type { ResultsFile } from '../../../reports/results/schema.ts';
import { hostile, hostileResults } from '../../fixtures/reports/hostile-results.ts';
import { sampleResults } from '../sample-results.ts';
import { allowedTags, markupOutsideScripts, stubAssets, tagNames } from './stub-assets.ts';

const page = renderHtml(hostileResults, stubAssets);

function positionOf(html: string, needle: string): number {
  const at = html.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return at;
}

function detailsOf(html: string, index: number): string {
  const start = positionOf(html, `<details class="entry`);
  const at = html.indexOf(`id="entry-${String(index)}"`, start);
  expect(at, `entry-${String(index)}`).toBeGreaterThanOrEqual(0);
  return html.slice(html.lastIndexOf('<details', at), html.indexOf('</details>', at));
}

function embeddedTimelines(html: string): { entries: ReadonlyArray<{ d?: { occ: number } } | null> } {
  const match = /<script type="application\/json" id="podconform-timelines">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match?.[1] ?? 'null') as { entries: ReadonlyArray<{ d?: { occ: number } } | null> };
}

describe('report.html: escaping', () => {
  it('never lets markup from the record through: only the tags the renderer writes appear', () => {
    expect([...tagNames(page)].filter((t) => !allowedTags.has(t))).toEqual([]);
    expect(page).not.toContain(hostile.script);
    expect(page).not.toContain('<img');
    // Shown as text instead: the container name, the message, the YAML.
    expect(page).toContain('crasher&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=window.__pwned=1&gt;');
  });

  it('has exactly the page’s own script elements, and the data block cannot close early', () => {
    expect(page.match(/<script\b/g)).toHaveLength(3);
    const data = embeddedTimelines(page);
    expect(JSON.stringify(data)).toContain(hostile.script);
  });

  it('admits only the inlined scripts by hash and forbids every fetch', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1] ?? '';
    expect(csp).toContain('default-src &#39;none&#39;');
    for (const js of [stubAssets.visTimelineJs, stubAssets.pageJs]) {
      expect(csp).toContain(`sha256-${createHash('sha256').update(js).digest('base64')}`);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('report.html: structure', () => {
  it('opens with the summary, then failures, errors, unknown, passes, coverage, divergences', () => {
    const order = [
      'id="summary"',
      'id="failures"',
      'id="errors"',
      'id="unknown"',
      'id="passes"',
      'id="no-expectations"',
      'id="coverage"',
      'id="divergences"',
    ].map((id) => positionOf(page, id));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('says in the summary what ran where, the counts and the replay line', () => {
    const summary = page.slice(positionOf(page, 'id="summary"'), positionOf(page, 'id="failures"'));
    for (const text of ['<b>sim</b>', '1.35', '1234', 'c29be61', '0.1.0', '2026-12-07T01:00:00.000Z', '2 min 05 s']) {
      expect(summary).toContain(text);
    }
    expect(summary).toContain('data-count="fail"><b>2</b>');
    expect(summary).toContain('data-count="pass"><b>2</b>');
    expect(summary).toMatch(/<pre id="replay-run">npx podconform check --backend sim --focus/);
  });

  it('opens failures, explains the first divergence with its window and rule, and carries the files', () => {
    const failing = detailsOf(page, 1);
    expect(failing).toMatch(/^<details class="entry st-fail" id="entry-1" open>/);
    expect(failing).toContain('First divergence');
    expect(failing).toContain('<b>13–20.5 s</b> (certain)');
    // The rule's explanation is written once, as a template the entry refers to.
    const template = /data-rule-template="(rule-[0-9]+)"><p>Rule <code>kubelet.backoff.sequence<\/code>/.exec(
      failing,
    )?.[1];
    expect(template).toBeDefined();
    const explanation = page.slice(positionOf(page, `<template id="${template ?? ''}">`));
    expect(explanation).toMatch(
      /^[^]*?kubelet.backoff.sequence<\/code> <span class="muted">\(restart; firm; from the kubelet\)/,
    );
    expect(explanation.slice(0, explanation.indexOf('</template>'))).toContain(
      'KUBELET-FACTS §4.4 (kubelet.backoff.sequence)',
    );
    expect(failing).toContain('<div class="timeline-host" data-entry="1"></div>');
    expect(failing).toContain('<pre id="case-1">id: pc-restart-backoff-doubles');
    expect(failing).toContain('<pre id="manifest-1">apiVersion: v1');
    expect(failing).toContain('data-copy="replay-1"');
    expect(detailsOf(page, 2)).toContain('Not available: the scenario stops the registry');
  });

  it('keeps passes closed and without files; says why an error saw nothing', () => {
    const pass = detailsOf(page, 0);
    expect(pass).toMatch(/^<details class="entry st-pass" id="entry-0">/);
    expect(pass).not.toContain('<pre id="case-0"');
    expect(detailsOf(page, 4)).toContain('Why nothing was judged:</b> podman exited 125');
    expect(detailsOf(page, 4)).toContain('No timeline in the record.');
  });

  it('caps the failures open on load and the entries that carry files', () => {
    const capped = renderHtml(hostileResults, stubAssets, { openFailures: 1, entriesWithFiles: 1 });
    expect(detailsOf(capped, 1)).toContain(' open>');
    expect(detailsOf(capped, 2)).not.toContain(' open>');
    expect(capped).toContain('the first 1 of the 4 entries that did not pass; results.json holds them all');
    expect(page).not.toContain('results.json holds them all');
    expect(detailsOf(capped, 2)).not.toContain('<pre id="case-2"');
  });

  it('tallies each rule by outcome, grouped by area in the catalogue’s order', () => {
    const tallies = tallyRules(hostileResults.entries, hostileResults.rules);
    expect(tallies.find((t) => t.rule === 'kubelet.backoff.sequence')).toMatchObject({
      area: 'restart',
      exercised: 2,
      pass: 1,
      fail: 1,
      unknown: 0,
    });
    expect(tallies.map((t) => t.area)).toEqual([
      'init',
      'run',
      'probes',
      'termination',
      'restart',
      'restart',
      'restart',
    ]);
    const coverage = page.slice(positionOf(page, 'id="coverage"'), positionOf(page, 'id="divergences"'));
    expect(coverage).toContain('<tr class="st-fail" data-rule="kubelet.backoff.sequence">');
  });

  it('lists documentation divergences apart from failures, linked to their entries', () => {
    const section = page.slice(positionOf(page, 'id="divergences"'));
    expect(section).toContain('restart.backoff-documented-from-first');
    expect(section).toContain('<dt>Documents say</dt><dd>restarts wait 10 s, 20 s, 40 s …</dd>');
    expect(section).toContain('<a href="#entry-1">');
    expect(section).toContain('documented.timing[0]');
  });

  it('embeds a timeline per entry that has one, with the first divergence marked', () => {
    const data = embeddedTimelines(page);
    expect(data.entries).toHaveLength(hostileResults.entries.length);
    expect(data.entries[1]?.d?.occ).toBe(3);
    expect(data.entries[4]).toBeNull();
  });
});

describe('report.html for a run that judged nothing', () => {
  it('still has its summary, an empty coverage note and the catalogue’s divergences', () => {
    const empty = renderHtml(
      {
        ...hostileResults,
        entries: [],
        status: 'unknown',
        summary: { total: 0, pass: 0, fail: 0, unknown: 0, error: 0, noExpectations: 0 },
      },
      stubAssets,
    );
    expect(empty).toContain('id="summary"');
    expect(empty).not.toContain('<details');
    expect(empty).toContain('No entry named a rule.');
    expect(empty).toContain('restart.backoff-documented-from-first');
    expect(embeddedTimelines(empty).entries).toEqual([]);
  });
});

describe('report.html from a real run (the library and generated scenarios on the simulator with a deviation)', async () => {
  const sample: ResultsFile = await sampleResults({ scenarios: 6 });
  const html = renderHtml(sample, stubAssets);

  it('draws every failure with its first divergence, timeline, case file and manifest', () => {
    const failures = sample.entries.flatMap((e, i) => (e.status === 'fail' ? [i] : []));
    expect(failures.length).toBeGreaterThan(0);
    for (const i of failures) {
      const details = detailsOf(html, i);
      expect(details).toContain('First divergence');
      expect(details).toContain(`data-entry="${String(i)}"`);
      expect(details).toContain(`<pre id="case-${String(i)}">`);
      expect(details).toMatch(new RegExp(`<pre id="manifest-${String(i)}">|Not available:`));
    }
  });

  it('writes only its own tags', () => {
    expect([...tagNames(html)].filter((t) => !allowedTags.has(t))).toEqual([]);
    expect(markupOutsideScripts(html)).not.toMatch(/\son[a-z]+=/);
  });
});
