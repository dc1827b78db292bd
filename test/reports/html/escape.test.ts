import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  inlineAssetText,
  jsonForScriptBlock,
  markup,
  trustedMarkup,
} from '../../../reports/html/escape.ts';

describe('escaping for report.html', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated string, keeps markup built the same way, joins lists, drops nothing else', () => {
    const name = '"><img src=x onerror=alert(1)>';
    const inner = markup`<b>${name}</b>`;
    const page = markup`<p title="${name}">${inner}${[name, 3, false, null, undefined, true]}</p>`;
    expect(page.__html).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><b>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</b>' +
        '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;3true</p>',
    );
    expect(markup`${trustedMarkup('<i>ok</i>')}`.__html).toBe('<i>ok</i>');
  });

  it('writes JSON that cannot end its script block and parses back to the same value', () => {
    const value = { lane: '</script><script>alert(1)</script>', note: 'a\u2028b\u2029c <!-- x -->' };
    const text = jsonForScriptBlock(value);
    expect(text).not.toMatch(/</);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('neutralises a closing tag inside a shipped asset, in any letter case', () => {
    expect(inlineAssetText('a="</script>";b="</SCRIPT "', 'script')).toBe('a="<\\/script>";b="<\\/SCRIPT "');
    expect(inlineAssetText('x{content:"</style>"}', 'style')).toBe('x{content:"<\\/style>"}');
  });
});
