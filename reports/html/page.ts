/**
 * The page skeleton: one self-contained HTML file. Our stylesheet and script, vis-timeline and its stylesheet are
 * inlined; a Content-Security-Policy forbids every fetch and admits only the inlined scripts by their hashes, so
 * even markup that slipped past the escaping could neither load anything nor run.
 */
import { createHash } from 'node:crypto';
import type { HtmlAssets } from './assets.ts';
import { markup, inlineAssetText, jsonForScriptBlock, trustedMarkup, type Html } from './escape.ts';

/** The id of the JSON block the page's script reads the timelines from. */
const timelineDataId = 'podconform-timelines';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// The legend is cloned into every drawn timeline, so a screenshot of one entry explains itself. A page of
// predictions alone has no observed points or divergences, so its legend leaves them out.
const legendLines = (predictionsOnly: boolean) => markup`<template id="timeline-legend"><div class="legend">
<span><i class="swatch win-certain"></i>predicted window: certain (must happen in it)</span>
<span><i class="swatch win-possible"></i>predicted window: possible (happens only for some timings)</span>
<span><i class="swatch win-open"></i>window without an upper bound</span>
${
  predictionsOnly
    ? ''
    : markup`<span><i class="swatch seen"></i>observed point</span>
<span><i class="swatch divergent"></i>first divergence</span>
`
}<span><i class="swatch band"></i>fault or API action</span>
<span><i class="swatch st-ok"></i><i class="swatch st-wait"></i><i class="swatch st-term"></i><i class="swatch st-bad"></i>STATUS column (kubectl get pod)</span>
<span class="muted">axis: seconds since pod creation · one row per kind of point, grouped by container · Ctrl+wheel zooms, drag pans</span>
</div></template>`;

/** How a page differs from report.html. */
export interface PageOptions {
  /** the timelines hold predictions only (`predict --html`): the legend says nothing of observed points */
  readonly predictionsOnly?: boolean;
  /** styles of that page's own, after the report's (shipped with the code, never from a run) */
  readonly extraCss?: string;
}

/** The whole document around the rendered sections. */
export function renderPage(
  title: string,
  body: Html,
  timelineData: unknown,
  assets: HtmlAssets,
  options: PageOptions = {},
): string {
  const scripts = [assets.visTimelineJs, assets.pageJs].map((js) => inlineAssetText(js, 'script'));
  const css = [assets.visTimelineCss, assets.pageCss, ...(options.extraCss === undefined ? [] : [options.extraCss])];
  const styles = css.map((text) => inlineAssetText(text, 'style'));
  // Hashes, not 'unsafe-inline': inline event handlers (onerror=...) stay forbidden even if markup slipped through.
  const csp = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src ${scripts.map(sha256).join(' ')}; base-uri 'none'; form-action 'none'`;
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${styles.map(
  (css) => markup`<style>${trustedMarkup(css)}</style>
`,
)}</head>
<body>
${body}
${legendLines(options.predictionsOnly === true)}
<script type="application/json" id="${timelineDataId}">${trustedMarkup(jsonForScriptBlock(timelineData))}</script>
${scripts.map(
  (js) => markup`<script>${trustedMarkup(js)}</script>
`,
)}</body>
</html>
`.__html;
}
