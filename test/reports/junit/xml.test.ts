/** The escaping every string in junit.xml goes through: nothing a backend prints can break the file. */
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, printXml, stripIllegalXmlChars } from '../../../reports/junit/xml.ts';

describe('stripIllegalXmlChars', () => {
  it('removes C0 controls other than tab, newline and CR, U+FFFE/U+FFFF and lone surrogates', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0007c\u001bd\u000be\u000cf\uFFFEg\uFFFFh')).toBe('abcdefgh');
    expect(stripIllegalXmlChars('x\uD800y\uDC00z')).toBe('xyz');
  });

  it('keeps tab, newline, CR, DEL, non-ASCII letters and characters outside the BMP (surrogate pairs)', () => {
    const kept = 'tab\there\nnew\rcr \u007f é → 😀 \uE000';
    expect(stripIllegalXmlChars(kept)).toBe(kept);
  });
});

describe('escapeXmlText', () => {
  it('escapes markup so neither a tag nor a CDATA end can appear', () => {
    expect(escapeXmlText('<script>a && b</script> ]]>')).toBe('&lt;script&gt;a &amp;&amp; b&lt;/script&gt; ]]&gt;');
  });

  it('keeps quotes and newlines literal in text, and writes a CR as a reference so a parser keeps it', () => {
    expect(escapeXmlText(`say "hi"\nit's\r\n`)).toBe(`say "hi"\nit's&#13;\n`);
  });
});

describe('escapeXmlAttribute', () => {
  it('escapes both quotes and keeps tab, newline and CR as references (literal ones become spaces)', () => {
    expect(escapeXmlAttribute(`"a" 'b' <c> & d\te\nf\rg`)).toBe(
      '&quot;a&quot; &apos;b&apos; &lt;c&gt; &amp; d&#9;e&#10;f&#13;g',
    );
  });
});

describe('printXml', () => {
  it('leaves absent attributes out, closes empty elements and escapes names’ values and text', () => {
    const printed = printXml({
      name: 'a',
      attributes: [
        ['x', '1"'],
        ['y', undefined],
        ['z', 2],
      ],
      children: [{ name: 'b' }, { name: 'c', text: '<d>' }],
    });
    expect(printed).toBe('<a x="1&quot;" z="2">\n  <b/>\n  <c>&lt;d&gt;</c>\n</a>\n');
  });
});
