/**
 * Where a page draws a timeline: an empty element the client script (client/timeline.js) fills from the i-th
 * timeline of the page's JSON block (timeline-data.ts `packTimelineSet`). report.html puts one in each entry;
 * `predict --html` one under each pod's heading.
 */
import { markup, type Html } from './escape.ts';

/** The host of the page's `index`-th packed timeline; drawn when its `details.entry` is open and in view. */
export function timelineHost(index: number): Html {
  return markup`<div class="timeline-host" data-entry="${index}"></div>`;
}
