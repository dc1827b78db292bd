/**
 * The files report.html inlines: vis-timeline's standalone build and stylesheet (a dependency), and the page's own
 * scripts and stylesheet (reports/html/client/: timeline.js draws one timeline, report-page.js runs the page). Read
 * once per report; the renderer itself reads nothing.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../harness/run/package-root.ts';

/** The texts renderHtml inlines. */
export interface HtmlAssets {
  readonly visTimelineJs: string;
  readonly visTimelineCss: string;
  /** the page's own script (timeline.js, then report-page.js) */
  readonly pageJs: string;
  /** the page's own styles (report-page.css, then timeline.css) */
  readonly pageCss: string;
}

/** Loads the assets from the installed vis-timeline and from this package's reports/html/client/. */
export async function loadHtmlAssets(): Promise<HtmlAssets> {
  // vis-timeline's export map does not list its styles, so locate the package by its package.json.
  const vis = dirname(createRequire(import.meta.url).resolve('vis-timeline/package.json'));
  // From the compiled CLI in dist/ this module's own folder is gone: find the client files from the package root.
  const client = join(packageRoot(), 'reports', 'html', 'client');
  const [visTimelineJs, visTimelineCss, timelineJs, pageJs, pageCss, timelineCss] = await Promise.all([
    readFile(join(vis, 'standalone', 'umd', 'vis-timeline-graph2d.min.js'), 'utf8'),
    readFile(join(vis, 'styles', 'vis-timeline-graph2d.min.css'), 'utf8'),
    readFile(join(client, 'timeline.js'), 'utf8'),
    readFile(join(client, 'report-page.js'), 'utf8'),
    readFile(join(client, 'report-page.css'), 'utf8'),
    readFile(join(client, 'timeline.css'), 'utf8'),
  ]);
  // One script element: report-page.js uses timeline.js's one global.
  return {
    visTimelineJs,
    visTimelineCss,
    pageJs: `${timelineJs}\n${pageJs}`,
    pageCss: `${pageCss}\n${timelineCss}`,
  };
}
