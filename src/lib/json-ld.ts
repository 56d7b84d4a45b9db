/**
 * Serialises structured data for a `<script type="application/ld+json">`.
 * Every `<`, `>` and `&` is escaped as a JSON unicode escape, so no value
 * (a headline containing `</script>`, say) can end the script element.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
