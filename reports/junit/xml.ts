/**
 * The little XML this renderer needs: escaping that is safe for any string a backend or a user can put in a
 * results file, and elements built as a tree and printed once, so no caller ever concatenates markup.
 */

/**
 * Characters XML 1.0 forbids anywhere, even escaped (§2.2 Char): C0 controls other than tab, newline and carriage
 * return, lone surrogates, U+FFFE and U+FFFF. An adapter's stderr or a runtime's message can carry any of them
 * (an ANSI colour code, a NUL), and one of them makes the whole file unreadable to every CI reporter.
 */
const illegalInXml10 =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 cannot carry removed. */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(illegalInXml10, '');
}

/** Text content: `&`, `<` and `>` escaped (`>` too, so `]]>` can never appear); a CR kept as a reference. */
export function escapeXmlText(text: string): string {
  return stripIllegalXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * An attribute value in double quotes: the text escapes, both quotes, and tab, newline and CR as references,
 * because a parser normalises literal whitespace in an attribute to spaces (XML 1.0 §3.3.3).
 */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** One element: attributes in the order given (absent values are left out), then children or text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: ReadonlyArray<readonly [string, string | number | undefined]>;
  readonly children?: ReadonlyArray<XmlElement>;
  /** text content; an element has either children or text */
  readonly text?: string;
}

/** The element and everything under it, indented two spaces a level; text content is printed exactly. */
export function printXml(element: XmlElement, depth = 0): string {
  const indent = '  '.repeat(depth);
  const attributes = (element.attributes ?? [])
    .filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  if (element.text !== undefined && element.text !== '') {
    return `${open}>${escapeXmlText(element.text)}</${element.name}>\n`;
  }
  const children = element.children ?? [];
  if (children.length === 0) return `${open}/>\n`;
  return `${open}>\n${children.map((child) => printXml(child, depth + 1)).join('')}${indent}</${element.name}>\n`;
}
