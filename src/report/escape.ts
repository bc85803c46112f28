/** Escaping for what report.html inlines: text, attributes, JSON data and whole scripts. */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON safe inside <script type="application/json">: no '<', '>' or '&' can end the element
 * or open a comment, and U+2028/2029 (valid JSON, line breaks to old JS parsers) are escaped.
 * JSON.parse of the result gives back the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A library's source made safe to inline in <script>: '</script' and '<!--' could end or
 * confuse the script element. Both only occur inside string, regex or template literals,
 * where '<\/' and '<\!--' mean the same characters.
 */
export function scriptForInline(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
