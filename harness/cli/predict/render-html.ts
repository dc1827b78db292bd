/**
 * `predict --html FILE`: one self-contained page with, for each pod predicted, what the text output says and the
 * timeline report.html draws (reports/html: the page skeleton with its CSP and inlined assets, the packed timeline
 * data and the client script that draws it). Each pod is an open `details.entry`, as report.html's entries are, so
 * the report's script draws its timeline unchanged. Pure: the same reports and assets give the same page.
 */
import type { HtmlAssets } from '../../../reports/html/assets.ts';
import { markup, type Html } from '../../../reports/html/escape.ts';
import { renderPage } from '../../../reports/html/page.ts';
import { packTimelineSet } from '../../../reports/html/timeline-data.ts';
import { timelineHost } from '../../../reports/html/timeline-host.ts';
import { timelineOf } from '../../../reports/results/timeline.ts';
import { assumptionsHtml, eventsHtml, outcomesHtml, probesAndOpenHtml, watchHtml } from './html-sections.ts';
import type { PredictReport } from './predict-report.ts';
import { predictPageCss } from './predict-page-css.ts';
import { formatSeconds } from './time-text.ts';

/** One pod's report, headed by where it came from when the input was a stream. */
export interface PredictedPod {
  readonly heading?: string;
  readonly report: PredictReport;
}

function podSection(index: number, { heading, report }: PredictedPod): Html {
  const { scenario, prediction } = report;
  const where =
    report.namespace === undefined ? '' : markup` <span class="muted">in namespace</span> ${report.namespace}`;
  const from = heading === undefined ? '' : markup` <span class="muted">${heading}</span>`;
  const [only] = report.outcomes;
  const ends =
    report.outcomes.length !== 1 || only === undefined
      ? 'STATUS depends on the timing'
      : only.gone
        ? `gone (last STATUS ${only.status})`
        : `STATUS ${only.status}, READY ${only.ready}`;
  return markup`<details class="entry prediction" id="entry-${index}" open><summary><span class="entry-kind">pod</span> <span class="entry-id">${scenario.pod.name}</span>${where}${from} <span class="entry-first">at ${formatSeconds(prediction.observeForSeconds)}: ${ends}</span></summary><div class="entry-body">${assumptionsHtml(report)}${watchHtml(report)}${outcomesHtml(report)}<h3>Timeline <span class="muted">(the model's windows placed from the nominal time of the point each follows; STATUS as kubectl get pod shows it)</span></h3>${timelineHost(index)}${eventsHtml(report)}${probesAndOpenHtml(report)}</div></details>
`;
}

/** The page for the pods of one `predict` call; `commandLine` is printed first so the page says how to redo it. */
export function renderPredictHtml(pods: ReadonlyArray<PredictedPod>, commandLine: string, assets: HtmlAssets): string {
  const count = pods.length === 1 ? '1 pod' : `${String(pods.length)} pods`;
  const body = markup`<main>
<h1>What a conformant kubelet (1.35) does with ${count}</h1>
<p class="muted">Made by <code>${commandLine}</code>. Times are seconds since the pod was created, at nominal timing.</p>
${pods.map((pod, i) => podSection(i, pod))}</main>`;
  // The model's windows, placed from the anchors it predicts: there is nothing observed to place them from.
  const timelines = packTimelineSet(
    pods.map(({ report }) => ({
      timeline: timelineOf(report.scenario, report.prediction, undefined),
      firstFinding: undefined,
    })),
  );
  const names = pods.map((p) => p.report.scenario.pod.name).join(', ');
  return renderPage(`podconform predict — ${names}`, body, timelines, assets, {
    predictionsOnly: true,
    extraCss: predictPageCss,
  });
}
