/**
 * HTML to Markdown with Turndown and its GFM plugin (tables), plus rules for
 * what WordPress writes: image figures with captions, galleries, video
 * embeds, links to the old site, headings below the article's own. Images
 * become tokens that the media step replaces once it knows which files it
 * has. What has no Markdown form (scripts, forms, other sites' frames) is
 * kept as HTML for the build's sanitiser, which removes what is unsafe.
 */
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { embedHtml, videoEmbed } from './embeds.ts';

export interface MarkdownContext {
  /** Registers an image; returns the token that stands in for its Markdown. `block`: a figure of its own, with its caption. */
  image: (src: string, alt: string, caption: string, block: boolean) => string;
  /** Where a link should lead now (an old post's address becomes its article's). */
  link: (href: string) => string;
  /** Called with the name of each element kept as HTML that the sanitiser may remove. */
  keptHtml: (tag: string) => void;
}

/** Kept as HTML and named in the report: the build's sanitiser removes most of them. */
const ACTIVE = ['script', 'style', 'object', 'embed', 'video', 'audio', 'form', 'svg', 'math', 'canvas', 'button', 'input', 'select', 'textarea', 'template'];
/** Kept as HTML without comment: Markdown has no form for them, and they render as they are. */
const INLINE_HTML = ['details', 'sup', 'sub', 'mark', 'abbr', 'kbd', 'dl'];
const BLOCK_TAGS = new Set(['SCRIPT', 'STYLE', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'FORM', 'SVG', 'MATH', 'CANVAS', 'TEMPLATE', 'DETAILS', 'DL', 'IFRAME']);
const MEDIA_LINK = /\/wp-content\/uploads\/|\.files\.wordpress\.com\/|[?&]attachment_id=|\/attachment\/|\.(jpe?g|png|gif|webp|avif)(\?|$)/i;

let current: MarkdownContext | undefined;
const context = (): MarkdownContext => {
  if (!current) throw new Error('htmlToMarkdown sets the context');
  return current;
};

const classesOf = (node: Element) => ` ${node.getAttribute('class') ?? ''} `;
const hasClass = (node: Element, ...names: string[]) => names.some((name) => classesOf(node).includes(` ${name} `));
const all = (node: Element, selector: string) => Array.from(node.querySelectorAll(selector));
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A lazy-loading plugin leaves a placeholder in `src` and the picture in a data attribute. */
function imageSource(img: Element): string {
  const src = img.getAttribute('src') ?? '';
  if (src && !src.startsWith('data:')) return src;
  return img.getAttribute('data-orig-file') ?? img.getAttribute('data-lazy-src') ?? img.getAttribute('data-src') ?? '';
}

/** Text that cannot start Markdown syntax: for alt text and captions. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&').replace(/\s+/g, ' ').trim();
}

/** The figcaption (or the caption element an older theme wrote) among a node's own children. */
function ownCaption(node: Element): Element | undefined {
  return Array.from(node.children).find((child) => child.nodeName === 'FIGCAPTION' || hasClass(child, 'wp-caption-text', 'gallery-caption'));
}

/** The caption nearest an image, looking no further out than `stop` (which is not searched). */
function captionOf(image: Element, stop: Element | null): string {
  for (let node: Element | null = image.parentElement; node && node !== stop; node = node.parentElement) {
    const caption = ownCaption(node);
    if (caption) return textOf(caption);
  }
  return '';
}

function isGallery(node: Element): boolean {
  if (hasClass(node, 'wp-block-gallery', 'blocks-gallery-grid', 'gallery', 'tiled-gallery')) return true;
  return node.nodeName === 'FIGURE' && node.querySelectorAll('img').length > 1 && !node.querySelector('table');
}

function isEmbed(node: Element): boolean {
  return (node.nodeName === 'FIGURE' || node.nodeName === 'DIV') && hasClass(node, 'wp-block-embed', 'wp-embed', 'embed-youtube', 'embed-vimeo');
}

function isImageFigure(node: Element): boolean {
  if (node.nodeName !== 'FIGURE' && !(node.nodeName === 'DIV' && hasClass(node, 'wp-caption'))) return false;
  return node.querySelectorAll('img').length === 1 && !node.querySelector('table, iframe, blockquote, video, audio');
}

function blockImage(img: Element, stop: Element | null): string {
  const src = imageSource(img);
  return src ? context().image(src, img.getAttribute('alt') ?? '', captionOf(img, stop), true) : '';
}

function embedReplacement(node: Element): string {
  const wrapper = node.querySelector('.wp-block-embed__wrapper');
  const address = textOf(wrapper) || node.querySelector('iframe')?.getAttribute('src') || node.querySelector('a')?.getAttribute('href') || textOf(node);
  const caption = textOf(node.querySelector('figcaption'));
  const captionLine = caption ? `\n\n*${escapeInline(caption)}*` : '';
  const video = videoEmbed(address);
  if (video) return `\n\n${embedHtml(video, caption)}${captionLine}\n\n`;
  return address ? `\n\n[${escapeInline(address)}](${destination(context().link(address))})${captionLine}\n\n` : '';
}

function destination(href: string): string {
  const escaped = href.replace(/([<>()])/g, '\\$1');
  return escaped.includes(' ') ? `<${escaped}>` : escaped;
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '* * *',
    keepReplacement: (_content, node) => {
      const tag = node.nodeName.toLowerCase();
      if (ACTIVE.includes(tag) || tag === 'iframe') context().keptHtml(tag);
      // A blank line would end an HTML block in Markdown, and the rest would be read as text.
      const html = node.outerHTML.replace(/\n\s*\n/g, '\n');
      return BLOCK_TAGS.has(node.nodeName) ? `\n\n${html}\n\n` : html;
    },
  });
  service.use(gfm);
  service.keep([...ACTIVE, ...INLINE_HTML] as TurndownService.TagName[]);
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as Element | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? 1);
        prefix = `${(Number.isInteger(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, /\n$/.test(content) ? '\n' : '').replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling ? '\n' : '');
    },
  });
  // HTML left open wraps whole paragraphs in <em> or <strong>; Markdown emphasis cannot span them, so it is dropped there.
  for (const [key, tags, delimiter] of [['emphasis', ['em', 'i'], '*'], ['strong', ['strong', 'b'], '**']] as const) {
    service.addRule(key, {
      filter: [...tags],
      replacement: (content) => {
        if (!content.trim()) return '';
        return /\n\s*\n/.test(content) ? content : `${delimiter}${content}${delimiter}`;
      },
    });
  }
  // The article's headline is its only h1; a heading in the body starts at h2.
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const level = Math.max(2, Number(node.nodeName.charAt(1)));
      const text = content.replace(/\s+/g, ' ').trim();
      return text ? `\n\n${'#'.repeat(level)} ${text}\n\n` : '';
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = imageSource(node);
      return src ? context().image(src, node.getAttribute('alt') ?? '', '', false) : '';
    },
  });
  service.addRule('link', {
    filter: (node) => node.nodeName === 'A' && Boolean(node.getAttribute('href')),
    replacement: (content, node) => {
      const href = node.getAttribute('href') ?? '';
      const text = content.trim();
      if (!text) return '';
      // WordPress links an image to its file or its attachment page by default: the picture is what matters.
      if (node.querySelector('img') && !textOf(node) && MEDIA_LINK.test(href)) return content;
      const title = node.getAttribute('title');
      return `[${content}](${destination(context().link(href))}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });
  service.addRule('iframe', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const video = videoEmbed(node.getAttribute('src') ?? '');
      if (video) return `\n\n${embedHtml(video, node.getAttribute('title') ?? '')}\n\n`;
      context().keptHtml('iframe');
      return `\n\n${node.outerHTML}\n\n`;
    },
  });
  service.addRule('imageFigure', {
    filter: (node) => isImageFigure(node),
    replacement: (_content, node) => `\n\n${blockImage(node.querySelector('img')!, node.parentElement)}\n\n`,
  });
  service.addRule('gallery', {
    filter: (node) => isGallery(node),
    replacement: (_content, node) => {
      // The gallery's own caption is not any one picture's.
      const images = all(node, 'img').map((img) => blockImage(img, node)).filter(Boolean);
      const caption = hasClass(node, 'wp-block-gallery') ? textOf(ownCaption(node)) : '';
      return `\n\n${images.join('\n\n')}${caption ? `\n\n*${escapeInline(caption)}*` : ''}\n\n`;
    },
  });
  service.addRule('embed', { filter: (node) => isEmbed(node), replacement: (_content, node) => embedReplacement(node) });
  return service;
}

let service: TurndownService | undefined;

/** Markdown for a post body already freed of shortcodes and block comments. */
export function htmlToMarkdown(html: string, withContext: MarkdownContext): string {
  service ??= createService();
  current = withContext;
  try {
    return service
      .turndown(html)
      .replace(/[ \t]+$/gm, (spaces) => (spaces === '  ' ? spaces : ''))
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } finally {
    current = undefined;
  }
}
