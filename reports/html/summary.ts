/** The page's first section: what ran where, the counts, and the line that repeats the run. */
import type { ResultsFile } from '../results/schema.ts';
import { copyBlock } from './copy-block.ts';
import { statusBadge } from './entry.ts';
import { markup, type Html } from './escape.ts';
import { formatDuration } from './format.ts';

function row(label: string, value: Html | string): Html {
  return markup`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
}

function counts(results: ResultsFile): Html {
  const s = results.summary;
  const parts: ReadonlyArray<readonly [string, number, string]> = [
    ['fail', s.fail, 'st-fail'],
    ['error', s.error, 'st-error'],
    ['unknown', s.unknown, 'st-unknown'],
    ['pass', s.pass, 'st-pass'],
    ['no expectations', s.noExpectations, 'st-none'],
  ];
  const shown = parts.map(
    ([label, n, cls]) =>
      markup`<span class="count ${n > 0 ? cls : 'zero'}" data-count="${label}"><b>${n}</b> ${label}</span> `,
  );
  return markup`<span class="counts">${shown}<span class="muted">of ${s.total}</span></span>`;
}

function filters(results: ResultsFile): string {
  const f = results.filters;
  const parts = [
    f.focus === undefined ? '' : `--focus ${f.focus}`,
    f.skip === undefined ? '' : `--skip ${f.skip}`,
    f.rules === undefined ? '' : `--rules ${f.rules}`,
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'none' : parts.join(' ');
}

function lines(title: string, items: ReadonlyArray<string>, cls: string): Html | '' {
  if (items.length === 0) return '';
  return markup`<h3>${title}</h3><ul class="${cls}">${items.map((item) => markup`<li>${item}</li>`)}</ul>`;
}

/** The summary section. */
export function renderSummary(results: ResultsFile): Html {
  const { backend, tool } = results;
  const duration = formatDuration(results.startedAt, results.finishedAt);
  const version = backend.version === undefined ? '' : markup` <span class="muted">${backend.version}</span>`;
  const commit =
    tool.commit === undefined ? '' : markup` <span class="muted">commit</span> <code>${tool.commit}</code>`;
  const took = duration === '' ? '' : markup` <span class="muted">(${duration})</span>`;
  return markup`<section id="summary">
<h1>podconform report ${statusBadge(results.status)}</h1>
<table class="summary-table">
${row('Backend', markup`<b>${backend.name}</b>${version}`)}
${row('Kubernetes', markup`${results.kubernetesVersion} <span class="muted">(the rules the model predicts)</span>`)}
${row('Seed', results.seed === undefined ? '–' : String(results.seed))}
${row('Results', counts(results))}
${row('Command', markup`<code>podconform ${results.command} ${results.argv.join(' ')}</code>`)}
${row('Filters', filters(results))}
${row('Tool', markup`${tool.name} ${tool.version}${commit}`)}
${row('Time', markup`${results.startedAt} → ${results.finishedAt}${took}`)}
</table>
<h3>Replay</h3>
${copyBlock('replay-run', results.replay)}
${lines('Backend notices', backend.notices, 'notices')}
${lines('Files that could not be loaded', results.problems, 'problems')}
<nav class="toc"><a href="#failures">Failures</a> · <a href="#unknown">Unknown</a> · <a href="#passes">Passes</a> · <a href="#coverage">Rule coverage</a> · <a href="#divergences">Documentation divergences</a></nav>
</section>`;
}
