import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, scriptForInline } from '../../src/report/escape.js';
import { browserBuilds } from '../../src/report/assets.js';

describe('jsonForScript', () => {
  const nasty = { s: '</script><!-- <b>&amp;</b> \u2028 \u2029 end', n: [1, 2] };
  it('leaves nothing that can close the script element or open a comment', () => {
    const out = jsonForScript(nasty);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
  });
  it('round-trips through JSON.parse', () => {
    expect(JSON.parse(jsonForScript(nasty))).toEqual(nasty);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('scriptForInline', () => {
  it('breaks </script and <!-- sequences', () => {
    expect(scriptForInline('var a = "</SCRIPT>"; var b = "<!--";')).toBe('var a = "<\\/SCRIPT>"; var b = "<\\!--";');
  });
});

describe('browserBuilds', () => {
  it('reads the vega, vega-lite and vega-embed UMD builds, safe to inline', () => {
    const builds = browserBuilds();
    expect(builds.map((b) => b.name)).toEqual(['vega', 'vega-lite', 'vega-embed']);
    for (const b of builds) {
      expect(b.file).toMatch(/\.min\.js$/);
      expect(b.source.length).toBeGreaterThan(10_000);
      expect(b.source).toMatch(/globalThis/); // UMD wrapper that defines a global
      expect(scriptForInline(b.source)).toBe(b.source); // nothing to break: inlined as is
    }
  });
});
