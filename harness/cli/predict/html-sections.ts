/**
 * One pod's prediction as `predict --html` shows it, section by section and in the text output's order: the
 * assumptions, the `kubectl get pod -w` lines, the outcome; the Events and the folded probe runs go below the
 * timeline. The phrases are render-text.ts's own, so the page and the terminal say the same thing; every text from
 * the manifest passes through `markup`, which escapes it.
 */
import { markup, type Html } from '../../../reports/html/escape.ts';
import type { Outcome } from './outcomes.ts';
import type { PredictReport, ReportedAssumption } from './predict-report.ts';
import {
  containerText,
  decidesText,
  eventHoles,
  eventWhen,
  outcomeHeadline,
  probeText,
  profileWords,
} from './render-text.ts';
import { formatSeconds } from './time-text.ts';

function table(head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, cls: string): Html {
  return markup`<table class="predict ${cls}"><thead><tr>${head.map((h) => markup`<th>${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => markup`<tr>${r.map((cell) => markup`<td>${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}

function assumptionItem(a: ReportedAssumption): Html {
  const origin = a.source === 'default' ? '' : markup` <span class="badge st-none">from ${a.source}</span>`;
  const why = a.why === undefined ? '' : markup`<div class="muted">why: ${a.why}</div>`;
  const decides =
    a.decidesOutcome === undefined
      ? ''
      : markup`<div class="decides">this assumption decides: ${decidesText(a.decidesOutcome)}</div>`;
  return markup`<li><b>${a.subject}</b>: ${a.assumed}${origin}${why}<div class="muted">set with <code>${a.flag}</code> or annotation <code>${a.annotation}</code></div>${decides}</li>`;
}

/** The assumptions, each with the flag and annotation that change it and what it decides. */
export function assumptionsHtml(report: PredictReport): Html {
  if (report.assumptions.length === 0) {
    return markup`<h3>Assumptions</h3><p class="muted">None: every process, hook and probe behaviour is written in the case.</p>`;
  }
  return markup`<h3>Assumptions <span class="muted">(what the manifest does not say; change each with its flag or pod annotation)</span></h3><ul class="assumptions">${report.assumptions.map(assumptionItem)}</ul>`;
}

/** The `kubectl get pod NAME -w` lines as a table. */
export function watchHtml(report: PredictReport): Html {
  const name = report.scenario.pod.name;
  const rows = report.watch.map((w) => [name, w.ready, w.status, String(w.restarts), formatSeconds(w.atSeconds)]);
  return markup`<h3><code>kubectl get pod ${name} -w</code> <span class="muted">(AGE = time since the pod was created, nominal timing)</span></h3>${table(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], rows, 'watch')}`;
}

function outcomeBlock(o: Outcome): Html {
  const containers = Object.entries(o.containers).map(([name, c]) => markup`<li>${containerText(name, c)}</li>`);
  return markup`<div class="outcome"><code>${outcomeHeadline(o)}</code><ul>${containers}</ul></div>`;
}

/** The outcome at the end of the observation, or the outcomes that go together when the timing decides. */
export function outcomesHtml(report: PredictReport): Html {
  const at = formatSeconds(report.prediction.observeForSeconds);
  const [only] = report.outcomes;
  const body =
    report.outcomes.length === 1 && only !== undefined
      ? markup`<h3>Outcome at ${at} <span class="muted">(the same on every timing)</span></h3>${outcomeBlock(only)}`
      : markup`<h3>Outcome at ${at} <span class="muted">depends on the timing; the values that go together:</span></h3>${report.outcomes.map(
          (o, i) =>
            markup`<p>${i === 0 ? 'either' : 'or'} <span class="muted">(${o.profiles.map((p) => profileWords[p]).join(', ')})</span>:</p>${outcomeBlock(o)}`,
        )}`;
  const loose =
    report.looseValues.length === 0
      ? ''
      : markup`<p class="muted">A status written just before or after that moment may also show:</p><ul>${report.looseValues.map(
          (l) => markup`<li>${l.field}: ${l.values.join(' | ')}</li>`,
        )}</ul>`;
  return markup`${body}${loose}`;
}

/** The Events as `kubectl describe pod` lists them, repeats folded, with the holes in their messages explained. */
export function eventsHtml(report: PredictReport): Html {
  const rows = report.events.map((e) => [e.type, e.reason, eventWhen(e), e.from, e.container ?? '-', e.message]);
  const holes = eventHoles(report.events).map(([h, d]) => markup`<li><code>{${h}}</code>: ${d}</li>`);
  return markup`<h3>Events <span class="muted">(as kubectl describe pod lists them; At = time since creation, nominal timing)</span></h3>${table(['Type', 'Reason', 'At', 'From', 'Container', 'Message'], rows, 'events')}${holes.length === 0 ? '' : markup`<ul class="muted">${holes}</ul>`}`;
}

/** The probe runs folded into one line per probe and period, and what the rules leave open. */
export function probesAndOpenHtml(report: PredictReport): Html {
  const probes =
    report.probes.length === 0
      ? ''
      : markup`<h3>Probe runs <span class="muted">(folded)</span></h3><ul class="probes">${report.probes.map((p) => markup`<li>${probeText(p)}</li>`)}</ul>`;
  const open = report.prediction.undetermined;
  const left =
    open.length === 0
      ? ''
      : markup`<h3>Left open by the rules</h3><ul>${open.map((u) => markup`<li>${u.subject}: ${u.why}</li>`)}</ul>`;
  return markup`${probes}${left}`;
}
