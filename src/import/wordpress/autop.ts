/**
 * Paragraphs for classic-editor posts. WordPress stores them as plain text
 * with blank lines between paragraphs and adds the `<p>` and `<br>` tags only
 * when it shows a post (`wpautop`); block-editor posts store their tags. This
 * is the same idea, enough for the HTML-to-Markdown pass: a run of text
 * between blank lines is a paragraph unless it starts with, or sits inside,
 * a block element; a single line break inside one is a `<br>`.
 */

const BLOCK_START = /^<\/?(address|article|aside|blockquote|details|div|dl|dd|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|math|nav|noscript|ol|p|pre|script|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|object|embed|canvas|svg)\b/i;
/** Elements whose content may hold blank lines that are not paragraph breaks. */
const CONTAINERS = ['blockquote', 'details', 'div', 'dl', 'figure', 'ol', 'pre', 'script', 'section', 'style', 'table', 'ul', 'svg'];
const CONTAINER_TAG = new RegExp(`<(/?)(${CONTAINERS.join('|')})\\b[^>]*?(/?)>`, 'gi');

/** How many containers a chunk opens, less those it closes. */
function depthChange(chunk: string): number {
  let change = 0;
  for (const [, closing, , selfClosing] of chunk.matchAll(CONTAINER_TAG)) {
    if (selfClosing) continue;
    change += closing ? -1 : 1;
  }
  return change;
}

export function autop(text: string): string {
  const chunks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/);
  let depth = 0;
  const out: string[] = [];
  for (const raw of chunks) {
    const chunk = raw.trim();
    if (!chunk) continue;
    if (depth > 0 || BLOCK_START.test(chunk)) out.push(chunk);
    else out.push(`<p>${chunk.replace(/\n/g, '<br>\n')}</p>`);
    depth = Math.max(0, depth + depthChange(chunk));
  }
  return out.join('\n\n');
}
