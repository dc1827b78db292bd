/** Stand-ins for the inlined files, so tests look at the markup the renderer writes and nothing else. */
import type { HtmlAssets } from '../../../reports/html/index.ts';

export const stubAssets: HtmlAssets = {
  visTimelineJs: '/* vis-timeline */',
  visTimelineCss: '/* vis-timeline css */',
  pageJs: '/* page */',
  pageCss: '/* page css */',
};

/** The page's markup outside `<script>` and `<style>` elements, where an injected tag would take effect. */
export function markupOutsideScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
}

/** The tag names the renderer writes; anything else in a page came from a run's data. */
export const allowedTags = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'section',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'b',
  'i',
  'a',
  'code',
  'pre',
  'div',
  'span',
  'button',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'template',
  'script',
]);

/** Every tag name opened or closed in `html` (outside scripts and styles). */
export function tagNames(html: string): ReadonlySet<string> {
  return new Set(
    [...markupOutsideScripts(html).matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()),
  );
}
