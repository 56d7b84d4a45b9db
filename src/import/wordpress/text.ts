/**
 * Plain text from WordPress's HTML fields: titles, excerpts, term names and
 * the first sentence of a body. WordPress stores typographic entities
 * (`&#8217;`, `&amp;`, `&hellip;`) in these, and Broadsheet's fields are
 * plain text, so they are decoded here.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', laquo: '«', raquo: '»', copy: '©', reg: '®',
  trade: '™', deg: '°', middot: '·', bull: '•', times: '×', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§',
  para: '¶', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ',
  ccedil: 'ç', auml: 'ä', ouml: 'ö', uuml: 'ü', szlig: 'ß', Eacute: 'É', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', shy: '\u00ad',
};

/** Decodes numeric entities and the named ones WordPress writes; any other stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** Block comments, shortcodes in square brackets and tags out; entities decoded; whitespace collapsed. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|br|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\[\/?[a-z][\w-]*(?:[\s=][^\]]*)?\]/gi, ' ');
  return decodeEntities(text).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The running text of a body, without figures, captions, tables and headings: where a dek or a headline can come from. */
export function proseText(html: string): string {
  return htmlToText(
    html
      .replace(/\[(caption|wp_caption|gallery)\b[\s\S]*?\[\/\1\]/gi, ' ')
      .replace(/<(figure|table|h[1-6]|blockquote|pre)\b[\s\S]*?<\/\1\s*>/gi, ' '),
  );
}

/** Cuts at a word boundary so the result, with its ellipsis, has at most `max` characters. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The first sentence of a text (ending in . ! or ? before a capital, a quote or the end), at most `max` characters. */
export function firstSentence(text: string, max: number): string {
  const match = /^.{10,}?[.!?](?=["'”’)]?(?:\s+["'“‘(]?[\p{Lu}\d]|\s*$))["'”’)]?/su.exec(text);
  return truncateWords((match?.[0] ?? text).trim(), max);
}

/** The first words of a text, for a headline when a post has none. */
export function firstWords(text: string, count: number, max: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const head = words.slice(0, count).join(' ');
  return truncateWords(words.length > count ? `${head}…` : head, max);
}
