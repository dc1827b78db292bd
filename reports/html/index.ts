/** report.html: the pure renderer and the loader of the files it inlines. */
export { renderHtml } from './render-html.ts';
export { loadHtmlAssets, type HtmlAssets } from './assets.ts';
export { defaultEntryLimits, type EntryLimits } from './entry-sections.ts';
