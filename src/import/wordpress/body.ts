/**
 * A post's body, from what WordPress stored to Markdown: block-editor
 * comments dropped, shortcodes expanded, classic posts given their
 * paragraphs, then one HTML-to-Markdown pass. Images stay tokens until the
 * media step knows which files it could get (`placeImages`). What needs an
 * editor's look (shortcodes that could not be converted, HTML kept for the
 * sanitiser, tags left open) comes back as notes for the report.
 */
import { autop } from './autop.ts';
import { htmlToMarkdown, escapeInline } from './markdown.ts';
import { embedBareUrls, expandShortcodes, type ShortcodeContext } from './shortcodes.ts';

export interface BodyImage {
  /** Stands in the Markdown for the image until it is placed. */
  token: string;
  /** The address as the post wrote it (resolved against the post's address). */
  url: string;
  alt: string;
  caption: string;
  /** A figure of its own (with its caption below), not an image inside a line of text. */
  block: boolean;
}

export interface ConvertedBody {
  markdown: string;
  images: BodyImage[];
  notes: string[];
}

export interface BodyContext extends ShortcodeContext {
  /** The post's own address: relative image addresses are read against it. */
  baseUrl: string;
  /** Where a link should lead now, as written in the post (relative ones too). */
  link: (href: string) => string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements HTML lets a writer leave unclosed. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rt', 'rp', 'html', 'head', 'body']);

/** Elements opened and never closed, in the order they were opened: the browser (and the import) closed them as it saw fit. */
export function unclosedTags(html: string): string[] {
  const open: string[] = [];
  const unclosed: string[] = [];
  const source = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  for (const [whole, closing, rawName] of source.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g)) {
    const name = rawName!.toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || whole.endsWith('/>')) continue;
    if (!closing) {
      open.push(name);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at === -1) continue;
    unclosed.push(...open.splice(at).slice(1));
  }
  return [...unclosed, ...open];
}

const TOKEN_START = '\u27e6wp-image-';
const TOKEN_END = '\u27e7';

function absolute(address: string, base: string): string {
  try {
    return new URL(address.trim(), base || undefined).href;
  } catch {
    return address.trim();
  }
}

export function convertBody(html: string, context: BodyContext): ConvertedBody {
  const blockEditor = /<!--\s*wp:/.test(html);
  const withoutComments = html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '').replace(/<!--\s*(more|nextpage|noteaser)\b[^>]*-->/g, '');
  const { html: expanded, unconverted } = expandShortcodes(withoutComments, context);
  const prepared = blockEditor ? expanded : autop(embedBareUrls(expanded));

  const images: BodyImage[] = [];
  const kept = new Set<string>();
  const markdown = htmlToMarkdown(prepared, {
    image: (src, alt, caption, block) => {
      const token = `${TOKEN_START}${images.length}${TOKEN_END}`;
      images.push({ token, url: absolute(src, context.baseUrl), alt, caption, block });
      return token;
    },
    link: context.link,
    keptHtml: (tag) => kept.add(tag),
  });

  const notes: string[] = [];
  if (unconverted.length > 0) notes.push(`shortcodes that could not be converted, removed (their text kept): ${unconverted.map((name) => `[${name}]`).join(', ')}`);
  if (kept.size > 0) notes.push(`HTML kept for the build's sanitiser, which removes what is unsafe: ${[...kept].map((tag) => `<${tag}>`).join(', ')}`);
  const unclosed = unclosedTags(withoutComments);
  if (unclosed.length > 0) notes.push(`HTML left open in WordPress, closed on import: ${[...new Set(unclosed)].map((tag) => `<${tag}>`).join(', ')}`);
  // A figure inside a link or a gallery is converted twice on the way; only what the Markdown holds counts.
  return { markdown, images: images.filter((image) => markdown.includes(image.token)), notes };
}

/**
 * Puts each image's Markdown in place of its token: `./file.jpg` for one the
 * media step could get, nothing for one it could not (with its caption).
 */
export function placeImages(markdown: string, images: readonly BodyImage[], files: ReadonlyMap<string, string | undefined>): string {
  let placed = markdown;
  for (const image of images) {
    const file = files.get(image.url);
    let replacement = '';
    if (file) {
      replacement = `![${escapeInline(image.alt)}](./${file})`;
      if (image.block && image.caption) replacement += `\n\n*${escapeInline(image.caption)}*`;
    }
    placed = placed.split(image.token).join(replacement);
  }
  return placed.replace(/\n{3,}/g, '\n\n').trim();
}
