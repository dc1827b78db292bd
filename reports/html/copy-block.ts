/** A `<pre>` block with a copy button; the page's script copies the block's text (never its markup). */
import { markup, type Html } from './escape.ts';

/** `id` must be unique in the page and made by the renderer (never from a run), since it lands in an attribute. */
export function copyBlock(id: string, text: string): Html {
  return markup`<div class="copyable"><button type="button" class="copy" data-copy="${id}">Copy</button><pre id="${id}">${text}</pre></div>`;
}
