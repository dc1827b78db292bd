/**
 * Escaping for report.html. Every string from a run (pod and container names, messages, logs, file names, YAML) is
 * untrusted: the `markup` template escapes each interpolated value unless it is already `Html` built the same way, so
 * a renderer cannot forget to escape by writing plain string concatenation.
 */

/** Markup that is safe to insert as is: only `markup` and `trustedMarkup` make it. */
export interface Html {
  readonly __html: string;
}

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** A value the `markup` template accepts: text is escaped, numbers printed, `Html` kept, lists joined, nothing dropped. */
export type HtmlValue = Html | string | number | boolean | null | undefined | ReadonlyArray<HtmlValue>;

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && '__html' in value;
}

function toMarkup(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || value === true) return String(value);
  if (isHtml(value)) return value.__html;
  return value.map(toMarkup).join('');
}

/** The template tag every renderer writes markup with (not named `html`, so Prettier leaves the markup as written). */
export function markup(strings: TemplateStringsArray, ...values: ReadonlyArray<HtmlValue>): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += toMarkup(value) + (strings[i + 1] ?? '');
  });
  return { __html: out };
}

/** Markup from trusted text we ship ourselves (the inlined library, our CSS): never for anything from a run. */
export function trustedMarkup(text: string): Html {
  return { __html: text };
}

/**
 * JSON for a `<script type="application/json">` block: `<` becomes \u003c so no `</script>` or `<!--` can end or
 * bend the block, and U+2028/U+2029 are escaped so the text stays valid if a script ever evaluates it.
 */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A shipped script or stylesheet made safe to inline: a stray `</script` or `</style` in it would end the element. */
export function inlineAssetText(text: string, element: 'script' | 'style'): string {
  return text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
}
